import { PGLITE_IN_MEMORY } from '../db/client.js'
import { loadConfig } from '../env.js'
import { ConfigError } from '../errors.js'
import { describeKey, loadSigningKey } from '../log/signing-key.js'

/** What `datastorage log help` prints, and bad usage after its message. */
export const LOG_USAGE = `usage: datastorage log public-key

  public-key  prints the public key that verifies the log's checkpoints: its SPKI PEM, then
              key_id and the raw key in base64. Hand it to verifiers out of band (never let a
              verifier fetch it from the service it checks). The key is SIGNING_KEY_FILE, else
              <DATA_DIR>/signing-key.pem, created (mode 0600) if the service has not made it yet.
`

/** Where the command reads its settings and writes its output (injected by tests). */
export interface LogCliIo {
  env: Record<string, string | undefined>
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

/**
 * Runs `datastorage log …` and returns the exit code: 0 printed, 2 bad usage or configuration
 * (an unreadable or invalid key file, or `DATA_DIR=memory://` without `SIGNING_KEY_FILE`, whose key
 * would exist in this process only).
 *
 * @example
 * process.exitCode = await runLogCommand(['public-key'], { env: process.env, stdout: process.stdout, stderr: process.stderr })
 */
export async function runLogCommand(args: readonly string[], io: LogCliIo): Promise<number> {
  const { env, stdout, stderr } = io
  if (args[0] === 'help' || args[0] === '--help' || args[0] === '-h') {
    stdout.write(LOG_USAGE)
    return 0
  }
  if (args[0] !== 'public-key' || args.length > 1) {
    const what = args[0] === undefined ? 'a command is required' : `unknown arguments ${JSON.stringify(args)}`
    stderr.write(`datastorage log: ${what}\n${LOG_USAGE}`)
    return 2
  }
  try {
    const config = loadConfig(env)
    const source = { signingKeyFile: config.transparencyLog.signingKeyFile, dataDir: config.dataDir }
    if (source.signingKeyFile === undefined && source.dataDir === PGLITE_IN_MEMORY) {
      throw new ConfigError(
        'SIGNING_KEY_FILE: unset, and DATA_DIR=memory:// keeps the service key in memory only: there is no key to print',
      )
    }
    const key = await loadSigningKey(source)
    const { pem, key_id, public_key } = describeKey(key)
    stdout.write(`${pem.endsWith('\n') ? pem : `${pem}\n`}key_id: ${key_id}\npublic_key: ${public_key}\n`)
    if (key.created) stderr.write(`datastorage log: created the signing key ${key.file} (mode 0600)\n`)
    return 0
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    stderr.write(`datastorage log: ${error.message}\n`)
    return 2
  }
}
