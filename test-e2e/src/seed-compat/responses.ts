import { readFileSync } from 'node:fs'

/**
 * The seed system's response bodies as its generated client decodes them, checked with a small
 * JSON Schema subset (type, nullable, required, properties, items, enum, format, `$ref` by name):
 * enough to say whether that client would accept an answer of ours. The schemas live in
 * `fixtures/seed-responses.json`.
 */

/** The subset of JSON Schema the fixtures use. */
export interface ResponseSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean'
  nullable?: boolean
  required?: string[]
  properties?: Record<string, ResponseSchema>
  items?: ResponseSchema
  enum?: unknown[]
  format?: 'uuid' | 'date-time' | 'date'
  $ref?: string
}

export type SeedResponseName =
  | 'AuditEventResponse'
  | 'BatchAuditEventResponse'
  | 'AsyncAcceptanceResponse'
  | 'AuditEventsQueryResponse'
  | 'AuditEvent'
  | 'RFC7807Problem'

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/seed-responses.json', import.meta.url), 'utf8'),
) as { schemas: Record<SeedResponseName, ResponseSchema> }

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
// What Go's time.RFC3339 parser takes: a fraction of any length, Z or a numeric offset.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

const jsonType = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number'
        ? Number.isInteger(value)
          ? 'integer'
          : 'number'
        : typeof value

function check(schema: ResponseSchema, value: unknown, path: string, errors: string[]): void {
  if (schema.$ref) {
    check(fixture.schemas[schema.$ref as SeedResponseName], value, path, errors)
    return
  }
  if (value === null) {
    if (!schema.nullable) errors.push(`${path}: null where ${schema.type ?? 'a value'} is expected`)
    return
  }
  const actual = jsonType(value)
  if (schema.type && actual !== schema.type && !(schema.type === 'number' && actual === 'integer')) {
    errors.push(`${path}: ${actual} where ${schema.type} is expected`)
    return
  }
  if (schema.enum && !schema.enum.includes(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`)
  }
  if (schema.format && typeof value === 'string') {
    const pattern = { uuid: UUID, 'date-time': DATE_TIME, date: DATE }[schema.format]
    if (!pattern.test(value)) errors.push(`${path}: ${JSON.stringify(value)} is not a ${schema.format}`)
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>
    for (const name of schema.required ?? []) {
      if (!(name in object)) errors.push(`${path}.${name}: required, missing`)
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (name in object) check(property, object[name], `${path}.${name}`, errors)
    }
  }
  if (actual === 'array' && schema.items) {
    for (const [i, item] of (value as unknown[]).entries()) check(schema.items, item, `${path}[${i}]`, errors)
  }
}

/** Why the seed's client would refuse `body` as its `name` schema; empty when it decodes. */
export function seedDecodeErrors(name: SeedResponseName, body: unknown): string[] {
  const errors: string[] = []
  check(fixture.schemas[name], body, name, errors)
  return errors
}
