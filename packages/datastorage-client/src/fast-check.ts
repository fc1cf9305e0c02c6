// The fast acceptance path of createAuditEventValidator (src/validation.ts). The full validator runs
// Ajv's generated code and the event_data walk, which build error objects and JSON pointers as they
// go; most events are valid, and for them all that matters is "valid". So the same schemas (the
// envelope's and the catalog's, as data generated from the contract) are compiled once, into
// closures that answer true or false and allocate nothing. True means the full validator would
// report no error; false means "not sure": the full validator then runs and says why. Nothing is
// ever accepted here that the full validator refuses: test/fast-check.test.ts holds the two to the
// same answers on the test suites' events and on generated ones.

import type { Schema } from './event-data-validator.js'
import { envelopeCheck } from './generated/envelope-check.js'
import { eventDataSchemaOf, eventDataSchemas } from './generated/event-data-schemas.js'
import { formats, ucs2length } from './json-schema-runtime.js'

/** A compiled schema: true when the value passes every keyword (the full check would report nothing). */
export type Check = (value: unknown) => boolean

/** ajv-formats' formats of numbers; the others apply to strings (as in the event_data walk). */
const numericFormats = new Set(['int32', 'int64', 'float', 'double'])

const PASS: Check = () => true
const FAIL: Check = () => false

function typeCheck(type: string): Check {
  switch (type) {
    case 'null':
      return (v) => v === null
    case 'object':
      return (v) => typeof v === 'object' && v !== null && !Array.isArray(v)
    case 'array':
      return Array.isArray
    case 'integer':
      return Number.isInteger as Check
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v)
    default:
      return (v) => typeof v === type
  }
}

/** All of `checks` (unrolled for the common small counts: the closures are hot). */
function every(checks: Check[]): Check {
  switch (checks.length) {
    case 0:
      return PASS
    case 1:
      return checks[0]!
    case 2: {
      const [a, b] = checks as [Check, Check]
      return (v) => a(v) && b(v)
    }
    case 3: {
      const [a, b, c] = checks as [Check, Check, Check]
      return (v) => a(v) && b(v) && c(v)
    }
    default:
      return (v) => {
        for (let i = 0; i < checks.length; i++) if (!checks[i]!(v)) return false
        return true
      }
  }
}

/** How a compiler resolves what differs between the envelope (Ajv) and event_data (the walk). */
export interface CompileOptions {
  /** The components schemas `$ref`s point into (`#/components/schemas/<name>`). */
  schemas: Readonly<Record<string, unknown>>
  /**
   * A string format's test. `undefined` for a format with none: the event_data walk lets such a
   * value pass; the envelope's compiler passes a resolver that never answers undefined.
   */
  format: (name: string) => ((value: string) => boolean) | undefined
}

/**
 * Compiles `schema` the way the event_data walk (src/event-data-validator.ts) applies it: every
 * keyword it knows, each to the JSON types it concerns, unknown keywords ignored. `$ref`s are
 * compiled once per name (and may be recursive).
 */
export function createSchemaCompiler(options: CompileOptions): (schema: unknown) => Check {
  const byRef = new Map<string, Check>()
  const patterns = new Map<string, RegExp>()

  const ref = (name: string): Check => {
    const known = byRef.get(name)
    if (known) return known
    let compiled: Check | undefined
    // Set before compiling, so that a recursive reference finds it.
    const late: Check = (v) => compiled!(v)
    byRef.set(name, late)
    compiled = compile((options.schemas[name] ?? {}) as Schema)
    byRef.set(name, compiled)
    return compiled
  }

  const compile = (schema: Schema): Check => {
    const checks: Check[] = []
    if (schema.$ref) checks.push(ref(schema.$ref.slice('#/components/schemas/'.length)))
    if (schema.type !== undefined) {
      const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).map(typeCheck)
      checks.push(types.length === 1 ? types[0]! : (v) => types.some((t) => t(v)))
    }
    if (schema.enum) {
      const allowed = schema.enum
      checks.push((v) => allowed.some((a) => a === v))
    }
    if ('const' in schema) {
      const constant = schema.const
      checks.push((v) => v === constant)
    }
    const strings: Check[] = []
    if (schema.format && !numericFormats.has(schema.format)) {
      const test = options.format(schema.format)
      if (test) strings.push(test as Check)
    }
    const { minLength, maxLength } = schema
    if (minLength !== undefined || maxLength !== undefined) {
      const min = minLength ?? 0
      const max = maxLength ?? Number.POSITIVE_INFINITY
      strings.push((v) => {
        const s = v as string
        // Code points lie between half the UTF-16 length and the length: count them only when that matters.
        if (s.length <= max && s.length >= 2 * min) return true
        const n = ucs2length(s)
        return n <= max && n >= min
      })
    }
    if (schema.pattern !== undefined) {
      let pattern = patterns.get(schema.pattern)
      if (!pattern) {
        pattern = new RegExp(schema.pattern, 'u')
        patterns.set(schema.pattern, pattern)
      }
      const re = pattern
      strings.push((v) => re.test(v as string))
    }
    if (strings.length > 0) {
      const all = every(strings)
      checks.push((v) => typeof v !== 'string' || all(v))
    }
    const numbers: Check[] = []
    if (schema.format && numericFormats.has(schema.format)) {
      const numeric = formats[schema.format]
      if (numeric) numbers.push((v) => numeric.validate(v))
    }
    if (schema.maximum !== undefined) {
      const maximum = schema.maximum
      numbers.push((v) => !((v as number) > maximum))
    }
    if (schema.minimum !== undefined) {
      const minimum = schema.minimum
      numbers.push((v) => !((v as number) < minimum))
    }
    if (numbers.length > 0) {
      const all = every(numbers)
      checks.push((v) => typeof v !== 'number' || all(v))
    }
    const arrays: Check[] = []
    if (schema.maxItems !== undefined) {
      const maxItems = schema.maxItems
      arrays.push((v) => !((v as unknown[]).length > maxItems))
    }
    if (schema.minItems !== undefined) {
      const minItems = schema.minItems
      arrays.push((v) => !((v as unknown[]).length < minItems))
    }
    if (schema.items) {
      const item = compile(schema.items)
      arrays.push((v) => {
        // Every index, holes included (as undefined), as the walk visits them.
        const array = v as unknown[]
        for (let i = 0; i < array.length; i++) if (!item(array[i])) return false
        return true
      })
    }
    if (arrays.length > 0) {
      const all = every(arrays)
      checks.push((v) => !Array.isArray(v) || all(v))
    }
    const objectCheck = compileObject(schema)
    if (objectCheck)
      checks.push((v) => typeof v !== 'object' || v === null || Array.isArray(v) || objectCheck(v))
    if (schema.allOf) checks.push(every(schema.allOf.map(compile)))
    if (schema.anyOf) {
      const branches = schema.anyOf.map(compile)
      checks.push((v) => branches.some((b) => b(v)))
    }
    return every(checks)
  }

  const compileObject = (schema: Schema): Check | undefined => {
    const required = schema.required ?? []
    const properties = new Map(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, compile(s)]))
    const additional = schema.additionalProperties
    const other: Check | undefined =
      additional === false ? FAIL : typeof additional === 'object' ? compile(additional) : undefined
    if (required.length === 0 && properties.size === 0 && other === undefined) return undefined
    return (v) => {
      const object = v as Record<string, unknown>
      for (let i = 0; i < required.length; i++) if (!Object.hasOwn(object, required[i]!)) return false
      if (properties.size === 0 && other === undefined) return true
      for (const key of Object.keys(object)) {
        const property = properties.get(key)
        if (property !== undefined) {
          if (!property(object[key])) return false
        } else if (other !== undefined && !other(object[key])) return false
      }
      return true
    }
  }

  return (schema) => compile((schema ?? {}) as Schema)
}

const payloadCompiler = createSchemaCompiler({
  schemas: eventDataSchemas,
  format: (name) => {
    const format = formats[name]
    return format ? (value) => format.validate(value) : undefined
  },
})
const payloadChecks = new Map<string, Check>()

/**
 * The compiled payload schema `name` of the catalog (src/generated/event-data-schemas.ts): true
 * exactly when `validateEventData` reports no error for it. Compiled on first use.
 */
export function payloadCheck(name: string): Check {
  let check = payloadChecks.get(name)
  if (!check) {
    check = payloadCompiler({ $ref: `#/components/schemas/${name}` })
    payloadChecks.set(name, check)
  }
  return check
}

/**
 * True only when the full validator finds no error in the schema part of `event` (a non-null,
 * non-array object): the generated envelope check (src/generated/envelope-check.ts, Ajv's
 * semantics), then the typed `event_data` of a catalog type ({@link payloadCheck}), as
 * EventDataCatalog's if/then applies it.
 */
export function schemaAccepts(event: object): boolean {
  if (!envelopeCheck(event)) return false
  // The envelope passed: event_type is an own string and event_data an own object.
  const { event_type: type, event_data: data } = event as { event_type: string; event_data: unknown }
  return !Object.hasOwn(eventDataSchemaOf, type) || payloadCheck(eventDataSchemaOf[type]!)(data)
}
