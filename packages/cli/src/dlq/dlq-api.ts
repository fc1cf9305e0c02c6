import {
  type components,
  createDataStorageClient,
  type DataStorageClient,
  type operations,
} from '@audit-trail/datastorage-client'
import type { ServiceEndpoint } from '../context.js'
import { describe, ServiceError } from '../errors.js'
import { callService, requestSignal } from '../source/service-call.js'

type Schemas = components['schemas']
/** `GET /api/v1/audit/dlq`: depth, capacity, replay group and dead-letter stream. */
export type DlqStats = Schemas['DlqStats']
/** `GET /api/v1/audit/dlq/messages`: the oldest messages of a stream, decoded. */
export type DlqMessages = Schemas['DlqMessages']
/** One message of {@link DlqMessages}. */
export type DlqMessage = DlqMessages['messages'][number]
/** `POST /api/v1/audit/dlq/replay`: what a replay did. */
export type DlqReplaySummary = Schemas['DlqReplaySummary']
/** The query of `GET /api/v1/audit/dlq/messages`. */
export type DlqMessagesQuery = NonNullable<operations['listDeadLetterMessages']['parameters']['query']>
/** `dlq` (waiting for replay) or `dead-letter` (poison messages set aside). */
export type DlqStreamName = NonNullable<DlqMessagesQuery['stream']>

/** Options of {@link DlqApi}. */
export interface DlqApiOptions {
  readonly endpoint: ServiceEndpoint
  /** Injected in tests; the global fetch otherwise. */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** Aborts every request in flight (SIGINT). */
  readonly signal?: AbortSignal | undefined
  /** Per read (stats, messages); a service that hangs must not hang the command (default 60 s). */
  readonly requestTimeoutMs?: number | undefined
  /**
   * For the replay, which answers only when it ends: a hang guard, not a limit on the work (default
   * 30 minutes; the service gives up earlier, after `max_wait_ms` without progress).
   */
  readonly replayTimeoutMs?: number | undefined
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0

/**
 * The service's DLQ administration over HTTP (scope `audit:admin`), through the typed client. Every
 * answer is checked for the fields the commands print: the service is not trusted to match the
 * contract, and a missing field must be a clear error rather than `undefined` in a table.
 */
export class DlqApi {
  readonly label: string
  readonly #client: DataStorageClient
  readonly #signal: AbortSignal | undefined
  readonly #timeoutMs: number
  readonly #replayTimeoutMs: number

  constructor(options: DlqApiOptions) {
    this.label = options.endpoint.url
    this.#signal = options.signal
    this.#timeoutMs = options.requestTimeoutMs ?? 60_000
    this.#replayTimeoutMs = options.replayTimeoutMs ?? 30 * 60_000
    try {
      this.#client = createDataStorageClient({
        baseUrl: options.endpoint.url,
        token: options.endpoint.token,
        fetch: options.fetch,
      })
    } catch (error) {
      throw new ServiceError(describe(error), undefined, { cause: error })
    }
  }

  /** `GET /api/v1/audit/dlq`. */
  async stats(): Promise<DlqStats> {
    const what = 'GET /api/v1/audit/dlq'
    const data = await callService(this.label, what, () =>
      this.#client.GET('/api/v1/audit/dlq', { signal: requestSignal(this.#timeoutMs, this.#signal) }),
    )
    if (!isDlqStats(data)) throw new ServiceError(`${what}: the answer is not the DLQ's stats`)
    return data
  }

  /** `GET /api/v1/audit/dlq/messages`: the oldest `count` messages of `stream`. */
  async messages(query: DlqMessagesQuery): Promise<DlqMessages> {
    const what = 'GET /api/v1/audit/dlq/messages'
    const data = await callService(this.label, what, () =>
      this.#client.GET('/api/v1/audit/dlq/messages', {
        params: { query },
        signal: requestSignal(this.#timeoutMs, this.#signal),
      }),
    )
    if (!isDlqMessages(data)) throw new ServiceError(`${what}: the answer is not a list of messages`)
    return data
  }

  /** `POST /api/v1/audit/dlq/replay`, which answers when the replay ends. */
  async replay(maxWaitMs?: number): Promise<DlqReplaySummary> {
    const what = 'POST /api/v1/audit/dlq/replay'
    const data = await callService(this.label, what, () =>
      this.#client.POST('/api/v1/audit/dlq/replay', {
        body: maxWaitMs === undefined ? {} : { max_wait_ms: maxWaitMs },
        signal: requestSignal(this.#replayTimeoutMs, this.#signal),
      }),
    )
    if (!isReplaySummary(data)) throw new ServiceError(`${what}: the answer is not a replay summary`)
    return data
  }
}

/** Whether `value` has the fields of {@link DlqStats} the commands read. */
export function isDlqStats(value: unknown): value is DlqStats {
  if (!isRecord(value) || typeof value['enabled'] !== 'boolean') return false
  if (!value['enabled']) return true
  const group = value['group']
  const deadLetter = value['dead_letter']
  return (
    typeof value['stream'] === 'string' &&
    isCount(value['length']) &&
    isCount(value['capacity']) &&
    (group === null ||
      group === undefined ||
      (isRecord(group) && isCount(group['pending']) && Array.isArray(group['consumers']))) &&
    (deadLetter === undefined || (isRecord(deadLetter) && isCount(deadLetter['length'])))
  )
}

function isDlqMessages(value: unknown): value is DlqMessages {
  return (
    isRecord(value) &&
    typeof value['stream'] === 'string' &&
    Array.isArray(value['messages']) &&
    value['messages'].every((m) => isRecord(m) && typeof m['id'] === 'string')
  )
}

function isReplaySummary(value: unknown): value is DlqReplaySummary {
  const left = isRecord(value) ? value['left'] : undefined
  return (
    isRecord(value) &&
    isRecord(left) &&
    Array.isArray(left['held_elsewhere']) &&
    left['held_elsewhere'].every((h) => isRecord(h) && isCount(h['count'])) &&
    isCount(left['retrying']) &&
    isCount(left['unread']) &&
    ['done', 'total', 'created', 'poisoned', 'waiting', 'remaining', 'max_wait_ms', 'duration_ms'].every(
      (k) => isCount(value[k]),
    ) &&
    typeof value['gave_up'] === 'boolean' &&
    typeof value['stream'] === 'string'
  )
}
