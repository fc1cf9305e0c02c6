import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { Redis } from 'ioredis'
import { type Logger, pino } from 'pino'
import { openDatabase, pgliteDirOf } from '../db/client.js'
import { migrateDatabase } from '../db/migrate.js'
import {
  type DlqAdminOptions,
  defaultReplayWaitMs,
  dlqStats,
  inspectDlq,
  type ReplaySummary,
  replayDlq,
} from '../dlq/dlq-admin.js'
import { loadDlqConfig } from '../dlq/dlq-config.js'
import { loadConfig } from '../env.js'
import { ConfigError } from '../errors.js'
import { createMetrics } from '../metrics/service-metrics.js'
import { SelfAudit } from '../self-audit/self-audit.js'
import type { AuditEventStore } from '../store/audit-event-store.js'
import { createAuditEventStore } from '../store/postgres-audit-event-store.js'
import { createEventWriter } from '../write/event-writer.js'
import { createProgressReporter } from './progress-reporter.js'

/** What `datastorage dlq help` prints, and bad usage after its message. */
export const DLQ_USAGE = `usage: datastorage dlq <command> [options]

  stats                       depth, capacity ratio, consumer group, dead-letter length
  inspect [--count N]         the oldest N messages (default 10), decoded
          [--dead-letter]     … of the dead-letter stream (poison messages) instead
  replay                      drain the DLQ into PostgreSQL now (progress on stderr); messages
                              pending with another consumer are claimed once idle DLQ_CLAIM_IDLE_MS
         [--max-wait MS]      give up after MS without progress (default max(60000, 2 × DLQ_CLAIM_IDLE_MS))

  --json                      machine-readable output

Needs REDIS_URL; replay also DATABASE_URL. DLQ_STREAM, DEAD_LETTER_STREAM, DLQ_CONSUMER_GROUP,
DLQ_CAPACITY, DLQ_MAX_ATTEMPTS, DLQ_REPLAY_BATCH and DLQ_CLAIM_IDLE_MS as for the service.
`

/** Where the CLI reads its settings and writes its output (injected by tests). */
export interface DlqCliIo {
  env: Record<string, string | undefined>
  stdout: NodeJS.WritableStream
  /** Progress and errors; a bar is drawn only when it is a TTY. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  /** Logger of the replay (warnings about failing messages). Default: pino to stderr at `LOG_LEVEL` [warn]. */
  logger?: Logger
}

/**
 * Runs `datastorage dlq …` and returns the exit code: 0 done, 1 failed (Redis or PostgreSQL
 * unreachable), 2 bad usage or configuration.
 *
 * @example
 * process.exitCode = await runDlqCommand(['stats'], { env: process.env, stdout: process.stdout, stderr: process.stderr })
 */
export async function runDlqCommand(args: readonly string[], io: DlqCliIo): Promise<number> {
  const { stdout, stderr, env } = io
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(args)
  } catch (error) {
    stderr.write(`datastorage dlq: ${(error as Error).message}\n${DLQ_USAGE}`)
    return 2
  }
  const { command, count, deadLetter, json, maxWaitMs } = parsed
  if (command === 'help') {
    stdout.write(DLQ_USAGE)
    return 0
  }
  let dlq: ReturnType<typeof loadDlqConfig>
  let config: ReturnType<typeof loadConfig>
  try {
    dlq = loadDlqConfig(env)
    config = loadConfig(env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    stderr.write(`datastorage dlq: invalid configuration: ${error.message}\n`)
    return 2
  }
  if (!config.redisUrl) {
    stderr.write('datastorage dlq: REDIS_URL is not set: there is no dead-letter queue to look at\n')
    return 2
  }
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 5000 })
  redis.on('error', () => {}) // reported by the failing command instead
  const admin: DlqAdminOptions = {
    redis,
    stream: dlq.stream,
    deadLetterStream: dlq.deadLetterStream,
    group: dlq.consumerGroup,
    capacity: dlq.capacity,
  }
  const print = (value: unknown, text: string) =>
    stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text)
  try {
    if (command === 'stats') {
      const s = await dlqStats(admin)
      const consumers =
        s.group?.consumers.map((c) => `    ${c.name}: ${c.pending} pending, idle ${c.idleMs} ms`) ?? []
      print(
        s,
        [
          `stream            ${s.stream}`,
          `length            ${s.length} of ${s.capacity} (${(s.capacityRatio * 100).toFixed(2)}%)`,
          `oldest            ${s.oldestEnqueuedAt ?? '-'}`,
          `group             ${s.group ? `${s.group.name}: ${s.group.pending} pending` : '(not created yet)'}`,
          ...(consumers.length > 0 ? ['  consumers', ...consumers] : []),
          `dead-letter       ${s.deadLetter.stream}: ${s.deadLetter.length}`,
          '',
        ].join('\n'),
      )
      return 0
    }
    const logger = io.logger ?? pino({ level: env['LOG_LEVEL'] ?? 'warn' }, pino.destination(2))
    if (command === 'inspect') {
      const entries = await inspectDlq(admin, { count, deadLetter })
      await recordInspect(config, logger, stderr, {
        rows: entries.length,
        filters: {
          stream: deadLetter ? dlq.deadLetterStream : dlq.stream,
          count: String(count),
          ...(deadLetter ? { dead_letter: 'true' } : {}),
        },
      })
      const lines = entries.map((e) =>
        e.message
          ? `${e.id}  ${e.message.event.event_id}  ${e.message.event.event_type}  ${e.message.source}/${e.message.service}  attempts=${e.message.attempts}  reason=${JSON.stringify(e.message.reason)}`
          : `${e.id}  (undecodable: ${e.error})`,
      )
      print(entries, lines.length > 0 ? `${lines.join('\n')}\n` : '(empty)\n')
      return 0
    }
    const database = await openDatabase({
      url: config.databaseUrl,
      maxConnections: 2,
      pgliteDataDir: pgliteDirOf(config.dataDir),
    })
    try {
      await migrateDatabase(database)
      const store = createAuditEventStore(database)
      const progress = createProgressReporter({ output: stderr })
      const note = (p: { poisoned: number; waiting: number }) =>
        `${p.poisoned} parked${p.waiting > 0 ? `, ${p.waiting} retrying` : ''}`
      const wait = maxWaitMs ?? defaultReplayWaitMs(dlq.claimIdleMs)
      stderr.write(
        `replay: ${dlq.stream} → PostgreSQL; messages pending with other consumers are claimed once idle ` +
          `${dlq.claimIdleMs} ms; gives up after ${wait} ms without progress\n`,
      )
      const summary = await replayDlq({
        ...admin,
        store,
        logger,
        batchSize: dlq.replayBatch,
        maxAttempts: dlq.maxAttempts,
        claimIdleMs: dlq.claimIdleMs,
        maxWaitMs: wait,
        onProgress: (p) => progress.update(p.done, p.total, note(p)),
      })
      progress.finish(summary.done, summary.total, note(summary))
      await record(config, store, logger, (selfAudit) =>
        selfAudit.dlqReplayed({
          trigger: 'cli',
          operator: operator(),
          stream: dlq.stream,
          done: summary.done,
          created: summary.created,
          poisoned: summary.poisoned,
          waiting: summary.remaining,
        }),
      )
      print(summary, describeReplay(summary, dlq.stream))
      return 0
    } finally {
      await database.close()
    }
  } catch (error) {
    stderr.write(`datastorage dlq ${command}: ${(error as Error).message}\n`)
    return 1
  } finally {
    redis.disconnect()
  }
}

/** The operating-system user running the command (`USER` when the password database has none). */
function operator(): string {
  try {
    return userInfo().username
  } catch {
    return envUser() ?? 'unknown'
  }
}

const envUser = (): string | undefined => process.env['USER'] ?? process.env['LOGNAME']

/**
 * Records one self-audit event (`datastorage.*`, recorded_by datastorage:self-audit) through the
 * in-process path over `store`, and waits until it is stored: the command exits right after.
 * Nothing with `SELF_AUDIT=false`.
 */
async function record(
  config: ReturnType<typeof loadConfig>,
  store: AuditEventStore,
  logger: Logger,
  emit: (selfAudit: SelfAudit) => void,
): Promise<void> {
  if (!config.selfAudit.enabled) return
  const metrics = createMetrics({ defaultMetrics: false })
  const selfAudit = new SelfAudit({
    writer: createEventWriter({ store, metrics, logger }),
    logger,
    metrics,
    unknownEventTypes: config.unknownEventTypes,
    // A command has no time for the service's backoff: a failure is logged and counted at once.
    maxRetries: 1,
    retryBaseMs: 100,
    retryMaxMs: 100,
  })
  emit(selfAudit)
  await selfAudit.close()
}

/**
 * `dlq inspect` reads audit data: recorded as a `datastorage.audit.read` (operation `dlq_messages`,
 * principal `cli:<os user>`, status 0 as no HTTP exchange took place) when DATABASE_URL names the
 * store; without it the command opens no database just for this, and says so on stderr.
 */
async function recordInspect(
  config: ReturnType<typeof loadConfig>,
  logger: Logger,
  stderr: NodeJS.WritableStream,
  read: { rows: number; filters: Record<string, string> },
): Promise<void> {
  if (!config.selfAudit.enabled) return
  if (!config.databaseUrl) {
    stderr.write(
      'datastorage dlq inspect: DATABASE_URL is not set: this read is not recorded in the self-audit\n',
    )
    return
  }
  const database = await openDatabase({ url: config.databaseUrl, maxConnections: 1 })
  try {
    await migrateDatabase(database)
    await record(config, createAuditEventStore(database), logger, (selfAudit) =>
      selfAudit.auditRead(
        undefined,
        `cli:${operator()}`,
        { operation: 'dlq_messages', filters: read.filters, rows: read.rows },
        0,
      ),
    )
  } finally {
    await database.close()
  }
}

function parse(args: readonly string[]) {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      count: { type: 'string', short: 'n' },
      'dead-letter': { type: 'boolean' },
      json: { type: 'boolean' },
      'max-wait': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const command = values.help ? 'help' : (positionals[0] ?? 'help')
  if (!['stats', 'inspect', 'replay', 'help'].includes(command))
    throw new Error(`unknown command ${JSON.stringify(command)}`)
  if (positionals.length > 1) throw new Error(`unexpected argument ${JSON.stringify(positionals[1])}`)
  const count = values.count === undefined ? 10 : Number(values.count)
  if (!Number.isInteger(count) || count < 1 || count > 10_000) {
    throw new Error(`--count must be an integer 1-10000, got ${JSON.stringify(values.count)}`)
  }
  const maxWait = values['max-wait']
  const maxWaitMs = maxWait === undefined ? undefined : Number(maxWait)
  if (maxWaitMs !== undefined && (!Number.isInteger(maxWaitMs) || maxWaitMs < 0 || maxWaitMs > 86_400_000)) {
    throw new Error(`--max-wait must be an integer 0-86400000 (ms), got ${JSON.stringify(maxWait)}`)
  }
  return {
    command,
    count,
    deadLetter: values['dead-letter'] ?? false,
    json: values.json ?? false,
    maxWaitMs,
  }
}

/** The closing lines of `dlq replay`: what it did, then what it left in the stream and why. */
export function describeReplay(summary: ReplaySummary, stream: string): string {
  const { left } = summary
  const lines = [
    `replayed ${summary.done} message(s) in ${summary.durationMs} ms: ${summary.created} new row(s), ` +
      `${summary.done - summary.created - summary.poisoned} already stored, ${summary.poisoned} parked as poison; ` +
      `${summary.remaining} left in ${stream}`,
  ]
  for (const held of left.heldElsewhere) {
    lines.push(
      `  ${held.count} pending with consumer ${held.consumer}: not idle long enough to claim within ` +
        `${summary.maxWaitMs} ms (first claimable in ${held.claimableInMs} ms); replay again or let the service claim them`,
    )
  }
  if (left.retrying > 0) {
    lines.push(
      `  ${left.retrying} still failing after ${summary.maxWaitMs} ms of retries (see the log); ` +
        "the service's replay worker claims and retries them",
    )
  }
  if (left.unread > 0) lines.push(`  ${left.unread} added to the stream after the replay's last read`)
  return `${lines.join('\n')}\n`
}
