import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { validateEventData } from '../src/event-data-validator.js'
import { validateAuditEventRequest } from '../src/generated/audit-event-validator.js'
import { openapiDocument } from '../src/generated/openapi-document.js'
import { formats } from '../src/json-schema-runtime.js'

// The generated standalone validator must decide and report exactly what Ajv compiling the same
// schema at run time with the same options and formats (the strict date-time and uuid of
// src/json-schema-runtime.ts) does, but for the one lookup scripts/generate.mjs rewrites: Ajv's
// unevaluatedProperties takes a key named like an Object.prototype member for a known one.
type AddFormats = (ajv: Ajv2020) => Ajv2020
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats)

const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true, ownProperties: true })
addFormats(ajv)
for (const name of ['date-time', 'uuid']) ajv.addFormat(name, { type: 'string', ...formats[name]! })
ajv.addSchema({ ...openapiDocument, $id: 'datastorage.yaml' })
const atRunTime = ajv.compile({ $ref: 'datastorage.yaml#/components/schemas/AuditEventRequest' })

type Schemas = Record<string, { properties?: Record<string, unknown>; allOf?: unknown[] }>
const schemas = (openapiDocument.components as { schemas: Schemas }).schemas

const base = {
  version: '1.0',
  event_id: '0190a0f0-0000-7000-8000-000000000000',
  event_type: 'billing.invoice.sent',
  event_timestamp: '2026-06-01T11:59:00Z',
  event_category: 'gateway',
  event_action: 'received',
  event_outcome: 'success',
  correlation_id: 'c-1',
  event_data: {},
}

/** Values of every JSON type and the edges of the schema's string rules. */
const values: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2147483648,
  '',
  'x',
  'a.b.c',
  'Gateway.Signal.Received',
  'x'.repeat(46),
  '😀'.repeat(45),
  '😀'.repeat(46),
  'x'.repeat(5000),
  '1.0',
  '2026-02-29T00:00:00Z',
  '2026-06-01T23:59:60Z',
  '2026-06-01T12:00:00+16:00',
  '2026-06-01T12:00:00+0100',
  '2026-06-01T12:00:00+01',
  '2026-06-01\u202812:00:00Z',
  '2026-06-01\t12:00:00Z',
  `2026-06-01T12:00:00.${'1'.repeat(400)}Z`,
  '{0190a0f0-0000-7000-8000-000000000000}',
  '10.0.0.1',
  '999.1.1.1',
  '::1',
  'fe80::1%eth0',
  '0190a0f0-0000-7000-8000-000000000000',
  'urn:uuid:0190a0f0-0000-7000-8000-000000000000',
  '0123456789abcdef0123456789abcdef',
  '0123456789abcdef',
  'failure',
  'critical',
  [],
  ['x'],
  {},
  { a: 1 },
]

function events(): unknown[] {
  const out: unknown[] = [base, {}, { ...base, extra: 1 }, { ...base, event_data: undefined }]
  const fields = Object.keys(schemas.AuditEventFields!.properties!)
  for (const field of [...fields, 'unknown_field']) {
    for (const value of values) out.push({ ...base, [field]: value })
  }
  for (const branch of schemas.EventDataCatalog!.allOf as {
    if: { properties: { event_type: { const?: string; enum?: string[] } } }
  }[]) {
    const { const: single, enum: several } = branch.if.properties.event_type
    for (const eventType of several ?? [single!]) {
      out.push({ ...base, event_type: eventType })
      for (const value of values) {
        out.push({ ...base, event_type: eventType, event_data: value })
        out.push({
          ...base,
          event_type: eventType,
          event_data: { signal_name: value, phase: value, x: value },
        })
      }
    }
  }
  return out
}

/**
 * The generated validator of the envelope and the walk of the typed event_data together, as
 * src/validation.ts runs them: the errors Ajv reports, but for its `if` branch markers (which
 * src/validation.ts drops), compared as (instancePath, keyword) pairs in any order.
 */
function generated(event: unknown) {
  const errors = validateAuditEventRequest(event)
    ? []
    : [...((validateAuditEventRequest.errors ?? []) as ErrorObject[])]
  if (typeof event === 'object' && event !== null) {
    const e = event as Record<string, unknown>
    const type = Object.hasOwn(e, 'event_type') ? e.event_type : undefined
    if (typeof type === 'string' && Object.hasOwn(e, 'event_data')) {
      errors.push(...(validateEventData(type, e.event_data) as ErrorObject[]))
    }
  }
  return summary(errors)
}
function summary(errors: readonly ErrorObject[]) {
  const pairs = errors.filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath} ${e.keyword}`)
  return { valid: pairs.length === 0, errors: pairs.sort() }
}

describe('the generated validator of AuditEventRequest', () => {
  it('decides and reports like Ajv compiling the schema at run time', () => {
    const corpus = events()
    expect(corpus.length).toBeGreaterThan(1000)
    let invalid = 0
    for (const event of corpus) {
      const expected = summary(atRunTime(event) ? [] : (atRunTime.errors ?? []))
      expect(generated(event), JSON.stringify(event)?.slice(0, 200)).toEqual(expected)
      if (!expected.valid) invalid++
    }
    expect(invalid).toBeGreaterThan(500)
  })
})

describe('keys named like members of Object.prototype', () => {
  const names = [
    '__proto__',
    'constructor',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__defineGetter__',
    'isPrototypeOf',
  ]

  it.each(names)('%s as a top-level key is not a known field', (name) => {
    // As the service receives it: JSON.parse makes `__proto__` an own property, not the prototype.
    const event = JSON.parse(JSON.stringify(base).replace(/^\{/, `{"${name}":1,`)) as object
    expect(Object.hasOwn(event, name)).toBe(true)
    expect(validateAuditEventRequest(event)).toBe(false)
    expect(validateAuditEventRequest.errors).toEqual([
      expect.objectContaining({ keyword: 'unevaluatedProperties', params: { unevaluatedProperty: name } }),
    ])
    // Ajv at run time takes the key for one of the schema's properties.
    expect(atRunTime(event)).toBe(true)
  })

  it('does not count inherited properties: only own ones are serialized', () => {
    const inherited = Object.create({ correlation_id: 'c-1' }) as Record<string, unknown>
    Object.assign(inherited, base)
    delete inherited.correlation_id
    expect(validateAuditEventRequest(inherited)).toBe(false)
    expect(validateAuditEventRequest.errors).toEqual([
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'correlation_id' } }),
    ])
  })
})
