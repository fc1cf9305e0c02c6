import type { AuditEventWithId } from '@audit-trail/datastorage-client'
import { FIRST_MONTHLY_PARTITION, monthOfTimestamp } from '../db/partitions.js'

/** The label of the group of every event before {@link FIRST_MONTHLY_PARTITION} (one partition). */
export const BEFORE_MONTHLY_PARTITIONS = `before-${FIRST_MONTHLY_PARTITION.slice(0, 4)}`

/**
 * Events grouped by partition, in first-seen order, so a failure confined to one partition can be
 * isolated from the others: by the UTC month of their canonical timestamp (`2024-07`), the month
 * the store writes them in; every month before 2000 is one group (`before-2000`), their one
 * partition; a timestamp with no canonical form is the group `unparseable`. Inserting one group
 * creates at most one partition, so it never meets the store's limit of new partitions per write.
 */
export function groupByMonth(
  events: readonly AuditEventWithId[],
): Array<[month: string, events: AuditEventWithId[]]> {
  const groups = new Map<string, AuditEventWithId[]>()
  for (const event of events) {
    let month: string
    try {
      month = monthOfTimestamp(event.event_timestamp)
      if (month < FIRST_MONTHLY_PARTITION) month = BEFORE_MONTHLY_PARTITIONS
    } catch {
      month = 'unparseable'
    }
    const group = groups.get(month)
    if (group) group.push(event)
    else groups.set(month, [event])
  }
  return [...groups]
}
