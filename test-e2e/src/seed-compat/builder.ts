import { createHash, randomUUID } from 'node:crypto'
import {
  type SeedCatalog,
  type SeedProperty,
  type SeedSchema,
  seedActorOf,
  seedCategoryOf,
} from './catalog.js'

/**
 * Events as the seed system's generated client puts them on the wire: `version` "1.0", the
 * timestamp in RFC 3339 without a fraction, no `event_id`, `cluster_id` "" and `severity` "high"
 * as its services send them, and an `event_data` that repeats `event_type` (the discriminator of
 * its payload union) and fills the typed payload's required fields, plus some optional ones.
 */

/** A request body entry of the seed's `AuditEventRequest`. */
export type SeedEvent = Record<string, unknown> & {
  event_type: string
  correlation_id: string
  event_data: Record<string, unknown> & { event_type: string }
}

/** RFC 3339 with whole seconds, as Go's time.RFC3339 formats a UTC time. */
export function seedTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const FAILURE = /(failed|failure|denied|rejected|timed_out|error|cancelled|disable_denied)$/

/** The outcome the seed's emitters give a type: a failure for refusals and errors. */
export function seedOutcomeOf(eventType: string): 'success' | 'failure' {
  const action = eventType.split('.').slice(1).join('.')
  return FAILURE.test(action) || action.startsWith('denied.') ? 'failure' : 'success'
}

/** A value of `property`'s type, enum and format; `seq` varies strings and picks enum members. */
function sampleValue(
  catalog: SeedCatalog,
  name: string,
  property: SeedProperty,
  seq: number,
  baseMs: number,
  depth: number,
): unknown {
  if (property.enum && property.enum.length > 0) return property.enum[seq % property.enum.length]
  const types = property.type === undefined ? ['string'] : [property.type].flat().filter((t) => t !== 'null')
  const type = types[0] ?? 'string'
  if (property.ref && catalog.nested[property.ref]) {
    return objectOf(catalog, catalog.nested[property.ref]!, seq, baseMs, depth + 1)
  }
  if (property.properties) return objectOf(catalog, property, seq, baseMs, depth + 1)
  switch (type) {
    case 'integer':
      return 1 + (seq % 50)
    case 'number':
      // Exact in binary and decimal (the value reads back as the same number), and within [0, 1]:
      // the seed's numbers are mostly scores and confidences bounded so (the facts carry no bounds).
      return seq % 2 === 0 ? 0.5 : 0.25
    case 'boolean':
      return seq % 2 === 0
    case 'array':
      return [sampleValue(catalog, name, property.items ?? { type: 'string' }, seq, baseMs, depth + 1)]
    case 'object':
      // A free-form map (labels, annotations, payloads): string values, as the seed's maps hold.
      return { [`${name}_key`]: `${name}-value-${seq}` }
    default:
      switch (property.format) {
        case 'date-time':
          return seedTimestamp(baseMs - seq * 1000)
        case 'date':
          return seedTimestamp(baseMs).slice(0, 10)
        case 'uuid':
          return randomUUID()
        default:
          if (property.pattern === '^[a-f0-9]{64}$') {
            return createHash('sha256').update(`${name}-${seq}`).digest('hex')
          }
          if (property.pattern) throw new Error(`${name}: no sample for the pattern ${property.pattern}`)
          return `${name.replaceAll('_', '-')}-${seq}`
      }
  }
}

/** Whether an optional property is simple enough to fill without its nested schema's rules. */
const isScalar = (p: SeedProperty) =>
  !p.ref &&
  p.type !== undefined &&
  [p.type].flat().every((t) => ['string', 'integer', 'number', 'boolean', 'null'].includes(t))

/** An object of `schema`: every required field, and every other optional scalar one. */
function objectOf(
  catalog: SeedCatalog,
  schema: SeedSchema,
  seq: number,
  baseMs: number,
  depth: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const required = new Set(schema.required ?? [])
  Object.entries(schema.properties ?? {}).forEach(([name, property], j) => {
    const optionalTaken = depth === 0 && isScalar(property) && (seq + j) % 2 === 0
    if (required.has(name) || optionalTaken) {
      out[name] = sampleValue(catalog, name, property, seq + j, baseMs, depth)
    }
  })
  return out
}

export interface BuildOptions {
  correlation_id: string
  /** Timestamps count back from here, one second per event. */
  baseMs: number
  seq: number
}

/** The envelope of a seed event around `event_data`. */
export function seedEnvelope(
  eventType: string,
  event_data: Record<string, unknown>,
  { correlation_id, baseMs, seq }: BuildOptions,
): SeedEvent {
  return {
    version: '1.0',
    event_type: eventType,
    event_timestamp: seedTimestamp(baseMs - seq * 1000),
    event_category: seedCategoryOf(eventType),
    event_action: eventType.split('.').at(-1)!,
    event_outcome: seedOutcomeOf(eventType),
    actor_type: 'service',
    actor_id: seedActorOf(eventType),
    resource_type: 'RemediationRequest',
    resource_id: `rr-${correlation_id.slice(-12)}`,
    correlation_id,
    // The seed's services send these on every event: no cluster id in a single-cluster install,
    // and their own severity word.
    namespace: seq % 3 === 0 ? '' : 'payment',
    cluster_id: '',
    severity: 'high',
    event_data: { ...event_data, event_type: eventType },
  }
}

/** The event the seed's emitter of `eventType` sends, its payload filled from the catalog. */
export function seedCatalogEvent(catalog: SeedCatalog, eventType: string, options: BuildOptions): SeedEvent {
  const type = catalog.types[eventType]
  if (!type) throw new Error(`${eventType} is not in the seed's catalog`)
  const data = objectOf(catalog, type, options.seq, options.baseMs, 0)
  return seedEnvelope(eventType, data, options)
}
