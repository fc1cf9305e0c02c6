import { sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import { type Database, rowsOf } from '../db/client.js'
import { type Month, monthOf, type PartitionManager } from '../db/partitions.js'
import type { SelfAudit } from '../self-audit/self-audit.js'
import type { RetentionMetrics } from './retention-metrics.js'

/**
 * The advisory lock key of the retention job (`pg_try_advisory_xact_lock`): one replica at a time
 * runs it. Arbitrary, and distinct from the migrations' and the sequencer's keys.
 */
export const RETENTION_LOCK_KEY = 7_302_417_149

/** Default of {@link RetentionOptions.lockTimeoutMs}. */
export const DEFAULT_RETENTION_LOCK_TIMEOUT_MS = 2000

/** A monthly partition's name: `audit_events_yYYYYmMM` (`db/partitions.ts`). */
const MONTHLY_PARTITION = /^audit_events_y(\d{4})m(\d{2})$/

/** Why a partition was kept. */
export type RetentionSkipReason =
  /** The current month or a later one: never dropped. */
  | 'current_or_future'
  /** No events: nothing to free, and a removal record would mark later events of its month removed. */
  | 'empty'
  /** An event is still within its retention_days. */
  | 'retention'
  /** An event is still waiting in audit_log_pending, or has no leaf. */
  | 'unsealed'
  /** An active legal hold names a correlation id of one of its events. */
  | 'legal_hold'
  /** Its month was dropped once already (the partition was made again by a later write): kept, since the month's one removal record cannot be changed. */
  | 'already_removed'
  /** Another replica dropped it meanwhile. */
  | 'gone'
  /** Its tables were busy past the lock timeout: tried again at the next run. */
  | 'locked'

/** What a run decided for one partition. */
export interface PartitionDecision {
  partition: string
  /** `YYYY-MM`. */
  month: Month
  action: 'dropped' | 'would_drop' | 'skipped'
  reason?: RetentionSkipReason
  /** Events in it when checked (undefined when not looked into). */
  events?: number
  /** The day its last event expires, `YYYY-MM-DD` (event_date + retention_days, the latest). */
  latestExpiry?: string
  /** Active holds' correlation ids found in it (`legal_hold`). */
  heldCorrelationIds?: string[]
}

/** What a run did. */
export interface RetentionRunResult {
  /** False when another replica holds the retention lock: this one did nothing. */
  ran: boolean
  partitions: PartitionDecision[]
}

/** Options of {@link runRetention} and {@link startRetentionJob}. */
export interface RetentionOptions {
  db: Database
  logger: Logger
  /** `TRANSPARENCY_LOG`: when on, a partition is dropped only once every event of it has a leaf. */
  transparencyLog: boolean
  /** Records each drop (`datastorage.retention.partition_dropped`). */
  selfAudit?: SelfAudit | undefined
  metrics?: RetentionMetrics | undefined
  /** Told to forget its confirmed months after a drop, so a later write into the month makes the partition again. */
  partitions?: PartitionManager | undefined
  /** PostgreSQL's `lock_timeout` for the drop's locks, ms [2000]. */
  lockTimeoutMs?: number
  /** Clock, for tests. [() => new Date()] */
  now?: () => Date
}

interface PartitionRow {
  name: string
}

interface CheckRow {
  events: string | number
  latest_expiry: string | null
  pending: boolean
  unsealed: boolean
  held: string[] | null
}

class Locked extends Error {}

const isLockTimeout = (error: unknown): boolean => {
  const cause = (error as { cause?: unknown })?.cause ?? error
  return (cause as { code?: unknown })?.code === '55P03'
}

/** The monthly partitions of audit_events, oldest first (the archive partition before 2000 is not one). */
async function monthlyPartitions(db: Database): Promise<Array<{ name: string; month: Month }>> {
  const rows = rowsOf<PartitionRow>(
    await db.execute(sql`
      SELECT c.relname::text AS name FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'audit_events'::regclass`),
  )
  return rows
    .flatMap(({ name }) => {
      const match = MONTHLY_PARTITION.exec(name)
      return match ? [{ name, month: `${match[1]}-${match[2]}` }] : []
    })
    .sort((a, b) => (a.month < b.month ? -1 : 1))
}

/** The first day of the month after `month`, `YYYY-MM-DD`. */
function nextMonthStart(month: Month): string {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 10)
}

/**
 * Checks one partition and drops it when it may go, in one transaction under the retention lock.
 * The partition is locked in SHARE mode before it is looked into (a write into that past month waits
 * until the decision), and the legal holds table too (a hold placed meanwhile waits, then holds the
 * next run), so nothing the check relied on changes before the drop. DETACH and DROP take ACCESS
 * EXCLUSIVE locks on audit_events: `lock_timeout` bounds the wait behind long queries (which would
 * otherwise queue every query behind the drop); past it the partition is kept until the next run.
 */
async function decide(
  options: RetentionOptions,
  partition: { name: string; month: Month },
  today: string,
  dryRun: boolean,
): Promise<PartitionDecision> {
  const { db, transparencyLog, lockTimeoutMs = DEFAULT_RETENTION_LOCK_TIMEOUT_MS } = options
  const { name, month } = partition
  const table = sql.identifier(name)
  const start = `${month}-01`
  const next = nextMonthStart(month)
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(lockTimeoutMs))}`))
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY}) AS locked`),
    )
    if (!lock?.locked) throw new Locked()
    const [found] = rowsOf<{ present: boolean; removed: boolean }>(
      await tx.execute(sql`
        SELECT to_regclass(quote_ident(${name})) IS NOT NULL AS present,
               EXISTS (SELECT 1 FROM audit_retention_removals WHERE partition_month = ${start}::date) AS removed`),
    )
    if (!found?.present) return { partition: name, month, action: 'skipped', reason: 'gone' }
    if (found.removed) return { partition: name, month, action: 'skipped', reason: 'already_removed' }

    await tx.execute(sql`LOCK TABLE ${table} IN SHARE MODE`)
    await tx.execute(sql`LOCK TABLE audit_legal_holds IN SHARE MODE`)
    const [check] = rowsOf<CheckRow>(
      await tx.execute(sql`
        SELECT
          (SELECT count(*) FROM ${table}) AS events,
          (SELECT to_char(max(event_date + retention_days), 'YYYY-MM-DD') FROM ${table}) AS latest_expiry,
          EXISTS (SELECT 1 FROM audit_log_pending
                  WHERE event_date >= ${start}::date AND event_date < ${next}::date) AS pending,
          ${
            transparencyLog
              ? sql`EXISTS (SELECT 1 FROM ${table} AS e
                     WHERE NOT EXISTS (SELECT 1 FROM audit_log_leaves AS l WHERE l.event_id = e.event_id))`
              : sql`false`
          } AS unsealed,
          (SELECT array_agg(DISTINCT h.correlation_id::text ORDER BY h.correlation_id::text)
           FROM audit_legal_holds AS h
           WHERE h.released_at IS NULL
             AND EXISTS (SELECT 1 FROM ${table} AS e WHERE e.correlation_id = h.correlation_id)) AS held`),
    )
    const events = Number(check!.events)
    const latestExpiry = check!.latest_expiry ?? undefined
    const base = { partition: name, month, events, ...(latestExpiry ? { latestExpiry } : {}) }
    if (events === 0) return { ...base, action: 'skipped', reason: 'empty' }
    if (latestExpiry === undefined || latestExpiry >= today)
      return { ...base, action: 'skipped', reason: 'retention' }
    if (check!.pending || check!.unsealed) return { ...base, action: 'skipped', reason: 'unsealed' }
    const held = check!.held ?? []
    if (held.length > 0) return { ...base, action: 'skipped', reason: 'legal_hold', heldCorrelationIds: held }
    if (dryRun) return { ...base, action: 'would_drop' }

    await tx.execute(sql`ALTER TABLE audit_events DETACH PARTITION ${table}`)
    await tx.execute(sql`DROP TABLE ${table}`)
    await tx.execute(sql`
      INSERT INTO audit_retention_removals (partition_month, partition_name, events)
      VALUES (${start}::date, ${name}, ${events})`)
    return { ...base, action: 'dropped' }
  })
}

/**
 * One run of the retention job (docs/integrity.md#retention-and-legal-holds): every monthly
 * partition of audit_events before the current month is dropped (DETACH + DROP, recorded in
 * audit_retention_removals) when it holds events, all of them past their `retention_days` (counted
 * from `event_date`: the last one expires before today, UTC), all of them sealed in the log (no
 * pending row for the month and, with the log on, a leaf each), and no active legal hold names a
 * correlation id found in it. Empty partitions are kept: they free nothing, and the month's one
 * removal record would make events written into it later look removed. The leaves stay, so the tree
 * and the proofs of the remaining events still verify, and verification lists the dropped events as
 * removed.
 *
 * Each partition is decided in its own transaction holding `pg_try_advisory_xact_lock`
 * ({@link RETENTION_LOCK_KEY}); when another replica holds it, this run stops (`ran: false`).
 * Skips are logged at debug, drops at info; each drop is a `datastorage.retention.partition_dropped`
 * event. `dryRun` decides without dropping (`would_drop`).
 */
export async function runRetention(
  options: RetentionOptions,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<RetentionRunResult> {
  const { db, logger, now = () => new Date() } = options
  const log = logger.child({ component: 'retention' })
  const at = now()
  const today = at.toISOString().slice(0, 10)
  const currentMonth = monthOf(at)
  const decisions: PartitionDecision[] = []
  for (const partition of await monthlyPartitions(db)) {
    let decision: PartitionDecision
    if (partition.month >= currentMonth) {
      decision = {
        partition: partition.name,
        month: partition.month,
        action: 'skipped',
        reason: 'current_or_future',
      }
    } else {
      try {
        decision = await decide(options, partition, today, dryRun)
      } catch (error) {
        if (error instanceof Locked) {
          log.debug('another replica holds the retention lock; this run stops')
          return { ran: false, partitions: decisions }
        }
        if (!isLockTimeout(error)) throw error
        decision = { partition: partition.name, month: partition.month, action: 'skipped', reason: 'locked' }
      }
    }
    decisions.push(decision)
    if (decision.action === 'dropped') {
      log.info(decision, `retention: dropped partition ${decision.partition} (${decision.events} events)`)
      recordDrop(options, decision)
    } else if (decision.action === 'would_drop') {
      log.info(decision, `retention (dry run): would drop partition ${decision.partition}`)
    } else {
      log.debug(decision, `retention: kept partition ${decision.partition} (${decision.reason})`)
    }
  }
  options.metrics?.lastRun.set(Date.now() / 1000)
  return { ran: true, partitions: decisions }
}

function recordDrop(options: RetentionOptions, decision: PartitionDecision): void {
  options.partitions?.forget()
  options.metrics?.partitionsDropped.inc()
  options.metrics?.eventsDropped.inc(decision.events ?? 0)
  options.selfAudit?.retentionPartitionDropped({
    partition: decision.partition,
    month: decision.month,
    events: decision.events ?? 0,
    oldest_expiry: `${decision.latestExpiry}T00:00:00.000Z`,
  })
}

/** A running retention job. */
export interface RetentionJob {
  /** Stops the timer and waits for a run in progress. Idempotent. */
  stop(): Promise<void>
}

/**
 * Runs {@link runRetention} at once and then every `intervalMs` (`RETENTION_INTERVAL_MS`), one run
 * at a time, on an unref'd timer. A failed run is logged and counted, and the next interval
 * retries: the database being down never stops the job or the process.
 */
export function startRetentionJob(options: RetentionOptions & { intervalMs: number }): RetentionJob {
  const log = options.logger.child({ component: 'retention' })
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false
  const tick = () => {
    running = runRetention(options)
      .then(() => undefined)
      .catch((error: unknown) => {
        options.metrics?.failures.inc()
        log.error({ err: error }, 'retention run failed; retrying at the next interval')
      })
      .finally(() => {
        running = undefined
        if (!stopped) schedule(options.intervalMs)
      })
  }
  const schedule = (delayMs: number) => {
    timer = setTimeout(tick, delayMs)
    timer.unref()
  }
  schedule(0)
  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
