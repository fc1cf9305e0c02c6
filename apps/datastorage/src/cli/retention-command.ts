import { parseArgs } from 'node:util'
import { type Logger, pino } from 'pino'
import { openDatabase, pgliteDirOf } from '../db/client.js'
import { migrateDatabase } from '../db/migrate.js'
import { loadConfig } from '../env.js'
import { ConfigError } from '../errors.js'
import { createMetrics } from '../metrics/service-metrics.js'
import { type PartitionDecision, type RetentionRunResult, runRetention } from '../retention/retention-job.js'
import { SelfAudit } from '../self-audit/self-audit.js'
import { createAuditEventStore } from '../store/postgres-audit-event-store.js'
import { createEventWriter } from '../write/event-writer.js'

/** What `datastorage retention help` prints, and bad usage after its message. */
export const RETENTION_USAGE = `usage: datastorage retention run [--dry-run] [--json]

  run           run the retention job once, now: drop every monthly partition of audit_events
                whose events are all past their retention_days, all sealed in the transparency
                log, and not under an active legal hold (docs/operations.md)
    --dry-run   decide without dropping anything: lists what a run would drop and why the
                others are kept
    --json      machine-readable output

Runs whatever RETENTION_ENABLED says (the switch is for the service's timer). Waits for no one:
when a replica is running the job at that moment, nothing is done (exit 1). DATABASE_URL (unset:
PGlite under DATA_DIR), TRANSPARENCY_LOG and SELF_AUDIT as for the service.
`

/** Where the CLI reads its settings and writes its output (injected by tests). */
export interface RetentionCliIo {
  env: Record<string, string | undefined>
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  /** The job's logger. Default: pino to stderr at `LOG_LEVEL` [warn]. */
  logger?: Logger
}

function describe(decision: PartitionDecision): string {
  const events = decision.events === undefined ? '' : `  ${decision.events} event(s)`
  if (decision.action === 'dropped') return `dropped     ${decision.partition}${events}`
  if (decision.action === 'would_drop') return `would drop  ${decision.partition}${events}`
  const held = decision.heldCorrelationIds ? `: ${decision.heldCorrelationIds.join(', ')}` : ''
  const expiry =
    decision.reason === 'retention' && decision.latestExpiry ? ` until ${decision.latestExpiry}` : ''
  return `kept        ${decision.partition}${events}  (${decision.reason}${held}${expiry})`
}

function parse(args: readonly string[]) {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const command = values.help ? 'help' : (positionals[0] ?? 'help')
  if (!['run', 'help'].includes(command)) throw new Error(`unknown command ${JSON.stringify(command)}`)
  if (positionals.length > 1) throw new Error(`unexpected argument ${JSON.stringify(positionals[1])}`)
  return { command, dryRun: values['dry-run'] ?? false, json: values.json ?? false }
}

/**
 * Runs `datastorage retention …` and returns the exit code: 0 done, 1 failed (database unreachable)
 * or another replica was running the job, 2 bad usage or configuration. Each drop is recorded as the
 * service records it (`audit_retention_removals`, a `datastorage.retention.partition_dropped` event).
 *
 * @example
 * process.exitCode = await runRetentionCommand(['run', '--dry-run'], { env: process.env, stdout: process.stdout, stderr: process.stderr })
 */
export async function runRetentionCommand(args: readonly string[], io: RetentionCliIo): Promise<number> {
  const { stdout, stderr, env } = io
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(args)
  } catch (error) {
    stderr.write(`datastorage retention: ${(error as Error).message}\n${RETENTION_USAGE}`)
    return 2
  }
  if (parsed.command === 'help') {
    stdout.write(RETENTION_USAGE)
    return 0
  }
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig(env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    stderr.write(`datastorage retention: invalid configuration: ${error.message}\n`)
    return 2
  }
  const logger = io.logger ?? pino({ level: env['LOG_LEVEL'] ?? 'warn' }, pino.destination(2))
  let result: RetentionRunResult
  try {
    const database = await openDatabase({
      url: config.databaseUrl,
      maxConnections: 2,
      pgliteDataDir: pgliteDirOf(config.dataDir),
    })
    let selfAudit: SelfAudit | undefined
    try {
      await migrateDatabase(database)
      if (config.selfAudit.enabled && !parsed.dryRun) {
        const metrics = createMetrics({ defaultMetrics: false })
        const store = createAuditEventStore(database, { transparencyLog: config.transparencyLog.enabled })
        selfAudit = new SelfAudit({
          writer: createEventWriter({ store, metrics, logger }),
          logger,
          metrics,
          unknownEventTypes: config.unknownEventTypes,
          // A command has no time for the service's backoff: a failure is logged and counted at once.
          maxRetries: 1,
          retryBaseMs: 100,
          retryMaxMs: 100,
        })
      }
      result = await runRetention(
        { db: database.db, logger, transparencyLog: config.transparencyLog.enabled, selfAudit },
        { dryRun: parsed.dryRun },
      )
    } finally {
      // The drops' events are stored before the database closes.
      await selfAudit?.close()
      await database.close()
    }
  } catch (error) {
    stderr.write(`datastorage retention run: ${(error as Error).message}\n`)
    return 1
  }
  if (parsed.json) stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  else if (!result.ran) stdout.write('another replica is running the retention job now; nothing was done\n')
  else {
    const lines = result.partitions.map(describe)
    stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '(no monthly partitions)\n')
  }
  return result.ran ? 0 : 1
}
