import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type ServiceProcess, startServiceProcess, waitFor } from '@audit-trail/test-infra'
import postgres from 'postgres'
import { startValidatingProxy, type ValidatingProxy } from './contract/validating-proxy.js'

/** The built service's CLI (`pnpm build` makes it; turbo builds it before this suite). */
export function datastorageCliPath(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@audit-trail/datastorage/package.json')), 'dist', 'cli.js')
}

/** Bearer tokens of a service started in tokens mode, one per set of scopes. */
export interface ServiceTokens {
  /** `audit:write` only: what an audit client needs, and all it should hold. */
  readonly writer: string
  /** `audit:read` only: what the query API needs. */
  readonly reader: string
  /** `audit:admin` only. */
  readonly admin: string
  /** `audit:write`, `audit:read` and `audit:admin`. */
  readonly all: string
}

/** Options of {@link startDatastorage}. */
export interface DatastorageProcessOptions {
  databaseUrl: string
  /** Unset: the service runs without a dead-letter queue. */
  redisUrl?: string
  /** Default: a free port. Kept across restarts. */
  port?: number
  /**
   * `tokens` (default): a tokens file made for this process, whose tokens are on
   * {@link DatastorageProcess.tokens}; every /api/v1 request needs one. `protected`: no tokens file,
   * the service serves loopback callers without a token (the quick start's set-up). An
   * `env.AUTH_TOKENS_FILE` of the caller's wins over both: that file is used as is.
   */
  auth?: 'tokens' | 'protected'
  /** Extra environment (e.g. LOG_LEVEL, limits, DLQ stream names). */
  env?: Record<string, string>
}

/**
 * A started datastorage behind its validating proxy (contract/validating-proxy.ts): `url` and `port`
 * are the proxy's, so every exchange the suite has with it is held to the contract; the proxy
 * outlives `kill()` and `restart()` (answering 502 while the service is down) and `stop()` closes it.
 */
export interface DatastorageProcess extends ServiceProcess {
  /**
   * The service itself, bypassing the proxy: for what must reach it unchanged by any HTTP parser in
   * between (raw sockets with broken framing) or must see its connection refused while it is down.
   * What is sent here is not checked unless the caller checks it (validatingFetch).
   */
  readonly directUrl: string
  readonly directPort: number
  /** How the process was started: `tokens`, `protected`, or `caller-file` (the caller's AUTH_TOKENS_FILE). */
  readonly auth: 'tokens' | 'protected' | 'caller-file'
  /**
   * The tokens of its tokens file.
   *
   * @throws Error in the other modes, where there are none: a missing token must fail the test
   *   that asked for it, not send a request without one.
   */
  readonly tokens: ServiceTokens
}

const SCOPES_OF: Record<keyof ServiceTokens, string[]> = {
  writer: ['audit:write'],
  reader: ['audit:read'],
  admin: ['audit:admin'],
  all: ['audit:write', 'audit:read', 'audit:admin'],
}

/** A new token as `datastorage token create` makes one: `at_` and 256 random bits, base64url. */
export function generateToken(): string {
  return `at_${randomBytes(32).toString('base64url')}`
}

/** The hex SHA-256 of a token: what a tokens file holds instead of the token. */
export function sha256Hex(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** A tokens file's text (JSON, which the service reads as YAML) for `tokens`, names prefixed `e2e-`. */
export function tokensFileText(tokens: ServiceTokens): string {
  const entries = (Object.keys(SCOPES_OF) as (keyof ServiceTokens)[]).map((role) => ({
    name: `e2e-${role}`,
    sha256: sha256Hex(tokens[role]),
    scopes: SCOPES_OF[role],
  }))
  return `${JSON.stringify({ tokens: entries }, null, 2)}\n`
}

/**
 * Starts `datastorage serve` as a child process on 127.0.0.1 and waits until /readyz answers 200,
 * then puts a validating proxy in front of it (see {@link DatastorageProcess}).
 * The process gets a temporary directory of its own as `DATA_DIR`, holding its signing key
 * (`SIGNING_KEY_FILE`) and, in tokens mode, its tokens file: `stop()` removes it and `restart()`
 * writes them again at the same paths with the same contents, so tokens and key stay valid across
 * restarts. `kill()` leaves it, as a crash would. The caller's `env` wins over each of them.
 */
export async function startDatastorage(options: DatastorageProcessOptions): Promise<DatastorageProcess> {
  const callerFile = options.env?.AUTH_TOKENS_FILE
  const auth = callerFile !== undefined ? 'caller-file' : (options.auth ?? 'tokens')
  let tokens: ServiceTokens | undefined
  // The process's own files: its DATA_DIR, its signing key and, in tokens mode, its tokens file,
  // written again by restart() with the same contents, so a restarted service signs with the same
  // key and takes the same tokens. Nothing is left in the repository's folders.
  const dir = mkdtempSync(join(tmpdir(), 'e2e-service-'))
  const files: Array<{ path: string; text: string }> = [
    {
      path: join(dir, 'signing-key.pem'),
      text: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
  ]
  let tokensPath: string | undefined
  if (auth === 'tokens') {
    tokens = {
      writer: generateToken(),
      reader: generateToken(),
      admin: generateToken(),
      all: generateToken(),
    }
    tokensPath = join(dir, 'tokens.json')
    files.push({ path: tokensPath, text: tokensFileText(tokens) })
  }
  const writeFile = () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    for (const f of files) writeFileSync(f.path, f.text, { mode: 0o600 })
  }
  const removeFile = () => rmSync(dir, { recursive: true, force: true })

  writeFile()
  let service: ServiceProcess
  try {
    service = await startServiceProcess({
      script: datastorageCliPath(),
      args: ['serve'],
      ...(options.port === undefined ? {} : { port: options.port }),
      env: {
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        LOG_LEVEL: 'warn',
        // Protected mode must not pick up a tokens file from the environment the suite runs in.
        AUTH_TOKENS_FILE: tokensPath,
        DATA_DIR: dir,
        SIGNING_KEY_FILE: files[0]!.path,
        ...options.env,
      },
    })
  } catch (error) {
    removeFile()
    throw error
  }
  let proxy: ValidatingProxy
  let proxyOpen = true
  try {
    proxy = await startValidatingProxy(service.url)
  } catch (error) {
    await service.stop()
    removeFile()
    throw error
  }
  const proxyPort = proxy.port
  return {
    ...service,
    url: proxy.url,
    port: proxyPort,
    directUrl: service.url,
    directPort: service.port,
    auth,
    get tokens(): ServiceTokens {
      if (tokens) return tokens
      throw new Error(
        auth === 'protected'
          ? 'this datastorage runs in protected mode: it has no tokens'
          : `this datastorage reads the caller's tokens file ${callerFile}: its tokens are the caller's`,
      )
    },
    async stop(signal) {
      try {
        return await service.stop(signal)
      } finally {
        removeFile()
        proxyOpen = false
        await proxy.close()
      }
    },
    async restart() {
      writeFile()
      await service.restart()
      // After stop() the proxy is closed too: reopen it where the clients expect it.
      if (!proxyOpen) {
        proxy = await startValidatingProxy(service.url, { port: proxyPort })
        proxyOpen = true
      }
    },
  }
}

/**
 * Waits until the service's start-up self-audit event (`datastorage.tokens.reloaded`, tokens mode)
 * is stored, read straight from PostgreSQL (a read through the API would itself be recorded). A
 * test that stops PostgreSQL and counts what the service queued must wait for it first: otherwise
 * the service queues it too, beside the test's own events.
 */
export async function waitStartupSelfAudit(databaseUrl: string, timeoutMs = 15_000): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    await waitFor(
      'the service to store its start-up self-audit event',
      async () =>
        (
          await sql<{ n: number }[]>`
            SELECT count(*)::int AS n FROM audit_events
            WHERE event_type = 'datastorage.tokens.reloaded' AND recorded_by = 'datastorage:self-audit'`
        )[0]!.n > 0,
      timeoutMs,
    )
  } finally {
    await sql.end({ timeout: 5 })
  }
}
