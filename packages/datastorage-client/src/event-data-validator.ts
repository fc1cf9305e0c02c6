// The typed event_data check: the payload schemas of the contract's catalog (EventDataCatalog), read
// as data (src/generated/event-data-schemas.ts) and walked here. Compiled by Ajv like the rest of
// AuditEventRequest, the 142 payload schemas of the system this one replaces made the package several
// times larger; the keywords they use are few. The errors have the shape, keywords, params and paths
// Ajv gives, so src/validation.ts reports them the same way; test/seed-catalog.test.ts and
// test/event-data-validator.test.ts hold the walk to Ajv's results.
import { eventDataSchemaOf, eventDataSchemas } from './generated/event-data-schemas.js'
import { formats, type SchemaError, ucs2length } from './json-schema-runtime.js'

/** The JSON Schema keywords the event_data walk and the envelope's schemas use. */
export interface Schema {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  format?: string
  required?: string[]
  properties?: Record<string, Schema>
  additionalProperties?: boolean | Schema
  items?: Schema
  allOf?: Schema[]
  anyOf?: Schema[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  pattern?: string
}

const schemas = eventDataSchemas as Readonly<Record<string, Schema>>
const patterns = new Map<string, RegExp>()
/** ajv-formats' formats of numbers; the others apply to strings. */
const numericFormats = new Set(['int32', 'int64', 'float', 'double'])

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'array':
      return Array.isArray(value)
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    default:
      return typeof value === type
  }
}

const pointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1')

function walk(
  schema: Schema,
  value: unknown,
  instancePath: string,
  schemaPath: string,
  errors: SchemaError[],
): void {
  const fail = (keyword: string, params: Record<string, unknown>, message: string, at = instancePath) =>
    errors.push({ instancePath: at, schemaPath: `${schemaPath}/${keyword}`, keyword, params, message })
  if (schema.$ref) {
    const name = schema.$ref.slice('#/components/schemas/'.length)
    walk(schemas[name] ?? {}, value, instancePath, `#/components/schemas/${name}`, errors)
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type]
    if (!types.some((t) => typeMatches(t, value))) {
      // Ajv goes on with the other keywords, each of which applies to its own JSON type only.
      fail('type', { type: types.join(',') }, `must be ${types.join(',')}`)
    }
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    fail('enum', { allowedValues: schema.enum }, 'must be equal to one of the allowed values')
  }
  if ('const' in schema && schema.const !== value) {
    fail('const', { allowedValue: schema.const }, 'must be equal to constant')
  }
  if (typeof value === 'string') {
    if (
      schema.format &&
      !numericFormats.has(schema.format) &&
      formats[schema.format]?.validate(value) === false
    ) {
      fail('format', { format: schema.format }, `must match format "${schema.format}"`)
    }
    const length = schema.minLength !== undefined || schema.maxLength !== undefined ? ucs2length(value) : 0
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      fail('maxLength', { limit: schema.maxLength }, `must NOT have more than ${schema.maxLength} characters`)
    }
    if (schema.minLength !== undefined && length < schema.minLength) {
      fail(
        'minLength',
        { limit: schema.minLength },
        `must NOT have fewer than ${schema.minLength} characters`,
      )
    }
    if (schema.pattern !== undefined) {
      let pattern = patterns.get(schema.pattern)
      if (!pattern) {
        pattern = new RegExp(schema.pattern, 'u')
        patterns.set(schema.pattern, pattern)
      }
      if (!pattern.test(value))
        fail('pattern', { pattern: schema.pattern }, `must match pattern "${schema.pattern}"`)
    }
  }
  if (typeof value === 'number') {
    if (
      schema.format &&
      numericFormats.has(schema.format) &&
      formats[schema.format]?.validate(value) === false
    ) {
      fail('format', { format: schema.format }, `must match format "${schema.format}"`)
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      fail('maximum', { comparison: '<=', limit: schema.maximum }, `must be <= ${schema.maximum}`)
    }
    if (schema.minimum !== undefined && value < schema.minimum) {
      fail('minimum', { comparison: '>=', limit: schema.minimum }, `must be >= ${schema.minimum}`)
    }
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      fail('maxItems', { limit: schema.maxItems }, `must NOT have more than ${schema.maxItems} items`)
    }
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      fail('minItems', { limit: schema.minItems }, `must NOT have fewer than ${schema.minItems} items`)
    }
    if (schema.items) {
      for (let i = 0; i < value.length; i++) {
        walk(schema.items, value[i], `${instancePath}/${i}`, `${schemaPath}/items`, errors)
      }
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(object, name)) {
        fail('required', { missingProperty: name }, `must have required property '${name}'`)
      }
    }
    const properties = schema.properties ?? {}
    for (const key of Object.keys(object)) {
      const at = `${instancePath}/${pointer(key)}`
      if (Object.hasOwn(properties, key)) {
        walk(properties[key]!, object[key], at, `${schemaPath}/properties/${pointer(key)}`, errors)
      } else if (schema.additionalProperties === false) {
        fail('additionalProperties', { additionalProperty: key }, 'must NOT have additional properties')
      } else if (typeof schema.additionalProperties === 'object') {
        walk(schema.additionalProperties, object[key], at, `${schemaPath}/additionalProperties`, errors)
      }
    }
  }
  schema.allOf?.forEach((member, i) => {
    walk(member, value, instancePath, `${schemaPath}/allOf/${i}`, errors)
  })
  if (schema.anyOf) {
    const branchErrors: SchemaError[] = []
    const passes = schema.anyOf.some((member, i) => {
      const before = branchErrors.length
      walk(member, value, instancePath, `${schemaPath}/anyOf/${i}`, branchErrors)
      return branchErrors.length === before
    })
    if (!passes) {
      errors.push(...branchErrors)
      fail('anyOf', {}, 'must match a schema in anyOf')
    }
  }
}

/** The catalog's payload schema name of an event type, if it has one. */
export function eventDataSchemaName(eventType: string): string | undefined {
  return Object.hasOwn(eventDataSchemaOf, eventType) ? eventDataSchemaOf[eventType] : undefined
}

/**
 * Checks `event_data` against the payload schema of `eventType` (nothing for a type outside the
 * catalog); errors as Ajv reports them, under `/event_data`.
 */
export function validateEventData(eventType: string, eventData: unknown): SchemaError[] {
  const name = eventDataSchemaName(eventType)
  if (name === undefined) return []
  const errors: SchemaError[] = []
  walk(schemas[name] ?? {}, eventData, '/event_data', `#/components/schemas/${name}`, errors)
  return errors
}
