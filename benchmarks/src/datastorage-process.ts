import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type ServiceProcess, startServiceProcess } from '@audit-trail/test-infra'

/** Bearer tokens of a benchmark's service: one per scope an audit client or a query needs. */
export interface ServiceTokens {
  /** `audit:write` only: the audit clients and the direct POSTs. */
  readonly writer: string
  /** `audit:read` only: the queries. */
  readonly reader: string
}

export interface DatastorageProcess extends ServiceProcess {
  /** The tokens of its tokens file: every /api/v1 request is authenticated, as in production. */
  readonly tokens: ServiceTokens
}

/** A token as `datastorage token create` makes one: `at_` and 256 random bits, base64url. */
function generateToken(): string {
  return `at_${randomBytes(32).toString('base64url')}`
}

const sha256Hex = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex')

/**
 * `BENCH_SERVICE_NODE_FLAGS`: Node flags for every service process a benchmark starts, split on
 * whitespace, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the service (`--cpu-prof` is
 * refused in NODE_OPTIONS, so it has to be on the command line). [none]
 */
export function serviceNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.BENCH_SERVICE_NODE_FLAGS ?? '').split(/\s+/).filter((flag) => flag !== '')
}

/**
 * `BENCH_SERVICE_ENV`: variables for every service process a benchmark starts, `NAME=value` pairs
 * split on whitespace, e.g. `SEQUENCER_THREAD=main` to compare the sequencer on the HTTP path's
 * thread with its worker. A benchmark's own settings (`TRANSPARENCY_LOG`) win over them. [none]
 *
 * @throws Error naming BENCH_SERVICE_ENV and the pair that is not `NAME=value`.
 */
export function serviceEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const pairs = (env.BENCH_SERVICE_ENV ?? '').split(/\s+/).filter((pair) => pair !== '')
  const parsed: Record<string, string> = {}
  for (const pair of pairs) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(pair)
    if (!match) throw new Error(`BENCH_SERVICE_ENV: ${JSON.stringify(pair)} is not NAME=value`)
    parsed[match[1]!] = match[2]!
  }
  return parsed
}

/** Whether a service started with `env` runs the transparency log (`TRANSPARENCY_LOG`, on unless `off`). */
export function transparencyLogOn(env: Record<string, string | undefined>): boolean {
  return env.TRANSPARENCY_LOG !== 'off'
}

/**
 * Starts the built `datastorage serve` (turbo builds it before `bench`) on a free port, LOG_LEVEL
 * warn, with a tokens file of its own (a trimmed copy of test-e2e's launcher) and `DATA_DIR` in the
 * same temporary directory, so the transparency log's signing key it creates there
 * (`signing-key.pem`) is not left behind in the working directory. The directory goes when the
 * service is stopped. `nodeFlags` go before the script (see {@link serviceNodeFlags});
 * `BENCH_SERVICE_ENV` adds variables (see {@link serviceEnv}).
 */
export async function startDatastorage(options: {
  databaseUrl: string
  redisUrl: string
  env: Record<string, string>
  nodeFlags?: readonly string[]
}): Promise<DatastorageProcess> {
  const packageJson = createRequire(import.meta.url).resolve('@audit-trail/datastorage/package.json')
  const tokens: ServiceTokens = { writer: generateToken(), reader: generateToken() }
  const dir = mkdtempSync(join(tmpdir(), 'bench-service-'))
  const file = join(dir, 'tokens.json')
  const entries = [
    { name: 'bench-writer', sha256: sha256Hex(tokens.writer), scopes: ['audit:write'] },
    { name: 'bench-reader', sha256: sha256Hex(tokens.reader), scopes: ['audit:read'] },
  ]
  writeFileSync(file, `${JSON.stringify({ tokens: entries }, null, 2)}\n`, { mode: 0o600 })
  const removeDir = () => rmSync(dir, { recursive: true, force: true })
  let service: ServiceProcess
  try {
    const cli = join(dirname(packageJson), 'dist', 'cli.js')
    // startServiceProcess runs `node <script> <args>`: Node flags go first, so the first one takes
    // the script's place and the CLI follows the others.
    const [first, ...rest] = options.nodeFlags ?? []
    service = await startServiceProcess({
      script: first ?? cli,
      args: first === undefined ? ['serve'] : [...rest, cli, 'serve'],
      env: {
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        LOG_LEVEL: 'warn',
        AUTH_TOKENS_FILE: file,
        DATA_DIR: dir,
        ...serviceEnv(),
        ...options.env,
      },
    })
  } catch (error) {
    removeDir()
    throw error
  }
  return {
    ...service,
    tokens,
    async stop(signal) {
      try {
        return await service.stop(signal)
      } finally {
        removeDir()
      }
    },
  }
}
