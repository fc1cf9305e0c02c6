import { isDeepStrictEqual } from 'node:util'

/**
 * An event as the seed's client sent it against the same event read back from the query API,
 * field by field: every field sent is returned equal (timestamps as instants, since the service
 * returns them in UTC with a fraction), and the only fields the service adds are the ones a
 * stored event has beside the request ({@link ADDED_BY_THE_SERVICE}), each checked for its value.
 */

/** What a stored event may carry that the seed's client did not send. */
export const ADDED_BY_THE_SERVICE = [
  'event_id',
  'event_date',
  'stored_at',
  'recorded_by',
  'retention_days',
  'is_sensitive',
] as const

const INSTANTS = new Set(['event_timestamp', 'parent_event_date'])

/** How many leaves a value has (an empty object or array counts as one). */
function leaves(value: unknown): number {
  if (value !== null && typeof value === 'object') {
    const children = Object.values(value)
    return children.length === 0 ? 1 : children.reduce((n: number, v) => n + leaves(v), 0)
  }
  return 1
}

export interface Comparison {
  differences: string[]
  /** Fields compared: top-level fields, and each leaf of event_data. */
  fields: number
}

/**
 * @param sent - The event as sent.
 * @param eventId - The id the service answered for it.
 * @param stored - The event as the query API returned it.
 * @param recordedBy - The name of the token that wrote it.
 */
export function compareStored(
  sent: Record<string, unknown>,
  eventId: string,
  stored: Record<string, unknown>,
  recordedBy: string,
): Comparison {
  const differences: string[] = []
  let fields = 0
  for (const [name, value] of Object.entries(sent)) {
    if (name === 'event_data') {
      fields += leaves(value)
      if (!isDeepStrictEqual(stored.event_data, value)) {
        differences.push(
          `event_data: sent ${JSON.stringify(value)}, read back ${JSON.stringify(stored.event_data)}`,
        )
      }
      continue
    }
    fields++
    const back = stored[name]
    const equal = INSTANTS.has(name)
      ? typeof back === 'string' && Date.parse(back) === Date.parse(value as string)
      : isDeepStrictEqual(back, value)
    if (!equal) differences.push(`${name}: sent ${JSON.stringify(value)}, read back ${JSON.stringify(back)}`)
  }
  const expectedAdded: Record<string, (v: unknown) => boolean> = {
    event_id: (v) => v === eventId,
    event_date: (v) => v === new Date(Date.parse(sent.event_timestamp as string)).toISOString().slice(0, 10),
    stored_at: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
    recorded_by: (v) => v === recordedBy,
    retention_days: (v) => v === 2555,
    is_sensitive: (v) => v === false,
  }
  for (const [name, value] of Object.entries(stored)) {
    if (name in sent) continue
    const check = expectedAdded[name]
    if (!check) differences.push(`${name}: not sent, read back ${JSON.stringify(value)}`)
    else if (!check(value)) differences.push(`${name}: added by the service as ${JSON.stringify(value)}`)
  }
  return { differences, fields }
}
