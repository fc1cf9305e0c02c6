import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  contractRequestValidator,
  createRequestValidator,
  type ObservedRequest,
} from '../src/contract/request-validator.js'

const EVENTS = '/api/v1/audit/events'
const validator = contractRequestValidator()
const utf8 = (text: string) => new TextEncoder().encode(text)
const event = {
  version: '1.0',
  event_type: 'e2e.unit.checked',
  event_timestamp: '2026-06-01T11:59:00Z',
  event_category: 'gateway',
  event_action: 'checked',
  event_outcome: 'success',
  correlation_id: 'corr-1',
  event_data: { n: 1 },
}
const get = (target: string, headers: Record<string, string> = {}): ObservedRequest => ({
  method: 'GET',
  target,
  headers,
  body: new Uint8Array(),
})
const post = (
  target: string,
  body: Uint8Array | string,
  headers: Record<string, string> = {},
): ObservedRequest => ({
  method: 'POST',
  target,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? utf8(body) : body,
})

describe('request validator: path parameters', () => {
  it('holds a path parameter to its schema (format uuid)', () => {
    expect(validator.validate(get(`${EVENTS}/0190a0f0-0000-7000-8000-000000000000`))).toEqual([])
    const wrong = validator.validate(get(`${EVENTS}/not-a-uuid`))
    expect(wrong).toHaveLength(1)
    expect(wrong[0]).toMatch(/^path parameter event_id: "not-a-uuid" must match format "uuid"/)
  })

  it('checks the percent-decoded value', () => {
    expect(validator.validate(get(`${EVENTS}/0190a0f0%2D0000-7000-8000-000000000000`))).toEqual([])
    expect(validator.validate(get(`${EVENTS}/0190a0f0%200000-7000-8000-000000000000`))).toHaveLength(1)
  })
})

describe('request validator: query parameters', () => {
  it('accepts declared parameters with values in their schemas', () => {
    const q = new URLSearchParams({
      correlation_id: 'a b',
      limit: '1000',
      event_outcome: 'failure',
      offset: '0',
    })
    expect(validator.validate(get(`${EVENTS}?${q}`))).toEqual([])
    expect(validator.validate(get('/api/v1/audit/dlq/messages?count=5&stream=dead-letter'))).toEqual([])
  })

  it('refuses integers out of range or not spelt as integers', () => {
    expect(validator.validate(get(`${EVENTS}?limit=1001`))[0]).toMatch(
      /^query parameter limit: "1001" must be <= 1000/,
    )
    expect(validator.validate(get(`${EVENTS}?limit=0`))).toHaveLength(1)
    expect(validator.validate(get(`${EVENTS}?limit=1.0`))[0]).toMatch(
      /^query parameter limit: "1.0" must be integer/,
    )
    expect(validator.validate(get(`${EVENTS}?limit=ten`))).toHaveLength(1)
  })

  it('refuses values outside an enum, a pattern or a length', () => {
    expect(validator.validate(get('/api/v1/audit/dlq/messages?stream=poison'))[0]).toMatch(
      /^query parameter stream: "poison" must be equal to one of the allowed values/,
    )
    expect(validator.validate(get(`${EVENTS}?detail_key=a-b&detail_value=1`))[0]).toMatch(
      /^query parameter detail_key: "a-b" must match pattern/,
    )
    expect(validator.validate(get(`${EVENTS}?correlation_id=`))[0]).toMatch(
      /^query parameter correlation_id: "" must NOT have fewer than 1 characters/,
    )
    expect(validator.validate(get(`${EVENTS}?correlation_id=${'x'.repeat(256)}`))).toHaveLength(1)
  })

  it('refuses unknown and repeated parameters on /api/v1, and only there', () => {
    expect(validator.validate(get(`${EVENTS}?limt=5`))).toEqual([
      'query parameter limt is not declared by the operation',
    ])
    expect(validator.validate(get(`${EVENTS}?limit=5&limit=6`))).toEqual([
      'query parameter limit is given 2 times',
    ])
    // The read by id declares no query parameter at all.
    expect(validator.validate(get(`${EVENTS}/0190a0f0-0000-7000-8000-000000000000?x=1`))).toHaveLength(1)
    // The probes ignore query strings.
    expect(validator.validate(get('/readyz?probe=1&probe=2'))).toEqual([])
  })
})

describe('request validator: headers', () => {
  it('holds a declared header to its schema when sent', () => {
    const body = JSON.stringify(event)
    expect(validator.validate(post(EVENTS, body, { 'content-encoding': 'identity' }))).toEqual([])
    // Content codings are case-insensitive (RFC 9110): the spec's pattern takes any case.
    expect(validator.validate(post(EVENTS, body, { 'Content-Encoding': 'IDENTITY' }))).toEqual([])
    expect(validator.validate(post(EVENTS, body, { 'Content-Encoding': 'br' }))[0]).toMatch(
      /^header parameter Content-Encoding: "br" must match pattern/,
    )
  })

  it('refuses a request without a required header', () => {
    const doc = {
      openapi: '3.1.0',
      paths: {
        '/x': {
          get: {
            parameters: [{ name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } }],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    }
    const own = createRequestValidator(doc)
    expect(own.validate(get('/x', { 'x-tenant': 'a' }))).toEqual([])
    expect(own.validate(get('/x'))).toEqual(['header X-Tenant is required but missing'])
  })
})

describe('request validator: bodies', () => {
  it('accepts a valid event, plain or gzip-compressed', () => {
    expect(validator.validate(post(EVENTS, JSON.stringify(event)))).toEqual([])
    expect(validator.validate(post(`${EVENTS}/batch`, JSON.stringify([event, event])))).toEqual([])
    const zipped = gzipSync(utf8(JSON.stringify(event)))
    expect(validator.validate(post(EVENTS, zipped, { 'content-encoding': 'gzip' }))).toEqual([])
  })

  it('refuses a body out of its schema', () => {
    const { event_action: _, ...withoutAction } = event
    expect(validator.validate(post(EVENTS, JSON.stringify(withoutAction)))[0]).toMatch(
      /^body: \(root\) must have required property 'event_action'/,
    )
    expect(
      validator.validate(post(EVENTS, JSON.stringify({ ...event, event_outcome: 'maybe' }))),
    ).toHaveLength(1)
    expect(validator.validate(post(EVENTS, JSON.stringify({ ...event, extra: 1 })))).toHaveLength(1)
    expect(validator.validate(post(`${EVENTS}/batch`, '[]'))[0]).toMatch(
      /^body: \(root\) must NOT have fewer than 1 items/,
    )
  })

  it('refuses a missing body, a body that is not JSON, and an undeclared content type', () => {
    expect(validator.validate(post(EVENTS, ''))).toEqual(['a request body is required'])
    expect(validator.validate(post(EVENTS, '{"version":'))[0]).toMatch(/^body is not JSON/)
    expect(validator.validate(post(EVENTS, JSON.stringify(event), { 'content-type': 'text/plain' }))).toEqual(
      ['content type text/plain, declared application/json'],
    )
    expect(validator.validate(post(EVENTS, utf8('not gzip'), { 'content-encoding': 'gzip' }))).toEqual([
      'the body is not valid gzip',
    ])
  })

  it('leaves requests to no operation of the spec to the response check', () => {
    expect(validator.validate(get('/api/v1/nope?x=1'))).toEqual([])
    expect(validator.validate({ ...get(EVENTS), method: 'DELETE' })).toEqual([])
  })
})
