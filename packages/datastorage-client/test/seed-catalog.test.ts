// The catalog of the system this one replaces, against ours: every one of its event types is a
// known type of our contract, typed by a payload schema with the same property names, required
// list, types, formats and enums, and our validator accepts the smallest payload it allows and
// refuses one without any of its required fields. The facts are read from
// test-e2e/fixtures/seed-catalog.json, which the compatibility suite in test-e2e reads too.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openapiDocument } from '../src/generated/openapi-document.js'
import { createAuditEventValidator, isKnownEventType } from '../src/index.js'

type Schema = Record<string, unknown> & {
  type?: string | string[]
  enum?: unknown[]
  format?: string
  pattern?: string
  $ref?: string
  items?: Schema
  allOf?: Schema[]
  anyOf?: Schema[]
  properties?: Record<string, Schema>
  required?: string[]
}

interface PropertyFacts {
  type?: string | string[]
  enum?: unknown[]
  format?: string
  pattern?: string
  ref?: string
  items?: PropertyFacts
  /** An inline object's own facts. */
  required?: string[]
  properties?: Record<string, PropertyFacts>
}
interface SchemaFacts {
  required: string[]
  properties: Record<string, PropertyFacts>
}
interface SeedCatalog {
  count: number
  types: Record<string, SchemaFacts & { schema: string }>
  nested: Record<string, SchemaFacts>
  extensions: Record<string, { properties: string[]; required: string[] }>
}

const here = dirname(fileURLToPath(import.meta.url))
const seed = JSON.parse(
  readFileSync(resolve(here, '../../../test-e2e/fixtures/seed-catalog.json'), 'utf8'),
) as SeedCatalog

const schemas = (openapiDocument as { components: { schemas: Record<string, Schema> } }).components.schemas
const refName = (ref: string) => ref.replace('#/components/schemas/', '')

/** Our catalog's `if`/`then` table: event type -> payload schema name. */
const catalog = new Map<string, string>()
for (const entry of schemas.EventDataCatalog?.allOf ?? []) {
  const eventType = (entry.if as { properties: { event_type: Schema & { const?: string } } }).properties
    .event_type
  const target = refName(
    (entry.then as { properties: { event_data: Schema } }).properties.event_data.$ref ?? 'no $ref',
  )
  for (const t of eventType.const !== undefined ? [eventType.const] : (eventType.enum as string[])) {
    catalog.set(t, target)
  }
}

// The facts of one of our property schemas, in the fixture's terms: a `$ref` (plain or as the one
// member of an allOf) names its target and has the target's type; a nullable field is `[T, "null"]`.
function typeOf(s: Schema): string | string[] | undefined {
  if (s.$ref) return schemas[refName(s.$ref)]?.type ?? 'object'
  if (s.allOf?.length === 1) return typeOf(s.allOf[0]!)
  if (s.anyOf) return s.anyOf.flatMap((a) => typeOf(a) ?? [])
  return s.type
}
function refOf(s: Schema): string | undefined {
  if (s.$ref) return refName(s.$ref)
  if (s.allOf?.length === 1) return refOf(s.allOf[0]!)
  for (const a of s.anyOf ?? []) {
    const r = refOf(a)
    if (r) return r
  }
  return undefined
}
function factsOf(s: Schema): PropertyFacts {
  const facts: PropertyFacts = { type: typeOf(s) }
  if (s.enum) facts.enum = s.enum
  if (s.format) facts.format = s.format
  if (s.pattern) facts.pattern = s.pattern
  const ref = refOf(s)
  if (ref) facts.ref = ref
  if (s.items) facts.items = factsOf(s.items)
  if (s.properties) {
    facts.required = s.required ?? []
    facts.properties = propertyFactsOf(s)
  }
  return facts
}
function propertyFactsOf(s: Schema): Record<string, PropertyFacts> {
  return Object.fromEntries(Object.entries(s.properties ?? {}).map(([name, p]) => [name, factsOf(p)]))
}

const now = Date.parse('2026-06-01T12:00:00Z')
const validate = createAuditEventValidator({ now: () => now })

/** The smallest value the facts allow: the first enum value, or one of the type. */
function smallestValue(facts: PropertyFacts, eventType: string): unknown {
  if (facts.enum) return facts.enum.includes(eventType) ? eventType : facts.enum.find((v) => v !== null)
  const type = Array.isArray(facts.type) ? facts.type.find((t) => t !== 'null') : facts.type
  if (facts.ref) return minimalPayload(factsOfSchema(facts.ref), eventType)
  if (facts.properties)
    return minimalPayload({ required: facts.required ?? [], properties: facts.properties }, eventType)
  switch (type) {
    case 'string':
      if (facts.format === 'date-time') return '2026-06-01T11:00:00Z'
      if (facts.format === 'uuid') return '01890a5d-ac96-774b-bcce-b302099a8057'
      if (facts.pattern === '^[a-f0-9]{64}$') return 'ab'.repeat(32)
      if (facts.pattern) throw new Error(`no sample for the pattern ${facts.pattern}`)
      return 's'
    case 'integer':
      return 1
    case 'number':
      return 0.5
    case 'boolean':
      return true
    case 'array':
      return []
    default:
      return {}
  }
}
function factsOfSchema(name: string): SchemaFacts {
  const facts = seed.nested[name] ?? Object.values(seed.types).find((t) => t.schema === name)
  if (!facts) throw new Error(`no facts for schema ${name}`)
  return facts
}
function minimalPayload(facts: SchemaFacts, eventType: string): Record<string, unknown> {
  return Object.fromEntries(
    facts.required.map((name) => [name, smallestValue(facts.properties[name]!, eventType)]),
  )
}
const event = (event_type: string, event_data: Record<string, unknown>) => ({
  version: '1.0',
  event_type,
  event_timestamp: '2026-06-01T11:59:00Z',
  event_category: 'gateway',
  event_action: 'recorded',
  event_outcome: 'success',
  correlation_id: 'seed-catalog',
  event_data,
})

const seedTypes = Object.entries(seed.types)

describe("the seed system's event-type catalog in ours", () => {
  it('has its 142 event types, every one a known type of our contract', () => {
    expect(seed.count).toBe(142)
    expect(seedTypes).toHaveLength(142)
    const known = new Set((schemas.KnownEventType?.enum ?? []) as string[])
    expect(seedTypes.map(([t]) => t).filter((t) => !known.has(t) || !isKnownEventType(t))).toEqual([])
  })

  it.each(seedTypes)(
    '%s: typed by a schema with its property names, required list, types and enums',
    (eventType, facts) => {
      expect(catalog.get(eventType)).toBe(facts.schema)
      const schema = schemas[facts.schema]
      expect(schema, facts.schema).toBeDefined()
      const ours = propertyFactsOf(schema!)
      const extension = seed.extensions[eventType]
      if (extension) {
        // A type of the seed that is also one of our self-audit events: its fields and required
        // list as one branch, ours (optional otherwise) as the other.
        for (const name of extension.properties) delete ours[name]
        expect(schema!.anyOf?.map((branch) => branch.required)).toEqual([facts.required, extension.required])
        expect(schema!.required).toBeUndefined()
      } else {
        expect([...(schema!.required ?? [])].sort()).toEqual([...facts.required].sort())
      }
      expect(Object.keys(ours).sort()).toEqual(Object.keys(facts.properties).sort())
      expect(ours).toEqual(facts.properties)
    },
  )

  it('has the nested schemas its payloads refer to, with the same facts', () => {
    for (const [name, facts] of Object.entries(seed.nested)) {
      const schema = schemas[name]
      expect(schema, name).toBeDefined()
      expect([...(schema!.required ?? [])].sort(), name).toEqual([...facts.required].sort())
      expect(propertyFactsOf(schema!), name).toEqual(facts.properties)
    }
  })

  it.each(seedTypes)(
    '%s: the smallest valid payload passes, one without a required field fails',
    (eventType, facts) => {
      const payload = minimalPayload(facts, eventType)
      expect(validate(event(eventType, payload))).toEqual([])
      for (const name of facts.required) {
        const { [name]: _, ...without } = payload
        const errors = validate(event(eventType, without))
        expect(errors.length, `${eventType} without ${name}`).toBeGreaterThan(0)
        expect(errors.every((e) => e.field.startsWith('event_data'))).toBe(true)
        if (!seed.extensions[eventType]) {
          expect(errors, `${eventType} without ${name}`).toContainEqual({
            field: `event_data.${name}`,
            message: 'is required',
          })
        }
      }
    },
  )

  it('also accepts the self-audit fields of datastorage.ratelimit.denied, and refuses neither set', () => {
    const type = 'datastorage.ratelimit.denied'
    const ours = {
      source_ip: '10.0.0.1',
      method: 'POST',
      path: '/api/v1/audit/events',
      principal: 'gw',
      occurrences: 3,
    }
    expect(validate(event(type, ours))).toEqual([])
    expect(validate(event(type, { event_type: type, event_id: 'e-1', source_ip: '10.0.0.1' }))).toEqual([])
    expect(validate(event(type, { source_ip: '10.0.0.1', principal: 'gw' })).length).toBeGreaterThan(0)
  })
})
