import type { AuditEventWithId } from '@audit-trail/datastorage-client'
import { monthOfTimestamp } from '../db/partitions.js'

/**
 * Events grouped by the UTC month of their timestamp (their partition), in first-seen order, so a
 * failure confined to one partition can be isolated from the others.
 */
export function groupByMonth(
  events: readonly AuditEventWithId[],
): Array<[month: string, events: AuditEventWithId[]]> {
  const groups = new Map<string, AuditEventWithId[]>()
  for (const event of events) {
    let month: string
    try {
      month = monthOfTimestamp(event.event_timestamp)
    } catch {
      month = 'unparseable'
    }
    const group = groups.get(month)
    if (group) group.push(event)
    else groups.set(month, [event])
  }
  return [...groups]
}
