import { canonicalTimestamp } from '@audit-trail/datastorage-client'
import { sql } from 'drizzle-orm'
import type { Database } from './client.js'

/** A UTC calendar month, `YYYY-MM`. */
export type Month = string

export interface PartitionManagerOptions {
  /** Months after the current one that `ensureAhead()` creates. [3] */
  monthsAhead?: number
  /** Clock, injectable for tests. [() => new Date()] */
  now?: () => Date
}

/**
 * Monthly partitions of `audit_events` (`audit_events_yYYYYmMM`), created through the SQL function
 * `audit_events_create_month_partition` of migration 0001.
 */
export interface PartitionManager {
  /**
   * Makes sure each month has its partition. Months already confirmed by this process cost nothing;
   * concurrent calls for one month share one creation; other processes racing for the same month
   * are tolerated by the SQL function.
   */
  ensureMonths(months: Iterable<Month>): Promise<void>
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
  const confirmed = new Set<Month>()
  const inFlight = new Map<Month, Promise<void>>()

  function ensureMonth(month: Month): Promise<void> {
    if (confirmed.has(month)) return Promise.resolve()
    let creation = inFlight.get(month)
    if (!creation) {
      creation = db
        .execute(sql`SELECT audit_events_create_month_partition(${`${month}-01`}::date)`)
        .then(() => {
          confirmed.add(month)
        })
        .finally(() => inFlight.delete(month))
      inFlight.set(month, creation)
    }
    return creation
  }

  return {
    async ensureMonths(months) {
      await Promise.all([...new Set(months)].map(ensureMonth))
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

/** The partition table holding a month: `2025-03` → `audit_events_y2025m03`. */
export function partitionNameOf(month: Month): string {
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
