/**
 * An in-memory DataStorage behind an injected `fetch`: it dedupes by `event_id` like the real
 * service (a second copy counts as a duplicate, never a second row) and answers from a script
 * of faults, so tests decide each response without mocking modules.
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
  authorization: string | null
  status: number | 'network' | 'aborted'
  /** `Date.now()` when the request was made (the fake clock under fake timers). */
  at: number
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      ...headers,
    },
  })

export class FakeDataStorage {
  /** event_id → times the service was asked to store it (rows: always one). */
  readonly rows = new Map<string, Record<string, unknown>>()
  readonly requests: RequestRecord[] = []
  /** Events sent again after they were stored. */
  duplicates = 0
  /** Events the service took into its own DLQ (202). */
  readonly accepted = new Set<string>()
  readonly #script: Fault[] = []
  /** Applied when the script is empty; `undefined` means success. */
  defaultFault: Fault | undefined
  /** Only requests bearing `Bearer <token>` pass, when set. */
  requiredToken: string | undefined

  /** Queues faults for the next requests, in order. */
  fail(...faults: Fault[]): this {
    this.#script.push(...faults)
    return this
  }

  get storedCount(): number {
    return this.rows.size
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const at = Date.now()
    const request = input instanceof Request ? input : new Request(input, init)
    const events = (await request.json()) as Record<string, unknown>[]
    const authorization = request.headers.get('authorization')
    const record: RequestRecord = { events, authorization, status: 0, at }
    this.requests.push(record)
    if (this.requiredToken !== undefined && authorization !== `Bearer ${this.requiredToken}`) {
      record.status = 401
      return json(401, { type: 'about:blank', title: 'Unauthorized', status: 401 })
    }
    const fault = this.#script.shift() ?? this.defaultFault
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

  #store(events: Record<string, unknown>[]) {
    let created = 0
    let duplicates = 0
    for (const e of events) {
      const id = String(e.event_id)
      if (this.rows.has(id)) duplicates++
      else {
        this.rows.set(id, e)
        created++
      }
    }
    this.duplicates += duplicates
    return { event_ids: events.map((e) => e.event_id), created, duplicates }
  }
}
