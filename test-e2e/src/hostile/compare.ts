import { decimalKey } from './decimal.js'
import type { Raw } from './raw-json.js'
import { parseTimestamp, utcText } from './timestamps.js'

/**
 * The oracle of what is stored: an event as sent (its raw entries) against a stored row or the
 * API's answer, field by field. Strings must be equal exactly, numbers by exact decimal value,
 * timestamps by instant (microseconds, digits beyond truncated), UUIDs case-insensitively;
 * a field not sent must be absent (NULL), with the contract's defaults for retention_days and
 * is_sensitive.
 */

/** A stored event, every value as text (numbers as their literal), `null` for NULL or absent. */
export interface StoredEvent {
  event_id: string
  /** Instant in microseconds. */
  event_timestamp: bigint
  /** `YYYY-MM-DD`, when the source has it (the row does, the API does too). */
  event_date?: string
  /** Text fields, UUIDs, numbers (as literals) and booleans (`true`/`false`) by name. */
  fields: Record<string, string | null>
  event_data: Raw
}

const TEXT = [
  'version',
  'event_type',
  'event_category',
  'event_action',
  'event_outcome',
  'correlation_id',
  'actor_type',
  'actor_id',
  'actor_ip',
  'resource_type',
  'resource_id',
  'resource_name',
  'namespace',
  'cluster_id',
  'severity',
  'error_code',
  'error_message',
  'trace_id',
  'span_id',
] as const
const NUMBERS = ['duration_ms', 'retention_days'] as const
export const COMPARED_FIELDS = [...TEXT, 'parent_event_id', ...NUMBERS, 'is_sensitive'] as const

const DEFAULTS: Record<string, string> = { retention_days: '2555', is_sensitive: 'false' }

const show = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v) : String(v)
  return s.length > 120 ? `${s.slice(0, 120)}…(${s.length})` : s
}

/**
 * Differences between an event as sent and as stored; empty when stored exactly.
 *
 * @param sent - The top-level entries of the event as sent.
 * @param id - The event's id (lower case): the one sent, or the one the service assigned.
 */
export function differences(sent: Array<[string, Raw]>, id: string, stored: StoredEvent): string[] {
  const out: string[] = []
  const sentValue = new Map(sent)
  if (stored.event_id.toLowerCase() !== id) out.push(`event_id ${show(stored.event_id)} ≠ ${show(id)}`)
  const ts = sentValue.get('event_timestamp')
  const expected = ts?.t === 'str' ? parseTimestamp(ts.value) : undefined
  if (expected === undefined) out.push('event_timestamp sent is no valid timestamp (generator bug)')
  else {
    if (stored.event_timestamp !== expected) {
      out.push(
        `event_timestamp ${utcText(stored.event_timestamp)} ≠ ${utcText(expected)} (sent ${show(ts?.t === 'str' ? ts.value : '')})`,
      )
    }
    if (stored.event_date !== undefined && stored.event_date !== utcText(expected).slice(0, 10)) {
      out.push(`event_date ${stored.event_date} ≠ ${utcText(expected).slice(0, 10)}`)
    }
  }
  for (const name of COMPARED_FIELDS) {
    const v = sentValue.get(name)
    let want: string | null
    if (v === undefined) {
      const fallback = DEFAULTS[name]
      want =
        fallback === undefined
          ? null
          : (NUMBERS as readonly string[]).includes(name)
            ? decimalKey(fallback)
            : fallback
    } else if (v.t === 'str') want = name === 'parent_event_id' ? v.value.toLowerCase() : v.value
    else if (v.t === 'num') want = decimalKey(v.text)
    else if (v.t === 'bool') want = String(v.value)
    else want = `(sent ${v.t})`
    let got = stored.fields[name] ?? null
    if (got !== null && (NUMBERS as readonly string[]).includes(name)) got = decimalKey(got)
    if (got !== null && name === 'parent_event_id') got = got.toLowerCase()
    if (got !== want) out.push(`${name} ${show(got)} ≠ ${show(want)}`)
  }
  const data = sentValue.get('event_data')
  if (!data) out.push('event_data not sent (generator bug)')
  else out.push(...rawDifferences(data, stored.event_data, 'event_data'))
  return out
}

/** Differences between two JSON values: objects by key set, arrays item by item, numbers by decimal value. */
export function rawDifferences(sent: Raw, stored: Raw, path: string): string[] {
  if (sent.t !== stored.t) return [`${path}: ${stored.t} ≠ sent ${sent.t}`]
  switch (sent.t) {
    case 'num': {
      const got = (stored as { text: string }).text
      return decimalKey(got) === decimalKey(sent.text)
        ? []
        : [`${path}: ${show(got)} ≠ sent ${show(sent.text)}`]
    }
    case 'str': {
      const got = (stored as { value: string }).value
      return got === sent.value ? [] : [`${path}: ${show(got)} ≠ sent ${show(sent.value)}`]
    }
    case 'bool':
      return (stored as { value: boolean }).value === sent.value ? [] : [`${path}: boolean differs`]
    case 'null':
      return []
    case 'arr': {
      const items = (stored as { items: Raw[] }).items
      if (items.length !== sent.items.length)
        return [`${path}: ${items.length} items ≠ sent ${sent.items.length}`]
      return sent.items.flatMap((item, i) => rawDifferences(item, items[i]!, `${path}.${i}`))
    }
    case 'obj': {
      const got = new Map((stored as { entries: Array<[string, Raw]> }).entries)
      const want = new Map(sent.entries)
      const out: string[] = []
      for (const key of want.keys()) if (!got.has(key)) out.push(`${path}: key ${show(key)} missing`)
      for (const key of got.keys()) if (!want.has(key)) out.push(`${path}: key ${show(key)} not sent`)
      for (const [key, value] of want) {
        const other = got.get(key)
        if (other) out.push(...rawDifferences(value, other, `${path}.${key}`))
      }
      return out
    }
  }
}

/** A stored event from an API answer (`GET /events/{id}`), parsed with number literals kept. */
export function storedFromApi(event: Raw): StoredEvent {
  if (event.t !== 'obj') throw new Error(`the API answered ${event.t}, not an event object`)
  const fields: Record<string, string | null> = {}
  let event_id = ''
  let event_timestamp = -1n
  let event_date: string | undefined
  let event_data: Raw = { t: 'null' }
  for (const [key, value] of event.entries) {
    if (key === 'event_data') event_data = value
    else if (value.t === 'str') {
      if (key === 'event_id') event_id = value.value
      else if (key === 'event_timestamp') event_timestamp = parseTimestamp(value.value) ?? -1n
      else if (key === 'event_date') event_date = value.value
      else fields[key] = value.value
    } else if (value.t === 'num') fields[key] = value.text
    else if (value.t === 'bool') fields[key] = String(value.value)
  }
  return {
    event_id,
    event_timestamp,
    ...(event_date === undefined ? {} : { event_date }),
    fields,
    event_data,
  }
}
