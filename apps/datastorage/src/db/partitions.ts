import { canonicalTimestamp } from '@audit-trail/datastorage-client'
import { sql } from 'drizzle-orm'
import { DataStorageError } from '../errors.js'
import { type Database, rowsOf } from './client.js'

/** A UTC calendar month, `YYYY-MM`. */
export type Month = string

/**
 * The first month with a partition of its own. Every earlier month shares the one partition
 * {@link ARCHIVE_PARTITION}, so timestamps however old create at most one partition between them.
 * A fixed date, never moved: partition ranges are static and may not overlap (migration 0005).
 */
export const FIRST_MONTHLY_PARTITION: Month = '2000-01'

/** The partition of every event before {@link FIRST_MONTHLY_PARTITION}: `FROM (MINVALUE) TO ('2000-01-01')`. */
export const ARCHIVE_PARTITION = 'audit_events_before_2000'

/** Default of the partitions one write may create (`maxNewPartitions`). */
export const DEFAULT_MAX_NEW_PARTITIONS = 12

/**
 * A write would create more partitions than it may (`maxNewPartitions`): its events span too many
 * months that have no partition yet. Nothing was created or stored. The sender's to fix (fewer
 * distinct months per request), so the HTTP layer answers with a 4xx problem; a caller that has to
 * store the events anyway (the DLQ replay) splits them by month, and one month needs one partition.
 */
export class PartitionLimitError extends DataStorageError {
  override readonly name = 'PartitionLimitError'
  /** The most partitions one write may create. */
  readonly limit: number
  /** The months (one per missing partition, oldest first) the write would have created. */
  readonly months: readonly Month[]
  constructor(limit: number, months: readonly Month[]) {
    const shown = months.length > 6 ? [...months.slice(0, 3), '…', ...months.slice(-2)] : months
    super(
      'PARTITION_LIMIT',
      `the events fall in ${months.length} months that have no partition yet (${shown.join(', ')}); ` +
        `one write creates at most ${limit}: send events of fewer distinct months per request`,
    )
    this.limit = limit
    this.months = months
  }
}

export interface EnsureMonthsOptions {
  /**
   * The most partitions this call may create. When more of the months lack one, nothing is
   * created and the call rejects with {@link PartitionLimitError}. [unbounded]
   */
  maxNewPartitions?: number
}

export interface PartitionManagerOptions {
  /** Months after the current one that `ensureAhead()` creates. [3] */
  monthsAhead?: number
  /** Clock, injectable for tests. [() => new Date()] */
  now?: () => Date
}

/**
 * Monthly partitions of `audit_events` (`audit_events_yYYYYmMM`) from {@link FIRST_MONTHLY_PARTITION}
 * on, and {@link ARCHIVE_PARTITION} before, created through the SQL function
 * `audit_events_create_month_partition` (migrations 0001 and 0005).
 */
export interface PartitionManager {
  /**
   * Makes sure each month has its partition. Months already confirmed by this process cost nothing;
   * concurrent calls for one partition share one creation; other processes racing for the same
   * partition are tolerated by the SQL function.
   *
   * @throws PartitionLimitError when more than `maxNewPartitions` of the partitions are missing
   * (checked before anything is created).
   */
  ensureMonths(months: Iterable<Month>, options?: EnsureMonthsOptions): Promise<void>
  /** Creates the current month and the next `monthsAhead`; returns the months, oldest first. */
  ensureAhead(): Promise<Month[]>
  /** Forgets the confirmed months, e.g. after a partition was dropped behind this process's back. */
  forget(): void
}

/**
 * Creates the partition manager of one database. Partitions are created in their own short
 * statements, never inside an insert transaction: `CREATE TABLE … PARTITION OF` locks the parent
 * table exclusively until commit, and holding that lock for a whole batch insert would stall every
 * reader and writer.
 *
 * @throws RangeError when `monthsAhead` is not an integer ≥ 0.
 */
export function createPartitionManager(
  db: Database,
  { monthsAhead = 3, now = () => new Date() }: PartitionManagerOptions = {},
): PartitionManager {
  if (!Number.isInteger(monthsAhead) || monthsAhead < 0) {
    throw new RangeError(`monthsAhead must be an integer >= 0, got ${monthsAhead}`)
  }
  // Keyed by partition name: every month before FIRST_MONTHLY_PARTITION is the one archive partition.
  const confirmed = new Set<string>()
  const inFlight = new Map<string, Promise<void>>()

  function ensurePartition(name: string, month: Month): Promise<void> {
    if (confirmed.has(name)) return Promise.resolve()
    let creation = inFlight.get(name)
    if (!creation) {
      creation = db
        .execute(sql`SELECT audit_events_create_month_partition(${`${month}-01`}::date)`)
        .then(() => {
          confirmed.add(name)
        })
        .finally(() => inFlight.delete(name))
      inFlight.set(name, creation)
    }
    return creation
  }

  /** Of the partitions not confirmed yet, those that exist (one query), now confirmed. */
  async function confirmExisting(names: readonly string[]): Promise<void> {
    const found = rowsOf<{ name: string }>(
      await db.execute(sql`
        SELECT name FROM unnest(${sql.param(names)}::text[]) AS name
        WHERE to_regclass(quote_ident(name)) IS NOT NULL`),
    )
    for (const { name } of found) confirmed.add(name)
  }

  return {
    async ensureMonths(months, { maxNewPartitions } = {}) {
      const pending = new Map<string, Month>()
      for (const month of [...new Set(months)].sort()) {
        const name = partitionNameOf(month)
        if (!confirmed.has(name) && !pending.has(name)) pending.set(name, month)
      }
      if (maxNewPartitions !== undefined && pending.size > maxNewPartitions) {
        // Only now is it worth a query: which of them exist already (e.g. made by another process)?
        await confirmExisting([...pending.keys()])
        const missing = [...pending].filter(([name]) => !confirmed.has(name)).map(([, month]) => month)
        if (missing.length > maxNewPartitions) throw new PartitionLimitError(maxNewPartitions, missing)
      }
      await Promise.all([...pending].map(([name, month]) => ensurePartition(name, month)))
    },
    async ensureAhead() {
      const start = now()
      const months: Month[] = []
      for (let offset = 0; offset <= monthsAhead; offset += 1) {
        months.push(monthOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1))))
      }
      await this.ensureMonths(months)
      return months
    },
    forget() {
      confirmed.clear()
    },
  }
}

/** The UTC month of a Date. */
export function monthOf(date: Date): Month {
  return date.toISOString().slice(0, 7)
}

/**
 * The UTC month of an RFC 3339 timestamp, taken from its canonical text (`canonicalTimestamp`),
 * which is what the store writes: the month of the partition the row lands in.
 *
 * @throws TypeError when the timestamp is not one the store can write.
 */
export function monthOfTimestamp(timestamp: string): Month {
  const canonical = canonicalTimestamp(timestamp)
  if (canonical === undefined) {
    throw new TypeError(`not a storable RFC 3339 timestamp: ${JSON.stringify(timestamp)}`)
  }
  return canonical.slice(0, 7)
}

/**
 * The partition table holding a month: `2025-03` → `audit_events_y2025m03`; a month before
 * {@link FIRST_MONTHLY_PARTITION} → {@link ARCHIVE_PARTITION}.
 */
export function partitionNameOf(month: Month): string {
  if (month < FIRST_MONTHLY_PARTITION) return ARCHIVE_PARTITION
  return `audit_events_y${month.slice(0, 4)}m${month.slice(5, 7)}`
}

export interface PartitionMaintenanceOptions {
  /** How often to run `ensureAhead()`. [6 hours] */
  intervalMs?: number
  /** Receives failures of the background runs, which are otherwise retried at the next tick. */
  onError?: (error: unknown) => void
}

/**
 * Runs `ensureAhead()` on an interval so that next month's partition exists before its first event.
 * The timer is `unref()`'d: it never keeps the process alive. Call the returned `stop()` on shutdown.
 * It does not run at once; the server awaits one `ensureAhead()` at start-up itself.
 */
export function startPartitionMaintenance(
  partitions: PartitionManager,
  { intervalMs = 6 * 60 * 60 * 1000, onError = () => {} }: PartitionMaintenanceOptions = {},
): { stop(): void } {
  if (!Number.isInteger(intervalMs) || intervalMs < 1) {
    throw new RangeError(`intervalMs must be a positive integer, got ${intervalMs}`)
  }
  const timer = setInterval(() => {
    partitions.ensureAhead().catch(onError)
  }, intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
