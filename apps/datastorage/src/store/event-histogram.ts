import type { components, EventOutcome } from '@audit-trail/datastorage-client'
import { type SQL, sql } from 'drizzle-orm'
import { auditEvents } from '../db/schema.js'

/** One bucket as the contract lists it (`EventHistogram.buckets[]`). */
export type HistogramBucket = components['schemas']['EventHistogram']['buckets'][number]

/** Events of one outcome in one bucket, as the store counts them. */
export interface HistogramCount {
  /** Start of the bucket, epoch ms: a multiple of the interval. */
  startMs: number
  outcome: EventOutcome
  count: number
}

/** A row of {@link histogramStatement}. */
interface HistogramRow {
  bucket: string | number
  outcome: string
  count: string | number
}

/**
 * One `GROUP BY` over the rows `where` selects: the events per bucket (the floor of the event's
 * epoch milliseconds over the interval, so buckets start at multiples of the interval since the
 * Unix epoch, UTC) and outcome. Empty buckets have no row: {@link denseHistogram} adds them.
 * `extract(epoch …)` is numeric on PostgreSQL 14 and later: exact to the microsecond.
 */
export function histogramStatement(where: SQL, intervalMs: number): SQL {
  if (!Number.isSafeInteger(intervalMs) || intervalMs < 1) {
    throw new RangeError(`intervalMs must be a positive integer, got ${intervalMs}`)
  }
  const t = auditEvents
  return sql`SELECT floor(extract(epoch FROM ${t.eventTimestamp}) * 1000 / ${intervalMs}::bigint)::bigint AS "bucket",
      ${t.eventOutcome} AS "outcome", count(*)::bigint AS "count"
    FROM ${t} WHERE ${where} GROUP BY 1, 2`
}

/** The rows of {@link histogramStatement} as counts. */
export function histogramCounts(rows: readonly HistogramRow[], intervalMs: number): HistogramCount[] {
  return rows.map((row) => ({
    startMs: Number(row.bucket) * intervalMs,
    outcome: row.outcome as EventOutcome,
    count: Number(row.count),
  }))
}

/**
 * Every bucket of the window, oldest first, each with its three outcome counts (zero when no event
 * fell in it): `buckets` buckets of `intervalMs` from `firstBucketMs`. Counts outside them (none,
 * when the store applied the same window) are ignored.
 */
export function denseHistogram(
  counts: readonly HistogramCount[],
  { firstBucketMs, buckets, intervalMs }: { firstBucketMs: number; buckets: number; intervalMs: number },
): HistogramBucket[] {
  const dense: HistogramBucket[] = Array.from({ length: buckets }, (_, i) => ({
    start: new Date(firstBucketMs + i * intervalMs).toISOString(),
    success: 0,
    failure: 0,
    pending: 0,
  }))
  for (const { startMs, outcome, count } of counts) {
    const bucket = dense[(startMs - firstBucketMs) / intervalMs]
    if (bucket && (outcome === 'success' || outcome === 'failure' || outcome === 'pending')) {
      bucket[outcome] += count
    }
  }
  return dense
}
