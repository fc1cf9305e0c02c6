import { type AuditEvent, createDataStorageClient } from '@audit-trail/datastorage-client'
import { validatingFetch } from './contract/validating-fetch.js'

/**
 * Where queries go: the service root and the token they send, one with `audit:read` (none for a
 * service in protected mode).
 */
export interface QueryTarget {
  url: string
  token?: string | undefined
}

/** The query target of a started service: its URL and its reader token. */
export function readerOf(service: { url: string; tokens: { reader: string } }): QueryTarget {
  return { url: service.url, token: service.tokens.reader }
}

/** Reads every event of a correlation id through the query API, following the keyset cursor. */
export async function queryAll(target: QueryTarget, correlation_id: string): Promise<AuditEvent[]> {
  const client = createDataStorageClient({
    baseUrl: target.url,
    token: target.token,
    fetch: validatingFetch(),
  })
  const events: AuditEvent[] = []
  let cursor: string | undefined
  for (;;) {
    const { data, error, response } = await client.GET('/api/v1/audit/events', {
      params: { query: { correlation_id, limit: 1000, ...(cursor ? { cursor } : {}) } },
    })
    if (error || !data) throw new Error(`query failed: ${response.status} ${JSON.stringify(error)}`)
    events.push(...data.data)
    if (!data.pagination.has_more || !data.pagination.next_cursor) return events
    cursor = data.pagination.next_cursor
  }
}

/** Polls until `count` events of the correlation id are queryable; returns how long that took. */
export async function waitQueryable(
  target: QueryTarget,
  correlation_id: string,
  count: number,
  timeoutMs = 10_000,
) {
  const started = performance.now()
  for (;;) {
    const events = await queryAll(target, correlation_id)
    if (events.length >= count) return { events, ms: performance.now() - started }
    if (performance.now() - started > timeoutMs) {
      throw new Error(`only ${events.length} of ${count} events queryable after ${timeoutMs} ms`)
    }
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Asserts-friendly summary: how many distinct ids, how many rows. */
export function uniqueIds(events: readonly AuditEvent[]): number {
  return new Set(events.map((e) => e.event_id)).size
}

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}
