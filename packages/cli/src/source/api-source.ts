import {
  type AuditEventQuery,
  createDataStorageClient,
  type DataStorageClient,
} from '@audit-trail/datastorage-client'
import { describe, ServiceError } from '../errors.js'
import { type Selection, selectionQuery } from '../verify/selection.js'
import {
  asCheckpoint,
  type Checkpoint,
  type InclusionProof,
  isHashList,
  isLogLeaf,
  type LogLeaf,
  type LogLeafPage,
} from '../wire.js'
import { arrayElementTexts } from './json-text.js'
import type { LogSource, ReceivedEvent } from './log-source.js'
import { type Answer, answerData, requestSignal, sendRequest } from './service-call.js'

/** The most leaves `GET /api/v1/audit/log/leaves` gives per page (the contract's maximum). */
export const LEAF_PAGE_LIMIT = 10_000
/** The most events `GET /api/v1/audit/events` gives per page (the contract's maximum). */
export const EVENT_PAGE_LIMIT = 1_000

/** Options of {@link ApiLogSource}. */
export interface ApiLogSourceOptions {
  /** The service root, e.g. `http://127.0.0.1:8080`. */
  readonly url: string
  /** Bearer token with `audit:read`. */
  readonly token?: string | undefined
  /** Injected in tests; the global fetch otherwise. */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** Per request; a service that hangs must not hang the verifier (default 60 s). */
  readonly requestTimeoutMs?: number | undefined
  /** Leaves per page (default and most: {@link LEAF_PAGE_LIMIT}). */
  readonly leafPageLimit?: number | undefined
  /** Events per page (default and most: {@link EVENT_PAGE_LIMIT}). */
  readonly eventPageLimit?: number | undefined
  /** Aborts every request in flight (`events tail -f` on SIGINT). */
  readonly signal?: AbortSignal | undefined
}

/** A {@link LogSource} that asks the DataStorage service through its typed client. */
export class ApiLogSource implements LogSource {
  readonly label: string
  readonly #client: DataStorageClient
  readonly #timeoutMs: number
  readonly #leafPageLimit: number
  readonly #eventPageLimit: number
  readonly #abort: AbortSignal | undefined

  constructor(options: ApiLogSourceOptions) {
    this.label = options.url
    this.#abort = options.signal
    this.#timeoutMs = options.requestTimeoutMs ?? 60_000
    this.#leafPageLimit = Math.min(options.leafPageLimit ?? LEAF_PAGE_LIMIT, LEAF_PAGE_LIMIT)
    this.#eventPageLimit = Math.min(options.eventPageLimit ?? EVENT_PAGE_LIMIT, EVENT_PAGE_LIMIT)
    try {
      this.#client = createDataStorageClient({
        baseUrl: options.url,
        token: options.token,
        fetch: options.fetch,
      })
    } catch (error) {
      throw new ServiceError(describe(error), undefined, { cause: error })
    }
  }

  async latestCheckpoint(): Promise<Checkpoint> {
    const data = await this.#call('GET /api/v1/audit/checkpoints/latest', () =>
      this.#client.GET('/api/v1/audit/checkpoints/latest', { signal: this.#signal() }),
    )
    try {
      return asCheckpoint(data, 'the service answer')
    } catch (error) {
      throw new ServiceError(describe(error))
    }
  }

  async *leafPages(treeSize: number): AsyncIterable<readonly LogLeaf[]> {
    const fetchPage = async (start: number): Promise<LogLeafPage> => {
      const limit = Math.min(this.#leafPageLimit, treeSize - start)
      const page = await this.#call('GET /api/v1/audit/log/leaves', () =>
        this.#client.GET('/api/v1/audit/log/leaves', {
          params: { query: { start, limit } },
          signal: this.#signal(),
        }),
      )
      if (!Array.isArray(page?.leaves) || !page.leaves.every(isLogLeaf)) {
        throw new ServiceError(
          `GET /api/v1/audit/log/leaves?start=${start}: the answer is not a page of leaves`,
        )
      }
      return page
    }
    let start = 0
    let pending = start < treeSize ? fetchPage(start) : undefined
    while (pending) {
      const page = await pending
      // Leaves past the requested size belong to a newer checkpoint: not this verification's.
      const leaves = page.leaves.filter((leaf) => leaf.leaf_index < treeSize)
      const last = leaves.at(-1)
      start = last === undefined ? treeSize : last.leaf_index + 1
      // The next page is asked for while this one is checked.
      pending =
        leaves.length > 0 && start < treeSize && page.next_start !== null
          ? quiet(fetchPage(start))
          : undefined
      yield leaves
    }
  }

  async *eventPages(selection: Selection): AsyncIterable<readonly ReceivedEvent[]> {
    const fetchPage = async (cursor: string | undefined) => {
      const query = {
        ...selectionQuery(selection),
        limit: this.#eventPageLimit,
        ...(cursor ? { cursor } : {}),
      }
      const text = await this.#call('GET /api/v1/audit/events', () =>
        this.#client.GET('/api/v1/audit/events', {
          params: { query },
          parseAs: 'text',
          signal: this.#signal(),
        }),
      )
      return decodeEventPage(text ?? '')
    }
    let pending: Promise<DecodedEventPage> | undefined = fetchPage(undefined)
    while (pending) {
      const page: DecodedEventPage = await pending
      pending = page.nextCursor ? quiet(fetchPage(page.nextCursor)) : undefined
      yield page.events
    }
  }

  async consistencyProof(from: number, to: number): Promise<readonly string[]> {
    const data = await this.#call('GET /api/v1/audit/checkpoints/consistency', () =>
      this.#client.GET('/api/v1/audit/checkpoints/consistency', {
        params: { query: { from, to } },
        signal: this.#signal(),
      }),
    )
    if (!isHashList(data?.proof)) {
      throw new ServiceError('GET /api/v1/audit/checkpoints/consistency: the answer is not a proof')
    }
    return data.proof
  }

  readonly inclusionProof = async (
    eventId: string,
    treeSize: number,
  ): Promise<InclusionProof | undefined> => {
    const what = `GET /api/v1/audit/events/${eventId}/proof`
    const answer = await this.#send(what, () =>
      this.#client.GET('/api/v1/audit/events/{event_id}/proof', {
        params: { path: { event_id: eventId }, query: { tree_size: treeSize } },
        signal: this.#signal(),
      }),
    )
    if (answer.response.status === 404) return undefined
    const data = this.#data(what, answer)
    if (!isHashList(data?.proof) || typeof data.leaf_index !== 'number') {
      throw new ServiceError(`${what}: the answer is not an inclusion proof`)
    }
    return data
  }

  /**
   * One page of `GET /api/v1/audit/events` with `query` as given (filters, `limit`, `cursor`), each
   * event with its text as sent: what `events query` and `events tail` print.
   */
  async queryEvents(query: AuditEventQuery): Promise<DecodedEventPage> {
    const text = await this.#call('GET /api/v1/audit/events', () =>
      this.#client.GET('/api/v1/audit/events', {
        params: { query },
        parseAs: 'text',
        signal: this.#signal(),
      }),
    )
    return decodeEventPage(text ?? '')
  }

  /** `GET /api/v1/audit/events/{event_id}`: the event as sent, `undefined` when the service has none (404). */
  async getEvent(eventId: string): Promise<ReceivedEvent | undefined> {
    const what = `GET /api/v1/audit/events/${eventId}`
    const answer = await this.#send(what, () =>
      this.#client.GET('/api/v1/audit/events/{event_id}', {
        params: { path: { event_id: eventId } },
        parseAs: 'text',
        signal: this.#signal(),
      }),
    )
    if (answer.response.status === 404) return undefined
    const text = this.#data(what, answer) ?? ''
    try {
      return { text, value: JSON.parse(text) as unknown }
    } catch (error) {
      throw new ServiceError(`${what}: the answer is not JSON (${describe(error)})`)
    }
  }

  #signal(): AbortSignal | undefined {
    return requestSignal(this.#timeoutMs, this.#abort)
  }

  #send<T>(what: string, request: () => Promise<Answer<T>>): Promise<Answer<T>> {
    return sendRequest(this.label, what, request)
  }

  #data<T>(what: string, answer: Answer<T>): T | undefined {
    return answerData(what, answer)
  }

  async #call<T>(what: string, request: () => Promise<Answer<T>>): Promise<T | undefined> {
    return this.#data(what, await this.#send(what, request))
  }
}

/** A page of events, decoded with each event's text kept. */
export interface DecodedEventPage {
  readonly events: ReceivedEvent[]
  readonly nextCursor: string | undefined
}

/**
 * Decodes the body of `GET /api/v1/audit/events`: every event with its text as sent, and the
 * cursor of the next page (none when `has_more` is false).
 */
export function decodeEventPage(body: string): DecodedEventPage {
  let parsed: unknown
  let texts: string[]
  try {
    parsed = JSON.parse(body)
    texts = arrayElementTexts(body, 'data')
  } catch (error) {
    throw new ServiceError(`GET /api/v1/audit/events: the answer is not JSON (${describe(error)})`)
  }
  const page = parsed as { data?: unknown; pagination?: { has_more?: unknown; next_cursor?: unknown } }
  if (!Array.isArray(page.data) || page.data.length !== texts.length || typeof page.pagination !== 'object') {
    throw new ServiceError('GET /api/v1/audit/events: the answer is not a page of events')
  }
  const next = page.pagination?.next_cursor
  const hasMore = page.pagination?.has_more === true
  if (hasMore && (typeof next !== 'string' || next.length === 0)) {
    throw new ServiceError('GET /api/v1/audit/events: has_more without a next_cursor')
  }
  return {
    events: texts.map((text, i) => ({ text, value: (page.data as unknown[])[i] })),
    nextCursor: hasMore ? (next as string) : undefined,
  }
}

/**
 * The same promise, marked as handled: a page fetched ahead may reject after the consumer stopped
 * reading (the verification ended on an earlier error), which must not crash the process.
 */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {})
  return promise
}
