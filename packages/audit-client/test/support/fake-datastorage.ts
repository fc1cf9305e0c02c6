/**
 * The batch endpoint of the DataStorage service as far as replays can tell: atomic batches, a 400
 * naming every invalid event by index, and dedupe by event_id (201 reports `duplicates`).
 * Usable as an injected `fetch` or behind a real node:http server.
 */
export interface FakeDataStorage {
  /** Stored events by event_id, in arrival order. */
  readonly stored: Map<string, Record<string, unknown>>
  /** Every batch request: the event_ids sent and the Authorization header. */
  readonly requests: { ids: string[]; authorization: string | null }[]
  /** Answers the next `times` batch requests with `status` (a problem body, no `index`). */
  failNext(status: number, times?: number): void
  /** Answers the `nth` batch request from now (1 = the next) with `status`. */
  failRequest(nth: number, status: number): void
  /** When set, an event for which it returns a reason makes the whole batch a 400. */
  invalid?: (event: Record<string, unknown>) => string | undefined
  /** Answer 202 (queued to the server's DLQ) instead of storing. */
  queueInstead: boolean
  handle(body: string, authorization: string | null): { status: number; body: unknown }
  fetch: typeof globalThis.fetch
}

export function fakeDataStorage(): FakeDataStorage {
  const failures = new Map<number, number>()
  const fake: FakeDataStorage = {
    stored: new Map(),
    requests: [],
    queueInstead: false,
    failNext(status, times = 1) {
      for (let i = 1; i <= times; i++) fake.failRequest(i, status)
    },
    failRequest(nth, status) {
      failures.set(fake.requests.length + nth, status)
    },
    handle(body, authorization) {
      const events = JSON.parse(body) as Record<string, unknown>[]
      fake.requests.push({ ids: events.map((e) => String(e['event_id'])), authorization })
      const failure = failures.get(fake.requests.length)
      if (failure !== undefined) {
        return { status: failure, body: problem(failure, 'injected failure') }
      }
      const errors = events.flatMap((event, index) => {
        const reason = fake.invalid?.(event)
        return reason ? [{ index, field: 'event_data', message: reason }] : []
      })
      if (errors.length > 0) return { status: 400, body: { ...problem(400, 'invalid events'), errors } }
      if (fake.queueInstead) return { status: 202, body: { status: 'accepted', queued: events.length } }
      let created = 0
      const duplicateIds: string[] = []
      for (const event of events) {
        const id = String(event['event_id'])
        if (fake.stored.has(id)) duplicateIds.push(id)
        else {
          fake.stored.set(id, event)
          created++
        }
      }
      return {
        status: 201,
        body: {
          event_ids: events.map((e) => e['event_id']),
          created,
          duplicates: duplicateIds.length,
          duplicate_ids: duplicateIds,
        },
      }
    },
    async fetch(input, init) {
      const request = new Request(input, init)
      if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/v1/audit/events/batch') {
        return json(404, problem(404, 'not found'))
      }
      const { status, body } = fake.handle(await request.text(), request.headers.get('authorization'))
      return json(status, body)
    },
  }
  return fake
}

function problem(status: number, title: string) {
  return { type: 'about:blank', title, status, detail: `${title} (${status})` }
}

function json(status: number, body: unknown): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json'
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } })
}
