import { eventLeafHash } from '@audit-trail/merkle'
import { type SelectedEventRow, toAuditEvent } from '../store/audit-event-row.js'

/**
 * The leaf hash of a stored event: SHA-256(0x00 ‖ RFC 8785 bytes) of the event exactly as
 * `GET /api/v1/audit/events/{id}` returns it, built by the same `toAuditEvent` the API uses. A
 * verifier holding only the API's answer computes the same hash, so the sequencer, the server's
 * own verification and an outside auditor cannot disagree about what an event "is".
 *
 * @example
 * const [row] = await db.select(EVENT_SELECTION).from(auditEvents).where(eq(auditEvents.eventId, id))
 * eventLeafHashOfRow(row as SelectedEventRow).toString('hex')
 */
export function eventLeafHashOfRow(row: SelectedEventRow): Buffer {
  return eventLeafHash(toAuditEvent(row))
}
