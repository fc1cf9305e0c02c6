import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { generateSigningKey, keyId, parsePublicKey, publicKeyText } from '@audit-trail/merkle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLogCommand } from '../../src/cli/log-command.js'
import { ConfigError } from '../../src/errors.js'
import { loadSigningKey } from '../../src/log/signing-key.js'

let dir: string
let n = 0
const fresh = () => join(dir, `data-${n++}`)
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signing-key-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const pemOf = (key = generateSigningKey().privateKey) =>
  key.export({ type: 'pkcs8', format: 'pem' }).toString()

describe('loadSigningKey', () => {
  it('creates <DATA_DIR>/signing-key.pem once, mode 0600, and reads the same key afterwards', async () => {
    const dataDir = fresh()
    const first = await loadSigningKey({ signingKeyFile: undefined, dataDir })
    expect(first).toMatchObject({ file: join(dataDir, 'signing-key.pem'), created: true })
    expect((await stat(first.file!)).mode & 0o777).toBe(0o600)
    const second = await loadSigningKey({ signingKeyFile: undefined, dataDir })
    expect(second.created).toBe(false)
    expect(second.keyId).toBe(first.keyId)
    expect(second.keyId).toBe(keyId(first.publicKey))
    expect(await readdir(dataDir)).toEqual(['signing-key.pem'])
  })

  it('gives processes starting together in one directory the one key that won', async () => {
    const dataDir = fresh()
    const keys = await Promise.all(
      Array.from({ length: 8 }, () => loadSigningKey({ signingKeyFile: undefined, dataDir })),
    )
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1)
    expect(keys.filter((k) => k.created)).toHaveLength(1)
    expect(await readdir(dataDir)).toEqual(['signing-key.pem'])
  })

  it('reads SIGNING_KEY_FILE, and refuses one that is missing or not an Ed25519 PKCS#8 key, naming the variable', async () => {
    const file = join(dir, 'given.pem')
    const key = generateSigningKey()
    await writeFile(file, pemOf(key.privateKey))
    expect((await loadSigningKey({ signingKeyFile: file, dataDir: fresh() })).keyId).toBe(
      keyId(key.publicKey),
    )

    const rsa = join(dir, 'rsa.pem')
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
    await writeFile(rsa, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
    const garbage = join(dir, 'garbage.pem')
    await writeFile(garbage, 'not a key')
    for (const bad of [rsa, garbage, join(dir, 'absent.pem')]) {
      const refused = loadSigningKey({ signingKeyFile: bad, dataDir: fresh() })
      await expect(refused).rejects.toBeInstanceOf(ConfigError)
      await expect(refused).rejects.toThrow(/^SIGNING_KEY_FILE: /)
    }
    // A broken default file is refused the same way, not replaced.
    const dataDir = fresh()
    await loadSigningKey({ signingKeyFile: undefined, dataDir })
    await writeFile(join(dataDir, 'signing-key.pem'), 'broken')
    await expect(loadSigningKey({ signingKeyFile: undefined, dataDir })).rejects.toThrow(/SIGNING_KEY_FILE/)
  })

  it('keeps the key in memory with DATA_DIR=memory://', async () => {
    const a = await loadSigningKey({ signingKeyFile: undefined, dataDir: 'memory://' })
    const b = await loadSigningKey({ signingKeyFile: undefined, dataDir: 'memory://' })
    expect(a.file).toBeUndefined()
    expect(a.keyId).not.toBe(b.keyId)
  })
})

async function run(args: string[], env: Record<string, string | undefined>) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (c) => {
    out += c
  })
  stderr.on('data', (c) => {
    err += c
  })
  const code = await runLogCommand(args, { env, stdout, stderr })
  return { code, out, err }
}

describe('datastorage log public-key', () => {
  it('prints the PEM, key_id and raw key of SIGNING_KEY_FILE, which parse back to that key', async () => {
    const file = join(dir, 'cli.pem')
    const key = generateSigningKey()
    await writeFile(file, pemOf(key.privateKey))
    const { code, out, err } = await run(['public-key'], { SIGNING_KEY_FILE: file })
    expect(code).toBe(0)
    expect(err).toBe('')
    const { pem, raw_base64 } = publicKeyText(key.publicKey)
    expect(out).toBe(`${pem}key_id: ${keyId(key.publicKey)}\npublic_key: ${raw_base64}\n`)
    expect(keyId(parsePublicKey(out))).toBe(keyId(key.publicKey))
  })

  it('prints the key the service uses under DATA_DIR, creating it if the service has not yet', async () => {
    const dataDir = fresh()
    const first = await run(['public-key'], { DATA_DIR: dataDir })
    expect(first.code).toBe(0)
    expect(first.err).toMatch(/created the signing key/)
    const service = await loadSigningKey({ signingKeyFile: undefined, dataDir })
    expect(first.out).toContain(`key_id: ${service.keyId}\n`)
    expect((await run(['public-key'], { DATA_DIR: dataDir })).out).toBe(first.out)
  })

  it('exits 2 on bad usage, a bad key file, or a key that would live in memory only', async () => {
    expect((await run([], {})).code).toBe(2)
    expect((await run(['public-key', 'extra'], {})).code).toBe(2)
    expect((await run(['help'], {})).code).toBe(0)
    const bad = await run(['public-key'], { SIGNING_KEY_FILE: join(dir, 'absent.pem') })
    expect(bad).toMatchObject({ code: 2, out: '' })
    expect(bad.err).toMatch(/SIGNING_KEY_FILE/)
    const memory = await run(['public-key'], { DATA_DIR: 'memory://' })
    expect(memory).toMatchObject({ code: 2, out: '' })
  })
})
