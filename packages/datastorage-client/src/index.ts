import openapiFetch, { type Client, type ClientOptions } from 'openapi-fetch'
import type { EventDataByType } from './generated/event-catalog.js'
import type { components, operations, paths } from './generated/schema.js'

export type { components, operations, paths }

type Schemas = components['schemas']
/** An audit event as written by a service (request body of the write endpoints). */
export type AuditEventRequest = Schemas['AuditEventRequest']
/**
 * An audit event request whose `event_id` is set: what the audit client sends and dead-letters
 * (it assigns the id in `emit()`), and what the service stores (it assigns one when a request had none).
 */
export type AuditEventWithId = AuditEventRequest & Required<Pick<AuditEventRequest, 'event_id'>>
/** A stored audit event, as returned by the query endpoints. */
export type AuditEvent = Schemas['AuditEvent']
export type AuditEventCreated = Schemas['AuditEventCreated']
export type AuditEventBatchCreated = Schemas['AuditEventBatchCreated']
export type AuditEventPage = Schemas['AuditEventPage']
export type Accepted = Schemas['Accepted']
export type Problem = Schemas['Problem']
export type Readiness = Schemas['Readiness']
export type EventCategory = Schemas['EventCategory']
export type EventOutcome = Schemas['EventOutcome']
export type Severity = Schemas['Severity']
export type KnownEventType = Schemas['KnownEventType']
export type { EventDataByType } from './generated/event-catalog.js'
/** An event type with a typed `event_data` schema in the contract's catalog (`EventDataCatalog`). */
export type TypedEventType = keyof EventDataByType
/** Query-string filters of `GET /api/v1/audit/events`. */
export type AuditEventQuery = NonNullable<operations['queryAuditEvents']['parameters']['query']>

/** A typed openapi-fetch client for the DataStorage API. */
export type DataStorageClient = Client<paths>

/** Options of {@link createDataStorageClient}. */
export interface DataStorageClientOptions {
  /**
   * The service root, e.g. `http://127.0.0.1:8080`, or `https://gw.example/audit-trail` behind a
   * reverse proxy's path prefix: the paths of the calls start with `/api/v1`, so a URL that already
   * holds it is refused.
   */
  baseUrl: string
  /**
   * Bearer token sent as `Authorization: Bearer <token>`: a string, or a function called for
   * every request (so a rotated token is picked up). Omit it (or pass `undefined`, say an unset
   * environment variable) for an open service.
   */
  token?: string | (() => string | Promise<string>) | undefined
  /** The fetch implementation (default: the global `fetch`). Inject one to control transport in tests. */
  fetch?: typeof globalThis.fetch | undefined
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined
}

/**
 * openapi-fetch's `createClient`. Its CommonJS build exports it as `exports.default`, and the
 * CommonJS build of this (ESM) package imports it the way Node does, as `module.exports`: unwrap it.
 */
const createClient: typeof openapiFetch =
  typeof openapiFetch === 'function'
    ? openapiFetch
    : (openapiFetch as unknown as { default: typeof openapiFetch }).default

/**
 * The API path (`/api/v1` as a whole path segment) in the path of an http(s) URL; what precedes it
 * is the service root, possibly behind a reverse proxy's prefix.
 */
const API_PATH = /(?<=^https?:\/\/[^/?#]*(?:\/[^?#]*)?)\/api\/v1(?=[/?#]|$)/

/**
 * Creates a typed client for the DataStorage API. Every call returns `{ data, error, response }`:
 * errors are values (an RFC 7807 {@link Problem} for error statuses), never thrown, except for
 * network failures, which reject.
 *
 * @example
 * const ds = createDataStorageClient({ baseUrl: 'http://127.0.0.1:8080' })
 * const { data, error } = await ds.GET('/api/v1/audit/events', { params: { query: { correlation_id: 'c-1' } } })
 */
export function createDataStorageClient(options: DataStorageClientOptions): DataStorageClient {
  const { baseUrl, token, headers } = options
  if (typeof baseUrl !== 'string' || !/^https?:\/\//.test(baseUrl)) {
    throw new TypeError(
      `createDataStorageClient: baseUrl must be an http(s) URL, got ${JSON.stringify(baseUrl)}`,
    )
  }
  const apiPath = API_PATH.exec(baseUrl)
  if (apiPath) {
    throw new TypeError(
      `createDataStorageClient: baseUrl must be the service root without the API path: got ${JSON.stringify(baseUrl)}, pass ${JSON.stringify(baseUrl.slice(0, apiPath.index))}`,
    )
  }
  const clientOptions: ClientOptions = { baseUrl: baseUrl.replace(/\/+$/, '') }
  if (headers) clientOptions.headers = headers
  if (options.fetch) clientOptions.fetch = options.fetch
  const client = createClient<paths>(clientOptions)
  if (token !== undefined) {
    client.use({
      async onRequest({ request }) {
        const value = typeof token === 'function' ? await token() : token
        if (value) request.headers.set('Authorization', `Bearer ${value}`)
        return request
      },
    })
  }
  return client
}

export {
  DEAD_LETTER_STREAM,
  type DeadLetterMessage,
  DeadLetterMessageError,
  type DeadLetterSource,
  DLQ_MESSAGE_VERSION,
  DLQ_STREAM,
  decodeDeadLetterMessage,
  encodeDeadLetterMessage,
} from './dead-letter-message.js'
export {
  canonicalTimestamp,
  EARLIEST_STORABLE_MS,
  isRfc3339DateTime,
  LATEST_STORABLE_MS,
  parseRfc3339,
  rfc3339Error,
} from './rfc3339.js'
export { isUuid, unstorableText } from './storable.js'
export { uuidv7 } from './uuidv7.js'
export {
  type AuditEventValidator,
  type AuditEventValidatorOptions,
  contractLimits,
  createAuditEventValidator,
  type FieldError,
  isKnownEventType,
} from './validation.js'
