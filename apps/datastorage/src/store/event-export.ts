import type { AuditEvent } from '@audit-trail/datastorage-client'
import type { AuditEventStore, EventFilters } from './audit-event-store.js'

/** The store's largest page (`AuditEventFilter.limit`): what one read of an export asks for. */
export const EXPORT_PAGE_SIZE = 1000

/** Options of {@link readExportPages}. */
export interface ExportPagesOptions {
  /** At most this many events in all (the newest); undefined: every match. */
  limit?: number | undefined
  /** Events per store read, 1..1000. [EXPORT_PAGE_SIZE] */
  pageSize?: number
}

/**
 * The events matching `filters`, newest first (`event_timestamp DESC, event_id DESC`), as the
 * store's keyset pages: each `next()` of the generator reads one page, so a consumer that pulls a
 * page only when it has written the previous one holds one page in memory whatever the export's
 * size, and stopping the generator (`return()`, a `for await` left early) stops the reading.
 * Events stored meanwhile that sort before the current position (newer ones) are not included.
 *
 * @throws RangeError when `limit` is not a positive safe integer or `pageSize` is not in 1..1000.
 */
export async function* readExportPages(
  reader: Pick<AuditEventStore, 'query'>,
  filters: EventFilters,
  { limit, pageSize = EXPORT_PAGE_SIZE }: ExportPagesOptions = {},
): AsyncGenerator<AuditEvent[], void, undefined> {
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 1)) {
    throw new RangeError(`limit must be a positive safe integer, got ${limit}`)
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > EXPORT_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer in 1..${EXPORT_PAGE_SIZE}, got ${pageSize}`)
  }
  let remaining = limit ?? Number.POSITIVE_INFINITY
  let cursor: string | undefined
  while (remaining > 0) {
    const page = await reader.query({
      ...filters,
      limit: Math.min(pageSize, remaining),
      ...(cursor === undefined ? {} : { cursor }),
    })
    remaining -= page.events.length
    if (page.events.length > 0) yield page.events
    if (!page.hasMore || page.nextCursor === null) return
    cursor = page.nextCursor
  }
}
