import { createPublicKey, type KeyObject, randomBytes } from 'node:crypto'
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateSigningKey, keyId, parsePrivateKey, publicKeyText } from '@audit-trail/merkle'
import type { Logger } from 'pino'
import { PGLITE_IN_MEMORY } from '../db/client.js'
import { ConfigError } from '../errors.js'

/** The key checkpoints are signed with, and what a verifier needs of it. */
export interface SigningKey {
  readonly privateKey: KeyObject
  readonly publicKey: KeyObject
  /** First 16 hex digits of SHA-256 of the raw public key (`key_id` of every checkpoint). */
  readonly keyId: string
  /** Where it was read from; `undefined` for a key that lives in memory only (`DATA_DIR=memory://`). */
  readonly file: string | undefined
  /** Whether this call created the file. */
  readonly created: boolean
}

/** Where the key comes from: `SIGNING_KEY_FILE`, else `<DATA_DIR>/signing-key.pem`. */
export interface SigningKeySource {
  signingKeyFile: string | undefined
  dataDir: string
}

/** The file name of the key the service creates under `DATA_DIR` when `SIGNING_KEY_FILE` is unset. */
export const DEFAULT_SIGNING_KEY_NAME = 'signing-key.pem'

/**
 * Loads the Ed25519 checkpoint key (docs/integrity.md#checkpoints). `SIGNING_KEY_FILE` must exist:
 * replicas share it, so making one up would split the log's signatures. Unset, the service keeps
 * its own key at `<DATA_DIR>/signing-key.pem`, created on first start with mode 0600. The file
 * appears atomically and complete (written aside, then hard-linked into place, which fails if it
 * exists), so processes starting together in one directory all end up with the one key that won.
 * With `DATA_DIR=memory://` (tests) the key lives in memory and dies with the process: its
 * checkpoints cannot be verified later, which is logged at warn when a logger is given.
 *
 * @throws ConfigError naming SIGNING_KEY_FILE when the file cannot be read or is not an
 *   unencrypted PKCS#8 PEM Ed25519 private key (for the default path as well).
 * @example
 * const key = await loadSigningKey({ signingKeyFile: config.transparencyLog.signingKeyFile, dataDir: config.dataDir }, logger)
 */
export async function loadSigningKey(source: SigningKeySource, logger?: Logger): Promise<SigningKey> {
  if (source.signingKeyFile !== undefined) {
    return {
      ...(await readKey(source.signingKeyFile, 'SIGNING_KEY_FILE')),
      file: source.signingKeyFile,
      created: false,
    }
  }
  if (source.dataDir === PGLITE_IN_MEMORY) {
    logger?.warn(
      'DATA_DIR=memory:// and no SIGNING_KEY_FILE: checkpoints are signed with a key that exists in memory only',
    )
    const { privateKey, publicKey } = generateSigningKey()
    return { privateKey, publicKey, keyId: keyId(publicKey), file: undefined, created: true }
  }
  const file = join(source.dataDir, DEFAULT_SIGNING_KEY_NAME)
  const what = `SIGNING_KEY_FILE (unset, so ${file})`
  let created = false
  try {
    created = await createExclusively(file)
  } catch (error) {
    throw new ConfigError(`${what}: cannot create the signing key: ${messageOf(error)}`, { cause: error })
  }
  return { ...(await readKey(file, what)), file, created }
}

/**
 * Writes a new key to `file` unless one exists there. Returns whether this call made it.
 * The new key is written to a file of its own first, then linked to `file`: `link` fails with EEXIST
 * when another process got there first, and a reader never sees a half-written key.
 */
async function createExclusively(file: string): Promise<boolean> {
  const dir = join(file, '..')
  await mkdir(dir, { recursive: true })
  const { privateKey } = generateSigningKey()
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const aside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(aside, pem, { flag: 'wx', mode: 0o600 })
  try {
    await link(aside, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    await unlink(aside).catch(() => {})
  }
}

async function readKey(file: string, what: string): Promise<Omit<SigningKey, 'file' | 'created'>> {
  let pem: string
  try {
    pem = await readFile(file, 'utf8')
  } catch (error) {
    throw new ConfigError(`${what}: cannot read ${file}: ${messageOf(error)}`, { cause: error })
  }
  let privateKey: KeyObject
  try {
    privateKey = parsePrivateKey(pem)
  } catch (error) {
    throw new ConfigError(
      `${what}: ${file} is not an Ed25519 private key (PKCS#8 PEM): ${messageOf(error)}`,
      {
        cause: error,
      },
    )
  }
  const publicKey = createPublicKey(privateKey)
  return { privateKey, publicKey, keyId: keyId(publicKey) }
}

/** The text forms of the public key, for the start-up log line and `datastorage log public-key`. */
export function describeKey(key: SigningKey): { key_id: string; public_key: string; pem: string } {
  const { pem, raw_base64 } = publicKeyText(key.publicKey)
  return { key_id: key.keyId, public_key: raw_base64, pem }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
