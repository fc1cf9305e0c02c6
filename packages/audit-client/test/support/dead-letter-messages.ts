import { randomUUID } from 'node:crypto'
import type { DeadLetterMessage } from '@audit-trail/datastorage-client'

/** A valid dead-lettered event; `i` lands in `event_data` so tests can tell messages apart. */
export function deadLetterMessage(i: number, eventData: Record<string, unknown> = {}): DeadLetterMessage {
  return {
    event: {
      version: '1.0',
      event_id: randomUUID(),
      event_type: 'billing.invoice.created',
      event_timestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, i % 60)).toISOString(),
      event_category: 'apifrontend',
      event_action: 'created',
      event_outcome: 'success',
      correlation_id: `corr-${i}`,
      event_data: { i, ...eventData },
    },
    source: 'client',
    service: 'billing',
    reason: 'HTTP 503: database unavailable',
    attempts: 4,
    enqueuedAt: new Date(Date.UTC(2025, 0, 1, 0, 1)).toISOString(),
  }
}

export function deadLetterMessages(count: number, from = 0): DeadLetterMessage[] {
  return Array.from({ length: count }, (_, k) => deadLetterMessage(from + k))
}
