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
 * Starts the built `datastorage serve` (turbo builds it before `bench`) on a free port, LOG_LEVEL
 * warn, with a tokens file of its own (a trimmed copy of test-e2e's launcher). The file's temporary
 * directory goes when the service is stopped.
 */
export async function startDatastorage(options: {
  databaseUrl: string
  redisUrl: string
  env: Record<string, string>
}): Promise<DatastorageProcess> {
  const packageJson = createRequire(import.meta.url).resolve('@audit-trail/datastorage/package.json')
  const tokens: ServiceTokens = { writer: generateToken(), reader: generateToken() }
  const dir = mkdtempSync(join(tmpdir(), 'bench-tokens-'))
  const file = join(dir, 'tokens.json')
  const entries = [
    { name: 'bench-writer', sha256: sha256Hex(tokens.writer), scopes: ['audit:write'] },
    { name: 'bench-reader', sha256: sha256Hex(tokens.reader), scopes: ['audit:read'] },
  ]
  writeFileSync(file, `${JSON.stringify({ tokens: entries }, null, 2)}\n`, { mode: 0o600 })
  const removeDir = () => rmSync(dir, { recursive: true, force: true })
  let service: ServiceProcess
  try {
    service = await startServiceProcess({
      script: join(dirname(packageJson), 'dist', 'cli.js'),
      args: ['serve'],
      env: {
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        LOG_LEVEL: 'warn',
        AUTH_TOKENS_FILE: file,
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
