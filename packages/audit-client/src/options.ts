import { contractLimits } from '@audit-trail/datastorage-client'
import { ConfigError } from './errors.js'

/**
 * Defaults of the numeric settings (packages/audit-client/README.md#options); applied once, at
 * construction.
 */
export const DEFAULTS = {
  bufferSize: 10_000,
  batchSize: 1000,
  flushIntervalMs: 1000,
  maxRetries: 3,
  retryBaseMs: 1000,
  retryMaxMs: 30_000,
  requestTimeoutMs: 10_000,
  concurrency: 2,
  compressionThresholdBytes: 32 * 1024,
} as const

/** What `emit()` does when the buffer is full. */
export type OnFull = 'dead-letter' | 'reject'

/** How request bodies are sent: gzip-compressed from `compressionThresholdBytes` up, or as is. */
export type Compression = 'gzip' | 'none'

/**
 * The plain settings of the client (everything but functions and objects) validated, with the
 * defaults applied; shared by `createAuditClient` and `loadAuditClientConfig` so the two cannot
 * disagree. An optional setting that was not given is absent (never a key holding `undefined`), so
 * the object spreads into the client's options under `exactOptionalPropertyTypes`.
 */
export interface AuditClientSettings {
  /** The service root, `http(s)://…`, without trailing slashes and without `/api/v1`. */
  baseUrl: string
  /** 1..100 characters. */
  service: string
  bufferSize: number
  /** ≤ `bufferSize` and ≤ the contract's `maxBatchSize`. */
  batchSize: number
  flushIntervalMs: number
  maxRetries: number
  /** ≤ `retryMaxMs`. */
  retryBaseMs: number
  retryMaxMs: number
  requestTimeoutMs: number
  concurrency: number
  /** `'gzip'` by default. */
  compression: Compression
  compressionThresholdBytes: number
  onFull?: OnFull
  /** Non-empty. */
  token?: string
}

/** The settings every client needs; they have no default. */
export type RequiredSetting = 'baseUrl' | 'service'

const ON_FULL: readonly OnFull[] = ['dead-letter', 'reject']
const COMPRESSION: readonly Compression[] = ['gzip', 'none']
const SERVICE_MAX = 100
const API_PATH = '/api/v1'
// `<origin><prefix>/api/v1`, optionally followed by `/audit…` (a path the client appends itself).
const API_PATH_AT_END = /^(https?:\/\/[^/?#]*)(\/[^?#]*?)?\/api\/v1(?:\/audit(?:\/[^?#]*)?)?\/*(?:[?#].*)?$/

/** What a required setting is, for the message that says it is missing. */
const REQUIRED: Record<RequiredSetting, string> = {
  baseUrl: 'the DataStorage service root URL, e.g. "http://datastorage:8080"',
  service: `the name of the emitting service, 1 to ${SERVICE_MAX} characters`,
}

/** The integer settings and their bounds (the defaults are in {@link DEFAULTS}). */
const INTEGERS = {
  bufferSize: { min: 1 },
  batchSize: { min: 1, max: contractLimits.maxBatchSize },
  flushIntervalMs: { min: 1 },
  maxRetries: { min: 0, max: 100 },
  retryBaseMs: { min: 0 },
  retryMaxMs: { min: 0 },
  requestTimeoutMs: { min: 1 },
  concurrency: { min: 1, max: 64 },
  compressionThresholdBytes: { min: 0 },
} satisfies Record<keyof typeof DEFAULTS, { min: number; max?: number }>

/** A failed rule: the setting (an option name) and what is wrong with it. */
class Invalid {
  constructor(
    readonly key: string,
    readonly message: string,
  ) {}
}

/**
 * A value as it appears in a message: strings quoted (and cut after 80 characters), numbers and
 * other primitives as written, objects and arrays as (cut) JSON.
 */
export function showValue(value: unknown): string {
  const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text)
  if (typeof value === 'string') return cut(JSON.stringify(value))
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'object' && value !== null) {
    try {
      return cut(JSON.stringify(value))
    } catch {
      return Array.isArray(value) ? 'an array' : 'an object'
    }
  }
  return String(value)
}

/** `value` as a string naming its kind only, for a secret (`token`) that must not be echoed. */
function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (value === '') return 'an empty string'
  const kind = typeof value
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`
}

/** A URL's `user:password@` part masked, so that a message does not leak it. */
function maskCredentials(url: string): string {
  return url.replace(/^(https?:\/\/)[^/?#@]*@/i, '$1***@')
}

function integer(key: keyof typeof INTEGERS, value: unknown): number {
  if (value === undefined) return DEFAULTS[key]
  const { min, max } = INTEGERS[key] as { min: number; max?: number }
  const fits = (n: number) => Number.isSafeInteger(n) && n >= min && n <= (max ?? Number.POSITIVE_INFINITY)
  if (typeof value === 'number' && fits(value)) return value
  const range = max === undefined ? `>= ${min}` : `>= ${min} and <= ${max}`
  throw new Invalid(key, `must be an integer ${range}, got ${showValue(value)}`)
}

function required(key: RequiredSetting, value: unknown): void {
  if (value === undefined) throw new Invalid(key, `is required: ${REQUIRED[key]}`)
}

function baseUrl(value: unknown): string {
  required('baseUrl', value)
  const expected = 'must be an http(s) URL such as "http://datastorage:8080"'
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+/.test(value)) {
    throw new Invalid('baseUrl', `${expected}, got ${showValue(value)}`)
  }
  const url = value.replace(/\/+$/, '')
  const api = API_PATH_AT_END.exec(url)
  if (api) {
    const root = `${api[1]}${(api[2] ?? '').replace(/\/+$/, '')}`
    throw new Invalid(
      'baseUrl',
      `must be the service root without the API path ${API_PATH}: got ${showValue(maskCredentials(value))}, ` +
        `use ${showValue(maskCredentials(root))}`,
    )
  }
  return url
}

function service(value: unknown): string {
  required('service', value)
  if (typeof value === 'string' && value.length >= 1 && value.length <= SERVICE_MAX) return value
  const got =
    typeof value === 'string' && value.length > SERVICE_MAX
      ? `a string of ${value.length} characters`
      : showValue(value)
  throw new Invalid('service', `must be a non-empty string of at most ${SERVICE_MAX} characters, got ${got}`)
}

function onFull(value: unknown): OnFull | undefined {
  if (value === undefined || ON_FULL.includes(value as OnFull)) return value as OnFull | undefined
  throw new Invalid(
    'onFull',
    `must be one of ${ON_FULL.map((v) => JSON.stringify(v)).join(', ')}, got ${showValue(value)}`,
  )
}

function compression(value: unknown): Compression {
  if (value === undefined) return 'gzip'
  if (COMPRESSION.includes(value as Compression)) return value as Compression
  throw new Invalid(
    'compression',
    `must be one of ${COMPRESSION.map((v) => JSON.stringify(v)).join(', ')}, got ${showValue(value)}`,
  )
}

function token(value: unknown): string | undefined {
  if (value === undefined || (typeof value === 'string' && value.length > 0)) return value
  // The token is a secret: the message names its kind, never its value.
  throw new Invalid('token', `must be a non-empty string, got ${kindOf(value)}`)
}

/**
 * The settings that only the HTTP transport reads: with a `transport` of the caller's they would be
 * ignored, which is worse than refused (a `baseUrl` that seems to be in force and is not).
 */
export const HTTP_TRANSPORT_SETTINGS = [
  'baseUrl',
  'token',
  'fetch',
  'compression',
  'compressionThresholdBytes',
  'requestTimeoutMs',
] as const

/** `input` has a `transport`: none of the HTTP transport's settings may be set beside it. */
function refuseHttpSettings(input: Record<string, unknown>): void {
  const { transport } = input as { transport?: { send?: unknown; close?: unknown } | null }
  if (typeof transport?.send !== 'function' || typeof transport.close !== 'function') {
    throw new Invalid('transport', `must be a Transport (send() and close()), got ${showValue(transport)}`)
  }
  for (const key of HTTP_TRANSPORT_SETTINGS) {
    if (input[key] !== undefined) {
      throw new Invalid(
        key,
        'must not be set with transport: the transport decides where and how batches are sent',
      )
    }
  }
}

function validate(input: Record<string, unknown>): AuditClientSettings {
  return { baseUrl: baseUrl(input.baseUrl), ...validateCommon(input) }
}

function validateCommon(input: Record<string, unknown>): Omit<AuditClientSettings, 'baseUrl'> {
  const settings: Omit<AuditClientSettings, 'baseUrl'> = {
    service: service(input.service),
    bufferSize: integer('bufferSize', input.bufferSize),
    batchSize: integer('batchSize', input.batchSize),
    flushIntervalMs: integer('flushIntervalMs', input.flushIntervalMs),
    maxRetries: integer('maxRetries', input.maxRetries),
    retryBaseMs: integer('retryBaseMs', input.retryBaseMs),
    retryMaxMs: integer('retryMaxMs', input.retryMaxMs),
    requestTimeoutMs: integer('requestTimeoutMs', input.requestTimeoutMs),
    concurrency: integer('concurrency', input.concurrency),
    compression: compression(input.compression),
    compressionThresholdBytes: integer('compressionThresholdBytes', input.compressionThresholdBytes),
  }
  const full = onFull(input.onFull)
  if (full !== undefined) settings.onFull = full
  const bearer = token(input.token)
  if (bearer !== undefined) settings.token = bearer
  if (settings.batchSize > settings.bufferSize) {
    throw new Invalid(
      'batchSize',
      `must be <= bufferSize (${settings.bufferSize}), got ${settings.batchSize}`,
    )
  }
  if (settings.retryBaseMs > settings.retryMaxMs) {
    throw new Invalid(
      'retryBaseMs',
      `must be <= retryMaxMs (${settings.retryMaxMs}), got ${settings.retryBaseMs}`,
    )
  }
  return settings
}

/** {@link AuditClientSettings} of a client: `baseUrl` absent when it was given a `transport`. */
export type ClientSettings =
  | (AuditClientSettings & { transport: false })
  | (Omit<AuditClientSettings, 'baseUrl' | 'token'> & { transport: true })

/**
 * {@link parseSettings} for `createAuditClient`: with a `transport` in `input`, `baseUrl` is not
 * required and the HTTP transport's settings ({@link HTTP_TRANSPORT_SETTINGS}) are refused.
 *
 * @throws {ConfigError} naming the first invalid field, e.g. `baseUrl: must not be set with transport: …`.
 */
export function parseClientSettings(input: unknown): ClientSettings {
  const object = input as Record<string, unknown> | null
  if (typeof object !== 'object' || object === null || object.transport === undefined) {
    return { ...parseSettings(input), transport: false }
  }
  try {
    refuseHttpSettings(object)
    return { ...validateCommon(object), transport: true }
  } catch (error) {
    if (!(error instanceof Invalid)) throw error
    throw new ConfigError(error.key, error.message)
  }
}

/**
 * Validates the client's plain settings and applies the defaults; keys it does not know (the
 * client's functions and objects) are ignored.
 *
 * Rules: `baseUrl` an http(s) URL, the service root (trailing slashes are dropped; a path ending in
 * `/api/v1` is refused); `service` 1..100 characters; the counts and durations integers in their
 * range (`batchSize` also ≤ `bufferSize` and the contract's `maxBatchSize`, `retryBaseMs` ≤
 * `retryMaxMs`); `onFull` `'dead-letter'` or `'reject'`; `compression` `'gzip'` or `'none'`;
 * `token` a non-empty string.
 *
 * @param nameOf how to name a field in the error (an option name, an env variable, a YAML key).
 * @param howToSet for a missing `baseUrl` or `service`: how to give it (e.g. `set the environment
 * variable AUDIT_BASE_URL`), appended to the message.
 * @throws {ConfigError} naming the first invalid field; the message says what was expected and what
 * was given, e.g. `batchSize: must be an integer >= 1 and <= 5000, got "ten"`.
 */
export function parseSettings(
  input: unknown,
  nameOf: (key: string) => string = (k) => k,
  howToSet?: (key: RequiredSetting) => string | undefined,
): AuditClientSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError('(root)', `must be an object with baseUrl and service, got ${showValue(input)}`)
  }
  try {
    return validate(input as Record<string, unknown>)
  } catch (error) {
    if (!(error instanceof Invalid)) throw error
    const how = error.key in REQUIRED && (input as Record<string, unknown>)[error.key] === undefined
    const hint = how ? howToSet?.(error.key as RequiredSetting) : undefined
    throw new ConfigError(nameOf(error.key), hint ? `${error.message}; ${hint}` : error.message)
  }
}
