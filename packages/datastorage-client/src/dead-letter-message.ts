import type { AuditEventWithId } from './index.js'

/** The Redis Stream that audit clients and the service dead-letter events into; never trimmed. */
export const DLQ_STREAM = 'audit:dlq:events'
/** Where the service's replay worker parks poison messages (still invalid after N tries). */
export const DEAD_LETTER_STREAM = 'audit:dead-letter:events'
/** Version of the message layout below. */
export const DLQ_MESSAGE_VERSION = '1'

/** Who wrote a dead-letter message. */
export type DeadLetterSource = 'client' | 'server' | 'spool'

/**
 * One dead-lettered audit event: the shape shared by the audit client (producer), the service
 * (producer and replay worker) and the operator CLI. One stream entry holds one event, so a
 * poison event never blocks its batch-mates.
 */
export interface DeadLetterMessage {
  /** The event exactly as it would have been written (with its `event_id`, the idempotency key). */
  event: AuditEventWithId
  source: DeadLetterSource
  /** The emitting service (client) or `datastorage` (server). */
  service: string
  /** Why it was dead-lettered: the last error seen. */
  reason: string
  /** Delivery attempts made before dead-lettering. */
  attempts: number
  /** When it was dead-lettered, RFC 3339. */
  enqueuedAt: string
  /**
   * Who the service authenticated when it queued the event (`source: 'server'`), the
   * `recorded_by` the replay stores it with. Clients never set it: their messages reach Redis
   * without the API, and the replay stores them as `redis:dead-letter-queue`. Field
   * `recorded_by`, written only when set; a reader that does not know it ignores it, so the
   * message version stays 1.
   */
  recordedBy?: string
}

/** The flat field/value list a `XADD` takes, in a fixed order. */
export function encodeDeadLetterMessage(message: DeadLetterMessage): string[] {
  const fields = [
    'v',
    DLQ_MESSAGE_VERSION,
    'event_id',
    message.event.event_id,
    'event',
    JSON.stringify(message.event),
    'source',
    message.source,
    'service',
    message.service,
    'reason',
    message.reason,
    'attempts',
    String(message.attempts),
    'enqueued_at',
    message.enqueuedAt,
  ]
  if (message.recordedBy !== undefined) fields.push('recorded_by', message.recordedBy)
  return fields
}

/** Thrown by {@link decodeDeadLetterMessage} for an entry that is not a valid message. */
export class DeadLetterMessageError extends Error {
  override readonly name = 'DeadLetterMessageError'
  readonly code = 'DLQ_MESSAGE_INVALID'
}

/** Parses a stream entry's field/value list (as `XRANGE`/`XREADGROUP` return it). */
export function decodeDeadLetterMessage(fields: readonly string[]): DeadLetterMessage {
  const map = new Map<string, string>()
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!)
  const version = map.get('v')
  if (version !== DLQ_MESSAGE_VERSION) {
    throw new DeadLetterMessageError(`unsupported dead-letter message version ${JSON.stringify(version)}`)
  }
  const raw = map.get('event')
  if (raw === undefined) throw new DeadLetterMessageError('dead-letter message has no "event" field')
  let event: unknown
  try {
    event = JSON.parse(raw)
  } catch (cause) {
    throw new DeadLetterMessageError('dead-letter message "event" is not JSON', { cause })
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new DeadLetterMessageError('dead-letter message "event" is not an object')
  }
  const eventId = (event as { event_id?: unknown }).event_id
  if (typeof eventId !== 'string' || eventId !== map.get('event_id')) {
    throw new DeadLetterMessageError('dead-letter message "event_id" is missing or does not match the event')
  }
  const source = map.get('source')
  if (source !== 'client' && source !== 'server' && source !== 'spool') {
    throw new DeadLetterMessageError(`dead-letter message has an unknown source ${JSON.stringify(source)}`)
  }
  const attempts = Number(map.get('attempts') ?? '0')
  const message: DeadLetterMessage = {
    event: event as DeadLetterMessage['event'],
    source,
    service: map.get('service') ?? '',
    reason: map.get('reason') ?? '',
    attempts: Number.isFinite(attempts) ? attempts : 0,
    enqueuedAt: map.get('enqueued_at') ?? '',
  }
  const recordedBy = map.get('recorded_by')
  // An empty name is no name: the replay falls back to its own rather than store ''.
  if (recordedBy) message.recordedBy = recordedBy
  return message
}
