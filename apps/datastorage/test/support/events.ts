import type { AuditEventRequest } from '@audit-trail/datastorage-client'

/** A valid event of a catalog type with a typed event_data schema; override any field. */
export function validEvent(
  overrides: Partial<AuditEventRequest> & Record<string, unknown> = {},
): AuditEventRequest {
  return {
    version: '1.0',
    event_type: 'gateway.signal.received',
    event_timestamp: new Date().toISOString(),
    event_category: 'gateway',
    event_action: 'received',
    event_outcome: 'success',
    correlation_id: 'corr-default',
    event_data: {
      event_type: 'gateway.signal.received',
      signal_type: 'alert',
      signal_name: 'HighMemory',
      namespace: 'payments',
      fingerprint: 'fp-1',
    },
    ...overrides,
  } as AuditEventRequest
}

/** The event without one field (to test `required`). */
export function without(field: keyof AuditEventRequest): Record<string, unknown> {
  const event: Record<string, unknown> = { ...validEvent() }
  delete event[field]
  return event
}

/** A JSON object nested `depth` levels deep (the outer object counts as level 1). */
export function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true }
  for (let i = 1; i < depth; i++) value = { child: value }
  return value
}

/** A correlation id unique to one test, so tests sharing a store do not see each other's events. */
export function uniqueCorrelationId(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

/** `init` for a JSON POST. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }
}

/** `recorded_by` of the events tests store directly (a token's name: no colon). */
export const RECORDED_BY = 'test-writer'
