import { validateEventData } from './event-data-validator.js'
import { schemaAccepts } from './fast-check.js'
import { validateAuditEventRequest } from './generated/audit-event-validator.js'
import {
  eventDataMaxBytes,
  eventDataMaxDepth,
  knownEventTypes as knownEventTypeList,
  maxBatchSize,
  maxFutureSeconds,
} from './generated/contract.js'
import type { SchemaError } from './json-schema-runtime.js'
import {
  canonicalTimestamp,
  EARLIEST_STORABLE_MS,
  LATEST_STORABLE_MS,
  parseRfc3339,
  rfc3339Error,
} from './rfc3339.js'
import { unstorableText } from './storable.js'

/** One invalid field of a request, as the RFC 7807 `errors` array carries it. */
export interface FieldError {
  /** The event's position in a batch; absent for a single event. */
  index?: number
  /** Dotted path of the field, e.g. `event_data.signal_name`; `(root)` for the event itself. */
  field: string
  message: string
}

/** Options of {@link createAuditEventValidator}. */
export interface AuditEventValidatorOptions {
  /** What to do with an event type that follows the naming rule but is not in the catalog. Default `'accept'`. */
  unknownEventTypes?: 'accept' | 'reject' | undefined
  /** Clock for the future-timestamp guard, in epoch milliseconds. Default `Date.now`. */
  now?: (() => number) | undefined
}

/** Validates audit events against the contract; returns the invalid fields, or an empty array. */
export type AuditEventValidator = (event: unknown, index?: number) => FieldError[]

/** Limits the contract states in `x-` extensions, generated from it so they cannot drift. */
export const contractLimits = {
  eventDataMaxBytes,
  eventDataMaxDepth,
  maxFutureSeconds,
  maxBatchSize,
} as const
const knownEventTypes: ReadonlySet<string> = new Set(knownEventTypeList)

function fieldOf(error: SchemaError): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  const { params } = error
  if (error.keyword === 'required') path.push(String(params.missingProperty))
  if (error.keyword === 'unevaluatedProperties') path.push(String(params.unevaluatedProperty))
  if (error.keyword === 'additionalProperties') path.push(String(params.additionalProperty))
  return path.length === 0 ? '(root)' : path.join('.')
}

function messageOf(error: SchemaError): string {
  const { params } = error
  switch (error.keyword) {
    case 'required':
      return 'is required'
    case 'unevaluatedProperties':
    case 'additionalProperties':
      return 'is not a known field'
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`
    case 'format':
      return `must be a valid ${String(params.format)}`
    default:
      return error.message ?? 'is invalid'
  }
}

/** Turns the schema errors into one message per invalid field, dropping the noise of `if`/`anyOf` branches. */
function toFieldErrors(errors: readonly SchemaError[], index: number | undefined): FieldError[] {
  const byField = new Map<string, string[]>()
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath)
  for (const error of errors) {
    if (error.keyword === 'if') continue
    if (
      anyOfPaths.some(
        (p) => error.schemaPath !== p && error.schemaPath.startsWith(p.replace(/\/anyOf$/, '/anyOf/')),
      )
    ) {
      continue
    }
    const field = fieldOf(error)
    const message =
      error.keyword !== 'anyOf'
        ? messageOf(error)
        : field === 'actor_ip'
          ? 'must be a valid ipv4 or ipv6 address'
          : 'must match one of its allowed shapes'
    const list = byField.get(field) ?? []
    if (!list.includes(message)) list.push(message)
    byField.set(field, list)
  }
  return [...byField].map(([field, messages]) => withIndex({ field, message: messages.join('; ') }, index))
}

function withIndex(error: FieldError, index: number | undefined): FieldError {
  return index === undefined ? error : { index, ...error }
}

/** What one pass over a value found; the walk allocates nothing unless it finds a bad string. */
interface Scan {
  depth: number
  /** An upper bound of the value's JSON size in bytes (every UTF-16 unit counted as a `\uXXXX` escape). */
  maxBytes: number
  bad?: FieldError
}

function scan(value: unknown, path: string[], depthLimit: number, out: Scan, depth: number): void {
  if (typeof value === 'string') {
    out.maxBytes += 6 * value.length + 2
    const problem = out.bad ? undefined : unstorableText(value)
    if (problem) out.bad = { field: path.join('.') || '(root)', message: problem }
    return
  }
  if (typeof value !== 'object' || value === null) {
    out.maxBytes += 24 // numbers, booleans and null serialize to at most 24 characters
    return
  }
  if (depth > out.depth) out.depth = depth
  if (depth > depthLimit) return
  out.maxBytes += 2
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      out.maxBytes += 1
      path.push(String(i))
      scan(value[i], path, depthLimit, out, depth + 1)
      path.pop()
    }
    return
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    out.maxBytes += 6 * key.length + 4
    path.push(key)
    if (!out.bad && unstorableText(key)) {
      out.bad = {
        field: path.join('.'),
        message: 'field name must be well-formed Unicode without NUL characters',
      }
    }
    scan((value as Record<string, unknown>)[key], path, depthLimit, out, depth + 1)
    path.pop()
  }
}

/** Any NUL or surrogate: only then can a string be unstorable, and {@link unstorableText} is asked. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for.
const SUSPECT = /[\u0000\uD800-\uDFFF]/

/**
 * The fast path of {@link createAuditEventValidator}: true only when the full check would find
 * nothing (src/fast-check.ts explains the split); false when it might, and then the full check runs.
 * It asks what the full check asks, in the same order of cost, but only for a yes or no: the
 * compiled envelope and typed event_data, then the timestamp guard (the parsed instant of the last
 * timestamp kept, since a client stamps many events alike), `parent_event_date`, storable text, and
 * event_data's depth and size bound in one pass.
 */
export function createFastAccept(
  unknownEventTypes: 'accept' | 'reject',
  now: () => number,
): (event: Record<string, unknown>) => boolean {
  const { eventDataMaxBytes, eventDataMaxDepth, maxFutureSeconds } = contractLimits
  let lastTimestamp: string | undefined
  let lastInstant = 0
  let bytes = 0
  const storable = (text: string) => !SUSPECT.test(text) || unstorableText(text) === undefined
  // scan() (below) as a yes or no: no object deeper than the limit, no unstorable string or key,
  // and the size bound within the limit (else the full check measures the exact size).
  const data = (value: unknown, depth: number): boolean => {
    if (typeof value === 'string') {
      bytes += 6 * value.length + 2
      return storable(value)
    }
    if (typeof value !== 'object' || value === null) {
      bytes += 24
      return true
    }
    if (depth > eventDataMaxDepth) return false
    bytes += 2
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        bytes += 1
        if (!data(value[i], depth + 1)) return false
      }
      return true
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue
      bytes += 6 * key.length + 4
      if (!storable(key) || !data((value as Record<string, unknown>)[key], depth + 1)) return false
    }
    return true
  }
  return (e) => {
    if (!schemaAccepts(e)) return false
    // The envelope passed: event_timestamp is an own string in the strict format, event_data an object.
    const timestamp = e.event_timestamp as string
    if (timestamp !== lastTimestamp) {
      const at = parseRfc3339(timestamp)
      if (at === undefined) return false
      lastTimestamp = timestamp
      lastInstant = at
    }
    if (
      lastInstant > now() + maxFutureSeconds * 1000 ||
      lastInstant < EARLIEST_STORABLE_MS ||
      lastInstant > LATEST_STORABLE_MS
    ) {
      return false
    }
    if (Object.hasOwn(e, 'parent_event_date')) {
      const parent = e.parent_event_date
      if (
        typeof parent === 'string' &&
        (rfc3339Error(parent) !== undefined || canonicalTimestamp(parent) === undefined)
      ) {
        return false
      }
    }
    for (const key in e) {
      if (key === 'event_data' || !Object.hasOwn(e, key)) continue
      const value = e[key]
      if (typeof value === 'string' && !storable(value)) return false
    }
    bytes = 0
    if (!data(e.event_data, 1) || bytes > eventDataMaxBytes) return false
    if (unknownEventTypes === 'reject' && !knownEventTypes.has(e.event_type as string)) return false
    return true
  }
}

/**
 * Builds the validator of audit events derived from `openapi/datastorage.yaml`: the JSON Schema of
 * `AuditEventRequest` (with the typed `event_data` catalog) plus the limits the contract states in
 * `x-` extensions (event_data size and depth, the future-timestamp guard). The audit client and the
 * service use this same function, so they cannot disagree about what is valid.
 *
 * @example
 * const validate = createAuditEventValidator({ unknownEventTypes: 'reject' })
 * const errors = validate(event) // [] when valid
 */
export function createAuditEventValidator(options: AuditEventValidatorOptions = {}): AuditEventValidator {
  const { unknownEventTypes = 'accept', now = Date.now } = options
  const fastAccept = createFastAccept(unknownEventTypes, now)
  const full = createFullValidator(options)
  return (event, index) => {
    if (
      typeof event === 'object' &&
      event !== null &&
      !Array.isArray(event) &&
      fastAccept(event as Record<string, unknown>)
    ) {
      return []
    }
    return full(event, index)
  }
}

/**
 * The whole check, every rule with its message: what {@link createAuditEventValidator} runs when
 * its fast path is not sure. Exported for the tests that hold the fast path to it.
 */
export function createFullValidator(options: AuditEventValidatorOptions = {}): AuditEventValidator {
  const { unknownEventTypes = 'accept', now = Date.now } = options
  const { eventDataMaxBytes, eventDataMaxDepth, maxFutureSeconds } = contractLimits
  return (event, index) => {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      return [withIndex({ field: '(root)', message: 'must be a JSON object' }, index)]
    }
    const e = event as Record<string, unknown>
    // Only own properties count, as only they are serialized (and the schema sees only them).
    const own = (key: string): unknown => (Object.hasOwn(e, key) ? e[key] : undefined)
    const schemaErrors = validateAuditEventRequest(event) ? [] : [...(validateAuditEventRequest.errors ?? [])]
    // The typed event_data of a catalog type (EventDataCatalog's if/then, walked as data).
    const eventType = own('event_type')
    if (typeof eventType === 'string' && Object.hasOwn(e, 'event_data')) {
      schemaErrors.push(...validateEventData(eventType, e.event_data))
    }
    const errors = schemaErrors.length === 0 ? [] : toFieldErrors(schemaErrors, index)
    const invalid = new Set(errors.map((x) => x.field))
    const timestamp = own('event_timestamp')
    if (typeof timestamp === 'string') {
      const at = parseRfc3339(timestamp)
      if (at === undefined) {
        // The format's own message says which rule failed (a leap second, too many digits, …).
        const why = rfc3339Error(timestamp)
        for (const error of errors) if (error.field === 'event_timestamp' && why) error.message = why
      } else if (!invalid.has('event_timestamp')) {
        const message =
          at > now() + maxFutureSeconds * 1000
            ? `must not be more than ${maxFutureSeconds} s in the future`
            : at < EARLIEST_STORABLE_MS
              ? 'must not be before 0001-01-01T00:00:00Z'
              : at > LATEST_STORABLE_MS
                ? 'must not be after 9999-12-31T23:59:59.999999Z'
                : undefined
        if (message) errors.push(withIndex({ field: 'event_timestamp', message }, index))
      }
    }
    // The same strict rule and storable range, without the future guard: a parent's timestamp.
    const parentDate = own('parent_event_date')
    if (typeof parentDate === 'string') {
      const why = rfc3339Error(parentDate)
      if (why) {
        for (const error of errors) if (error.field === 'parent_event_date') error.message = why
      } else if (!invalid.has('parent_event_date') && canonicalTimestamp(parentDate) === undefined) {
        errors.push(
          withIndex(
            {
              field: 'parent_event_date',
              message: 'must be an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z',
            },
            index,
          ),
        )
      }
    }
    const found: Scan = { depth: 0, maxBytes: 0 }
    for (const key in e) {
      if (key === 'event_data' || !Object.hasOwn(e, key) || typeof e[key] !== 'string') continue
      const problem = unstorableText(e[key] as string)
      if (problem) {
        found.bad = { field: key, message: problem }
        break
      }
    }
    const data = own('event_data')
    if (!invalid.has('event_data') && typeof data === 'object' && data !== null) {
      const inData: Scan = { depth: 0, maxBytes: 0 }
      scan(data, ['event_data'], eventDataMaxDepth, inData, 1)
      found.bad ??= inData.bad
      if (inData.depth > eventDataMaxDepth) {
        errors.push(
          withIndex(
            { field: 'event_data', message: `must not nest deeper than ${eventDataMaxDepth} levels` },
            index,
          ),
        )
      } else if (
        // The exact size costs a serialization; the bound settles it for all but large payloads.
        inData.maxBytes > eventDataMaxBytes &&
        Buffer.byteLength(JSON.stringify(data)) > eventDataMaxBytes
      ) {
        errors.push(
          withIndex(
            { field: 'event_data', message: `must not exceed ${eventDataMaxBytes} bytes serialized` },
            index,
          ),
        )
      }
    }
    if (found.bad) errors.push(withIndex(found.bad, index))
    if (unknownEventTypes === 'reject' && !invalid.has('event_type') && typeof eventType === 'string') {
      if (!knownEventTypes.has(eventType)) {
        errors.push(withIndex({ field: 'event_type', message: 'is not in the event-type catalog' }, index))
      }
    }
    return errors
  }
}

/** Whether an event type is in the contract's catalog (`KnownEventType`). */
export function isKnownEventType(eventType: string): boolean {
  return knownEventTypes.has(eventType)
}
