import { spawn } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The built `audit-trail` bin (`pnpm build` makes it; turbo builds it before this suite). */
export function verifierBinPath(): string {
  const require = createRequire(import.meta.url)
  const packageJson = require.resolve('@audit-trail/cli/package.json')
  const { bin } = require(packageJson) as { bin: Record<string, string> }
  return join(dirname(packageJson), bin['audit-trail']!)
}

/** What a run of the bin left: its exit status and both streams. */
export interface VerifierRun {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs `audit-trail <args>` as a child process, as an operator would, with `env` added to this
 * process's environment (the service URL and token go there, as the README advises).
 */
export function runVerifier(
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<VerifierRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [verifierBinPath(), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.once('error', reject)
    child.once('close', (status) => resolve({ status, stdout, stderr }))
  })
}

/** The files of an Ed25519 key pair: the service's private key and the verifier's public key. */
export interface SigningKeyFiles {
  /** PKCS#8 PEM, for the service's SIGNING_KEY_FILE. */
  readonly privateKeyFile: string
  /** SPKI PEM, handed to the verifier out of band. */
  readonly publicKeyFile: string
}

/** Generates an Ed25519 key pair into `dir` as `<name>.key` and `<name>.pub`. */
export function writeSigningKey(dir: string, name: string): SigningKeyFiles {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const privateKeyFile = join(dir, `${name}.key`)
  const publicKeyFile = join(dir, `${name}.pub`)
  writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }))
  return { privateKeyFile, publicKeyFile }
}
