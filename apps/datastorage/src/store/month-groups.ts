import { monthOfTimestamp } from '../db/partitions.js'
import type { NewAuditEvent } from './audit-event-store.js'

/**
 * Events grouped by the UTC month of their timestamp (their partition), in first-seen order, so a
 * failure confined to one partition can be isolated from the others.
 */
export function groupByMonth(
  events: readonly NewAuditEvent[],
): Array<[month: string, events: NewAuditEvent[]]> {
  const groups = new Map<string, NewAuditEvent[]>()
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
