import { gunzipSync } from 'node:zlib'
/**
 * An in-memory DataStorage batch endpoint (`POST /api/v1/audit/events/batch`) behind an injected
 * `fetch` (or behind a real node:http server that hands it a `Request`): it dedupes by `event_id`
 * like the real service (a second copy counts as a duplicate, never a second row; the 201 names
 * them in `duplicate_ids`), stores batches atomically, and answers from a script of faults, from
 * faults pinned to the nth request, or from an `invalid` predicate, so tests decide each response
 * without mocking modules.
 */

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'network' }
  /** Never answers; rejects only when the request is aborted (timeout or close). */
  | { kind: 'hang' }
  /** Stores the batch, then fails the connection: the client cannot know it was stored. */
  | { kind: 'store-then-network' }
  /** 400 naming these indexes of the batch as invalid. */
  | { kind: 'invalid'; indexes: number[] }
  | { kind: 'accepted' }

export interface RequestRecord {
  events: Record<string, unknown>[]
  /** The `event_id`s of `events`, in order. */
  ids: string[]
  authorization: string | null
  status: number | 'network' | 'aborted'
  /** `Date.now()` when the request was made (the fake clock under fake timers). */
  at: number
}

const BATCH_PATH = '/api/v1/audit/events/batch'

const problem = (status: number, title: string) => ({
  type: 'about:blank',
  title,
  status,
  detail: `${title} (${status})`,
})

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      ...headers,
    },
  })

export class FakeDataStorage {
  /** Stored events by event_id, in arrival order (one row per id, however often it was sent). */
  readonly rows = new Map<string, Record<string, unknown>>()
  readonly requests: RequestRecord[] = []
  /** Events sent again after they were stored. */
  duplicates = 0
  /** Events the service took into its own DLQ (202). */
  readonly accepted = new Set<string>()
  readonly #script: Fault[] = []
  /** Request number (1 = the first request ever) → the fault that answers it. */
  readonly #pinned = new Map<number, Fault>()
  /** Applied when the script is empty; `undefined` means success. */
  defaultFault: Fault | undefined
  /** Only requests bearing `Bearer <token>` pass, when set. */
  requiredToken: string | undefined
  /** When set, an event for which it returns a reason makes the whole batch a 400 naming it by index. */
  invalid: ((event: Record<string, unknown>) => string | undefined) | undefined

  /** Queues faults for the next requests, in order. */
  fail(...faults: Fault[]): this {
    this.#script.push(...faults)
    return this
  }

  /** Answers the `nth` request from now (1 = the next) with `status` and an "injected failure" problem. */
  failRequest(nth: number, status: number): this {
    this.#pinned.set(this.requests.length + nth, {
      kind: 'status',
      status,
      body: problem(status, 'injected failure'),
    })
    return this
  }

  /** Answers the next `times` requests with `status`, as {@link failRequest}. */
  failNext(status: number, times = 1): this {
    for (let i = 1; i <= times; i++) this.failRequest(i, status)
    return this
  }

  get storedCount(): number {
    return this.rows.size
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const at = Date.now()
    const request = input instanceof Request ? input : new Request(input, init)
    if (request.method !== 'POST' || new URL(request.url).pathname !== BATCH_PATH) {
      return json(404, problem(404, 'not found'))
    }
    // As the service does: a gzip body is read decompressed.
    const raw = Buffer.from(await request.arrayBuffer())
    const body = request.headers.get('content-encoding') === 'gzip' ? gunzipSync(raw) : raw
    const events = JSON.parse(body.toString('utf8')) as Record<string, unknown>[]
    const authorization = request.headers.get('authorization')
    const ids = events.map((e) => String(e.event_id))
    const record: RequestRecord = { events, ids, authorization, status: 0, at }
    this.requests.push(record)
    if (this.requiredToken !== undefined && authorization !== `Bearer ${this.requiredToken}`) {
      record.status = 401
      return json(401, { type: 'about:blank', title: 'Unauthorized', status: 401 })
    }
    const fault = this.#pinned.get(this.requests.length) ?? this.#script.shift() ?? this.defaultFault
    const reasons = fault === undefined ? this.#invalidReasons(events) : []
    if (reasons.length > 0) {
      record.status = 400
      return json(400, { ...problem(400, 'invalid events'), errors: reasons })
    }
    switch (fault?.kind) {
      case undefined:
        record.status = 201
        return json(201, this.#store(events))
      case 'accepted':
        for (const e of events) this.accepted.add(String(e.event_id))
        record.status = 202
        return json(202, { status: 'accepted', queued: events.length })
      case 'status':
        record.status = fault.status
        return json(
          fault.status,
          fault.body ?? { type: 'about:blank', title: 'fault', status: fault.status },
          fault.headers,
        )
      case 'invalid':
        record.status = 400
        return json(400, {
          type: 'https://audit-trail.dev/problems/validation-error',
          title: 'Invalid events',
          status: 400,
          errors: fault.indexes
            .filter((i) => i < events.length)
            .map((index) => ({ index, field: 'event_data', message: `is bad at ${index}` })),
        })
      case 'network':
        record.status = 'network'
        throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') })
      case 'store-then-network':
        this.#store(events)
        record.status = 'network'
        throw new TypeError('fetch failed', { cause: new Error('socket hang up') })
      case 'hang':
        return new Promise<Response>((_, reject) => {
          const abort = () => {
            record.status = 'aborted'
            reject(request.signal.reason)
          }
          if (request.signal.aborted) abort()
          request.signal.addEventListener('abort', abort, { once: true })
        })
    }
  }

  #invalidReasons(events: Record<string, unknown>[]) {
    return events.flatMap((event, index) => {
      const reason = this.invalid?.(event)
      return reason ? [{ index, field: 'event_data', message: reason }] : []
    })
  }

  #store(events: Record<string, unknown>[]) {
    let created = 0
    const duplicateIds: string[] = []
    for (const e of events) {
      const id = String(e.event_id)
      if (this.rows.has(id)) duplicateIds.push(id)
      else {
        this.rows.set(id, e)
        created++
      }
    }
    this.duplicates += duplicateIds.length
    return {
      event_ids: events.map((e) => e.event_id),
      created,
      duplicates: duplicateIds.length,
      duplicate_ids: duplicateIds,
    }
  }
}
