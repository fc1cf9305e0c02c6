import { contractLimits } from '@audit-trail/datastorage-client'
import { z } from 'zod'
import { DEFAULT_MAX_NEW_PARTITIONS } from './db/partitions.js'
import {
  type DlqConfig,
  dlqConfigFromEnv,
  dlqEnvShape,
  dlqStreamsDiffer,
  dlqStreamsIssue,
} from './dlq/dlq-config.js'
import { intVar, parseEnv } from './env-vars.js'
import { DEFAULT_FAILURE_WINDOW_MS } from './self-audit/failure-windows.js'

/** Settings of the DataStorage service, parsed once from the environment by {@link loadConfig}. */
export interface DataStorageConfig {
  /** `PORT` [8080]; 0 picks a free port (tests). */
  port: number
  /**
   * `HOST` [127.0.0.1]. Without `AUTH_TOKENS_FILE` (protected mode) only a loopback address is
   * allowed, unless `AUTH_DISABLED=true`.
   */
  host: string
  /** `DATABASE_URL` [unset: embedded PGlite under `dataDir`]. */
  databaseUrl: string | undefined
  /**
   * `READ_DATABASE_URL` [unset: every read on `DATABASE_URL`]: a streaming replica of
   * `DATABASE_URL` that serves `GET /events` and `GET /events/{event_id}` (unless the request sends
   * `Consistency: primary`); writes, the DLQ replay and the transparency log's reads stay on the
   * primary. Requires `DATABASE_URL`.
   */
  readDatabaseUrl: string | undefined
  /** `DATA_DIR` [./.data]: where PGlite keeps its files when `DATABASE_URL` is unset. */
  dataDir: string
  /** `DATABASE_POOL_MAX` [10]: PostgreSQL connections. */
  databasePoolMax: number
  /**
   * `DATABASE_WRITE_TIMEOUT_MS` [8000]: how long a write may queue for a pooled connection and run
   * before its events go to the DLQ (or the request gets 503 without one). Below the audit client's
   * 10 s request timeout, so the client hears the answer.
   */
  databaseWriteTimeoutMs: number
  /** `REDIS_URL` [unset: no dead-letter queue; writes answer 503 while PostgreSQL is down]. */
  redisUrl: string | undefined
  /** `DLQ_*` and `DEAD_LETTER_STREAM`: the dead-letter queue, used when `REDIS_URL` is set. */
  dlq: DlqConfig
  /** `LOG_LEVEL` [info]. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /**
   * `LOG_FORMAT` [auto]: `json` lines, `pretty` (pino-pretty's readable lines), or `auto`: pretty
   * when stdout is a terminal, JSON when it is piped to a file or a log shipper.
   */
  logFormat: 'pretty' | 'json' | 'auto'
  /** `BODY_LIMIT_BYTES` [5 MiB]: larger request bodies get 413, as sent and once decompressed (gzip). */
  bodyLimitBytes: number
  /**
   * `BODY_READ_BUDGET_BYTES` [32 MiB, at least `BODY_LIMIT_BYTES`]: request body bytes the process
   * holds at once, each from its first byte read until its response is sent (the parsed JSON lives
   * that long). A body that does not fit gets 503 with `Retry-After`, unread.
   */
  bodyReadBudgetBytes: number
  /** `MAX_BATCH_SIZE` [5000, at most the contract's maxItems]: larger batches get 413. */
  maxBatchSize: number
  /**
   * `MAX_NEW_PARTITIONS` [12]: partitions one write may create; a batch whose events fall in more
   * months without a partition is refused (400 too-many-new-partitions), nothing created.
   */
  maxNewPartitions: number
  /** `UNKNOWN_EVENT_TYPES` [accept]: whether event types outside the catalog are stored or refused. */
  unknownEventTypes: 'accept' | 'reject'
  /** `SHUTDOWN_TIMEOUT_MS` [10000]: how long in-flight requests may run after SIGTERM. */
  shutdownTimeoutMs: number
  /**
   * `SHUTDOWN_DRAIN_DELAY_MS` [0]: how long /readyz answers 503 `draining` while the server still
   * serves, before it stops accepting connections, so a load balancer can stop routing to it first.
   */
  shutdownDrainDelayMs: number
  /** `AUTH_DISABLED` [false]: `true` serves /api/v1 to anyone who can reach it, without tokens. */
  authDisabled: boolean
  /**
   * `AUTH_TOKENS_FILE` [unset: protected mode, loopback only]: YAML or JSON holding the SHA-256 of
   * each bearer token with its scopes; reloaded on change and on SIGHUP.
   */
  authTokensFile: string | undefined
  /** `METRICS_TOKEN` [unset: /metrics answers loopback callers only]: bearer token for /metrics. */
  metricsToken: string | undefined
  /**
   * `RATE_LIMIT_PER_SECOND` [unset: no limit] and `RATE_LIMIT_BURST` [= the rate]: requests per
   * token (with AUTH_TOKENS_FILE), a token bucket; beyond it 429 with Retry-After.
   */
  rateLimit: { perSecond: number; burst: number } | undefined
  /**
   * `SELF_AUDIT` [true]: the service records its own security events (auth failures, scope and
   * rate-limit refusals, token reloads, reads of audit data) in its store; `false` turns it off
   * (logged at warn). `SELF_AUDIT_FAILURE_WINDOW_MS` [60000]: after the first refusal of a source or
   * token is recorded, the others of this window are counted into one event at its end.
   */
  selfAudit: { enabled: boolean; failureWindowMs: number }
  /**
   * The transparency log (docs/integrity.md). `TRANSPARENCY_LOG` [on]: every stored event becomes a
   * leaf of the Merkle tree; `off` stores events without sealing them (they are then reported
   * `not_in_log` by verification, the gap stays). `CHECKPOINT_INTERVAL_MS` [10000]: how often a
   * signed checkpoint is made while the tree grew. `SIGNING_KEY_FILE` [unset: `<DATA_DIR>/signing-key.pem`,
   * created on first start]: the Ed25519 private key (PKCS#8 PEM). `LOG_ORIGIN` [audit-trail]: the
   * log's name in its checkpoints. `SEQUENCER_INTERVAL_MS` [200]: how often the sequencer looks for
   * new events; `SEQUENCER_BATCH_SIZE` [5000]: events sealed per transaction.
   * `SEQUENCER_THREAD` [auto]: where the sequencer runs: `worker` (a worker thread of its own,
   * PostgreSQL only), `main` (the HTTP path's thread), or `auto` (a worker with `DATABASE_URL`, the
   * main thread with PGlite, which cannot be opened from a second thread).
   */
  transparencyLog: {
    enabled: boolean
    checkpointIntervalMs: number
    signingKeyFile: string | undefined
    origin: string
    sequencerIntervalMs: number
    sequencerBatchSize: number
    sequencerThread: 'auto' | 'worker' | 'main'
  }
  /**
   * `RETENTION_ENABLED` [false]: drop monthly partitions whose events are all past their
   * `retention_days` and sealed, unless a legal hold covers one of them. `RETENTION_INTERVAL_MS`
   * [3600000]: how often the job looks.
   */
  retention: { enabled: boolean; intervalMs: number }
  /**
   * The timeline page (docs/timeline.md). `UI_ENABLED` [true]: serve it at `/ui/` (`/` and `/ui`
   * redirect there); `false` makes those paths 404 like any unserved path.
   * `UI_TRACE_URL_TEMPLATE` [unset: no trace links]: an http(s) URL holding `{trace_id}`, e.g.
   * `https://tracing.example/trace/{trace_id}`; the page links each event with a `trace_id` to it.
   */
  ui: { enabled: boolean; traceUrlTemplate: string | undefined }
}

const url = (protocols: readonly string[]) =>
  z.string().refine(
    (s) => {
      try {
        return protocols.includes(new URL(s).protocol)
      } catch {
        return false
      }
    },
    { message: `must be a URL with scheme ${protocols.map((p) => p.replace(':', '://')).join(' or ')}` },
  )

const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` })

const bool = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((s) => s === 'true' || s === '1')

const nonEmpty = z.string().refine((s) => s.trim().length > 0, { message: 'must not be blank' })

const MiB = 1024 * 1024

/** `UI_TRACE_URL_TEMPLATE`: an http(s) URL that holds the `{trace_id}` placeholder. */
const traceUrlTemplate = url(['http:', 'https:']).refine((s) => s.includes('{trace_id}'), {
  message: 'must contain the placeholder {trace_id}',
})

/**
 * Default of `BODY_READ_BUDGET_BYTES`: six bodies of the default 5 MiB at once, more than two cores
 * can parse and validate meanwhile. A body held costs about 2-4 times its size in heap (its text,
 * the parsed JSON, the validation), and V8 lets garbage grow to a few times the live heap before
 * it collects: under a flood of 5 MB bodies the process stays under 400 MB of RSS with this
 * budget, where 64 MiB came within 40 MB of it (test/http-edges.flood.test.ts).
 */
export const DEFAULT_BODY_READ_BUDGET_BYTES = 32 * MiB

// Keys are the variable names, so an issue's path names the variable in the error message.
const envSchema = z
  .object({
    PORT: intVar(0, 65535).default(8080),
    HOST: nonEmpty.default('127.0.0.1'),
    DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
    READ_DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
    DATA_DIR: nonEmpty.default('./.data'),
    DATABASE_POOL_MAX: intVar(1, 1000).default(10),
    DATABASE_WRITE_TIMEOUT_MS: intVar(100, 600_000).default(8000),
    REDIS_URL: url(['redis:', 'rediss:']).optional(),
    ...dlqEnvShape,
    LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: oneOf(['pretty', 'json', 'auto']).default('auto'),
    BODY_LIMIT_BYTES: intVar(1024, 1024 * MiB).default(5 * MiB),
    BODY_READ_BUDGET_BYTES: intVar(1024, 16 * 1024 * MiB).optional(),
    MAX_BATCH_SIZE: intVar(1, contractLimits.maxBatchSize).default(
      Math.min(5000, contractLimits.maxBatchSize),
    ),
    MAX_NEW_PARTITIONS: intVar(1, 1000).default(DEFAULT_MAX_NEW_PARTITIONS),
    UNKNOWN_EVENT_TYPES: oneOf(['accept', 'reject']).default('accept'),
    SHUTDOWN_TIMEOUT_MS: intVar(0, 600_000).default(10_000),
    SHUTDOWN_DRAIN_DELAY_MS: intVar(0, 600_000).default(0),
    AUTH_DISABLED: bool.default(false),
    AUTH_TOKENS_FILE: nonEmpty.optional(),
    METRICS_TOKEN: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
    RATE_LIMIT_PER_SECOND: intVar(1, 1_000_000).optional(),
    RATE_LIMIT_BURST: intVar(1, 1_000_000).optional(),
    SELF_AUDIT: bool.default(true),
    SELF_AUDIT_FAILURE_WINDOW_MS: intVar(100, 86_400_000).default(DEFAULT_FAILURE_WINDOW_MS),
    TRANSPARENCY_LOG: oneOf(['on', 'off']).default('on'),
    CHECKPOINT_INTERVAL_MS: intVar(100, 86_400_000).default(10_000),
    SIGNING_KEY_FILE: nonEmpty.optional(),
    LOG_ORIGIN: z
      .string()
      .regex(/^[\x21-\x7e]{1,255}$/, { error: 'must be 1-255 printable ASCII characters without spaces' })
      .default('audit-trail'),
    SEQUENCER_INTERVAL_MS: intVar(10, 60_000).default(200),
    SEQUENCER_BATCH_SIZE: intVar(1, 100_000).default(5000),
    SEQUENCER_THREAD: oneOf(['auto', 'worker', 'main']).default('auto'),
    RETENTION_ENABLED: bool.default(false),
    RETENTION_INTERVAL_MS: intVar(1000, 7 * 86_400_000).default(3_600_000),
    UI_ENABLED: bool.default(true),
    UI_TRACE_URL_TEMPLATE: traceUrlTemplate.optional(),
  })
  .refine(dlqStreamsDiffer, dlqStreamsIssue)
  .superRefine((e, ctx) => {
    if (e.READ_DATABASE_URL !== undefined && e.DATABASE_URL === undefined) {
      // A replica of the embedded PGlite cannot exist: the reads would see another database.
      ctx.addIssue({
        code: 'custom',
        message: 'requires DATABASE_URL (a replica of the PostgreSQL primary)',
        path: ['READ_DATABASE_URL'],
      })
    }
    if (e.SEQUENCER_THREAD === 'worker' && e.DATABASE_URL === undefined) {
      // PGlite is one connection in this thread: a worker thread cannot open it.
      ctx.addIssue({
        code: 'custom',
        message: 'worker requires DATABASE_URL (the embedded PGlite cannot be opened from a worker thread)',
        path: ['SEQUENCER_THREAD'],
      })
    }
    if (e.BODY_READ_BUDGET_BYTES !== undefined && e.BODY_READ_BUDGET_BYTES < e.BODY_LIMIT_BYTES) {
      // A body of the largest accepted size could never be read.
      ctx.addIssue({
        code: 'custom',
        message: `must be at least BODY_LIMIT_BYTES (${e.BODY_LIMIT_BYTES})`,
        path: ['BODY_READ_BUDGET_BYTES'],
      })
    }
  })

/**
 * Parses the service's configuration from environment variables (names and defaults on
 * {@link DataStorageConfig}). An empty variable counts as unset.
 *
 * @param env - Default `process.env`.
 * @throws ConfigError naming every bad variable, e.g. `PORT: must be an integer 0-65535, got "abc"`.
 * @example
 * const config = loadConfig({ PORT: '0', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/audit' })
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): DataStorageConfig {
  const e = parseEnv(envSchema, env)
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    readDatabaseUrl: e.READ_DATABASE_URL,
    dataDir: e.DATA_DIR,
    databasePoolMax: e.DATABASE_POOL_MAX,
    databaseWriteTimeoutMs: e.DATABASE_WRITE_TIMEOUT_MS,
    redisUrl: e.REDIS_URL,
    dlq: dlqConfigFromEnv(e),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    // Unset, it grows with BODY_LIMIT_BYTES so that one body of the largest size always fits.
    bodyReadBudgetBytes:
      e.BODY_READ_BUDGET_BYTES ?? Math.max(DEFAULT_BODY_READ_BUDGET_BYTES, e.BODY_LIMIT_BYTES),
    maxBatchSize: e.MAX_BATCH_SIZE,
    maxNewPartitions: e.MAX_NEW_PARTITIONS,
    unknownEventTypes: e.UNKNOWN_EVENT_TYPES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    shutdownDrainDelayMs: e.SHUTDOWN_DRAIN_DELAY_MS,
    authDisabled: e.AUTH_DISABLED,
    authTokensFile: e.AUTH_TOKENS_FILE,
    metricsToken: e.METRICS_TOKEN,
    rateLimit:
      e.RATE_LIMIT_PER_SECOND === undefined
        ? undefined
        : { perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST ?? e.RATE_LIMIT_PER_SECOND },
    selfAudit: { enabled: e.SELF_AUDIT, failureWindowMs: e.SELF_AUDIT_FAILURE_WINDOW_MS },
    transparencyLog: {
      enabled: e.TRANSPARENCY_LOG === 'on',
      checkpointIntervalMs: e.CHECKPOINT_INTERVAL_MS,
      signingKeyFile: e.SIGNING_KEY_FILE,
      origin: e.LOG_ORIGIN,
      sequencerIntervalMs: e.SEQUENCER_INTERVAL_MS,
      sequencerBatchSize: e.SEQUENCER_BATCH_SIZE,
      sequencerThread: e.SEQUENCER_THREAD,
    },
    retention: { enabled: e.RETENTION_ENABLED, intervalMs: e.RETENTION_INTERVAL_MS },
    ui: { enabled: e.UI_ENABLED, traceUrlTemplate: e.UI_TRACE_URL_TEMPLATE },
  }
}
