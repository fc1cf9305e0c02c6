import { validatingFetch } from '../contract/validating-fetch.js'
import type { SeedEvent } from './builder.js'
import { type SeedResponseName, seedDecodeErrors } from './responses.js'

/**
 * Requests as the seed's generated client makes them: JSON bodies with `Content-Type:
 * application/json`, a bearer token, the single-event endpoint or the batch endpoint. Each answer
 * is decoded against the seed's response schema for its status.
 */

export interface SeedAnswer {
  status: number
  body: unknown
  /** Why the seed's client would refuse the body; empty when it decodes. */
  decodeErrors: string[]
  /** The event ids the answer gives, in request order. */
  eventIds: string[]
}

const EVENTS = '/api/v1/audit/events'
/** Every answer is also held to this service's contract (test-e2e/src/contract). */
const fetch = validatingFetch()

async function post(url: string, token: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) }
}

function decode(status: number, body: unknown, success: SeedResponseName): string[] {
  // The seed's contract: 201 its success schema, 202 an async acceptance, errors a problem.
  const name: SeedResponseName =
    status === 201 ? success : status === 202 ? 'AsyncAcceptanceResponse' : 'RFC7807Problem'
  return seedDecodeErrors(name, body)
}

/** `POST /api/v1/audit/events` with one event (createAuditEvent). */
export async function sendSingle(serviceUrl: string, token: string, event: SeedEvent): Promise<SeedAnswer> {
  const { status, body } = await post(`${serviceUrl}${EVENTS}`, token, event)
  const id = (body as { event_id?: unknown } | undefined)?.event_id
  return {
    status,
    body,
    decodeErrors: decode(status, body, 'AuditEventResponse'),
    eventIds: typeof id === 'string' ? [id] : [],
  }
}

/** `POST /api/v1/audit/events/batch` (createAuditEventsBatch). */
export async function sendBatch(serviceUrl: string, token: string, events: SeedEvent[]): Promise<SeedAnswer> {
  const { status, body } = await post(`${serviceUrl}${EVENTS}/batch`, token, events)
  const ids = (body as { event_ids?: unknown } | undefined)?.event_ids
  return {
    status,
    body,
    decodeErrors: decode(status, body, 'BatchAuditEventResponse'),
    eventIds: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [],
  }
}

/** `GET /api/v1/audit/events` with the seed's query parameters (queryAuditEvents). */
export async function querySeedStyle(
  serviceUrl: string,
  token: string,
  params: Record<string, string | number>,
): Promise<{ status: number; body: unknown; decodeErrors: string[] }> {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))
  const response = await fetch(`${serviceUrl}${EVENTS}?${search}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const body = (await response.json()) as unknown
  const name: SeedResponseName = response.status === 200 ? 'AuditEventsQueryResponse' : 'RFC7807Problem'
  return { status: response.status, body, decodeErrors: seedDecodeErrors(name, body) }
}
