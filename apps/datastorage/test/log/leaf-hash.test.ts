// The sequencer's leaf writer (the canonical text straight from the row) against the definition,
// eventLeafHash(toAuditEvent(row)), hash for hash on generated rows.
import { CanonicalizationError } from '@audit-trail/merkle'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DIRECT_LEAF_TEXT_AGREES,
  eventLeafHashOfRow,
  referenceLeafHashOfRow,
} from '../../src/log/leaf-hash.js'
import type { SelectedEventRow } from '../../src/store/audit-event-row.js'

const SPECIAL_NUMBERS = [1e21, -0, 1.5e-7, 1e-7, 5e-324, 0.1, 123456789012345680000, 2 ** 53, -1.5e-10]
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(...SPECIAL_NUMBERS),
)
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }), // any code point: astral pairs, U+2028, controls
  fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u007f', 'é', '€', '😀', '\u2028', 'a') }),
)
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 5 }),
  ),
})).value
const eventData = fc.dictionary(text, json, { maxKeys: 8 })
/** `to_char(…, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`: six digits, often whole milliseconds. */
const microText = fc
  .tuple(
    fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 999 })),
  )
  .map(([date, micro]) => `${date.toISOString().slice(0, -1)}${String(micro).padStart(3, '0')}Z`)
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })

const row: fc.Arbitrary<SelectedEventRow> = fc.record({
  eventId: fc.uuid(),
  version: fc.constantFrom('1.0', '1.1'),
  eventType: text,
  eventTimestamp: microText,
  eventCategory: text,
  eventAction: text,
  eventOutcome: fc.constantFrom('success', 'failure', 'pending'),
  correlationId: text,
  eventData,
  actorType: optional(text),
  actorId: optional(text),
  actorIp: optional(fc.oneof(fc.ipV4(), fc.ipV6())),
  resourceType: optional(text),
  resourceId: optional(text),
  resourceName: optional(text),
  parentEventId: optional(fc.uuid()),
  parentEventDate: optional(microText),
  namespace: optional(text),
  clusterId: optional(text),
  severity: optional(fc.constantFrom('debug', 'info', 'warning', 'error', 'critical')),
  durationMs: optional(fc.integer({ min: 0, max: 2 ** 31 - 1 })),
  errorCode: optional(text),
  errorMessage: optional(text),
  traceId: optional(fc.stringMatching(/^[0-9a-f]{32}$/)),
  spanId: optional(fc.stringMatching(/^[0-9a-f]{16}$/)),
  retentionDays: fc.integer({ min: 1, max: 36_500 }),
  isSensitive: fc.boolean(),
  eventDate: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  storedAt: microText,
  recordedBy: optional(text),
})

describe('eventLeafHashOfRow', () => {
  it('writes the leaf directly (its probe agreed with the definition when the module loaded)', () => {
    expect(DIRECT_LEAF_TEXT_AGREES).toBe(true)
  })

  it('equals eventLeafHash(toAuditEvent(row)) on generated rows: unicode, 1e21, -0, 1.5e-7, nested data, absent fields', () => {
    fc.assert(
      fc.property(row, (r) => {
        expect(eventLeafHashOfRow(r).toString('hex')).toBe(referenceLeafHashOfRow(r).toString('hex'))
      }),
      { numRuns: 3000 },
    )
  })

  it('refuses a lone surrogate in any string field as the definition does', () => {
    const base = fc.sample(row, { numRuns: 1, seed: 7 })[0]!
    for (const field of ['correlationId', 'actorId', 'errorMessage', 'recordedBy'] as const) {
      const bad = { ...base, [field]: 'a\ud800b' }
      expect(() => referenceLeafHashOfRow(bad)).toThrow(CanonicalizationError)
      expect(() => eventLeafHashOfRow(bad)).toThrow(CanonicalizationError)
    }
    const badData = { ...base, eventData: { nested: ['\udc00'] } }
    expect(() => eventLeafHashOfRow(badData)).toThrow('$.nested[0]')
  })
})
