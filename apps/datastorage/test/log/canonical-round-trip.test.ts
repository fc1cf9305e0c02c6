import type { components } from '@audit-trail/datastorage-client'
import { canonicalJson, eventLeafHash, fromHex, toHex, verifyInclusion } from '@audit-trail/merkle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkpointIfGrown } from '../../src/log/checkpointer.js'
import { sealBatch } from '../../src/log/seal-batch.js'
import { buildTestApp, type TestApp } from '../support/app.js'
import { uniqueCorrelationId } from '../support/events.js'
import { type LogFixture, openLogFixture } from './support.js'

type Checkpoint = components['schemas']['Checkpoint']
type InclusionProof = components['schemas']['InclusionProof']

/**
 * The leaf is the RFC 8785 form of the event as the API returns it (docs/integrity.md). Here the
 * event's data is sent as literal JSON text that PostgreSQL's jsonb rewrites (numbers in other
 * spellings, keys in another order, escapes written out), stored, read back and sealed by the
 * service; a verifier that hashes the answer of GET /events/{id} must get the very leaf the
 * service sealed, and its inclusion proof must lead to the signed root.
 */
const EVENT_DATA = String.raw`{
  "z_last": 1.0, "a_first": 1e21, "negative_zero": -0, "small": 1e-7, "tenth": 0.1,
  "exponent_int": 5E+2, "third": 0.3333333333333333, "big": 123456789012345,
  "unicode": "\u00e9t\u00e9 — €, 😀, \u2028, tab\t, quote\", backslash\\",
  "control": "\u0001\u001f", "keys": { "é": 1, "e": 2, "\ud83d\ude00": 3, "\u20ac": 4, "\r": 5, "1": 6 },
  "nested": [{ "b": [true, false, null], "a": { "y": -1.5e-10, "x": 1E3 } }], "empty": {}, "none": []
}`

describe.each(['postgres', 'pglite'] as const)('the leaf survives the jsonb round trip (%s)', (engine) => {
  let log: LogFixture
  let test: TestApp
  let eventId: string

  beforeAll(async () => {
    log = await openLogFixture(engine)
    test = buildTestApp(log.store, { log: log.reader })
    const body = JSON.stringify({
      version: '1.0',
      event_type: 'roundtrip.canonical.stored',
      event_timestamp: '2026-11-30T23:59:59.123456+05:30',
      event_category: 'security',
      event_action: 'stored',
      event_outcome: 'success',
      correlation_id: uniqueCorrelationId('jcs'),
      event_data: '__DATA__',
    }).replace('"__DATA__"', EVENT_DATA)
    const res = await test.app.request('/api/v1/audit/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(res.status, await res.clone().text()).toBe(201)
    eventId = ((await res.json()) as { event_id: string }).event_id
    await log.database.db.transaction((tx) => sealBatch(tx, 10_000))
    await checkpointIfGrown(log.database.db, log.key, 'audit-trail-test')
  }, 60_000)
  afterAll(() => log?.close())

  const getJson = async <T>(path: string): Promise<{ text: string; value: T }> => {
    const res = await test.app.request(`/api/v1/audit${path}`)
    const text = await res.text()
    expect(res.status, text).toBe(200)
    return { text, value: JSON.parse(text) as T }
  }

  it('hashes the answer of GET /events/{id} to the leaf the service sealed, which proves into the signed root', async () => {
    const { value: event } = await getJson<Record<string, unknown>>(`/events/${eventId}`)
    const { value: checkpoint } = await getJson<Checkpoint>('/checkpoints/latest')
    const { value: proof } = await getJson<InclusionProof>(`/events/${eventId}/proof`)
    const leaf = eventLeafHash(event)
    expect(toHex(leaf)).toBe(proof.leaf_hash)
    expect(
      verifyInclusion({
        leafHash: leaf,
        index: proof.leaf_index,
        treeSize: checkpoint.tree_size,
        proof: proof.proof.map(fromHex),
        rootHash: fromHex(checkpoint.root_hash),
      }),
    ).toBe(true)
  })

  it('writes the numbers, strings and key order of the event the way RFC 8785 does', async () => {
    const { value: event } = await getJson<{ event_data: unknown; event_timestamp: string }>(
      `/events/${eventId}`,
    )
    const data = canonicalJson(event.event_data)
    expect(data.startsWith('{"a_first":1e+21,"big":123456789012345,"control":"\\u0001\\u001f",')).toBe(true)
    expect(data).toContain('"empty":{},"exponent_int":500,')
    expect(data).toContain('"keys":{"\\r":5,"1":6,"e":2,"é":1,"€":4,"😀":3}')
    expect(data).toContain('"negative_zero":0,')
    expect(data).toContain('"nested":[{"a":{"x":1000,"y":-1.5e-10},"b":[true,false,null]}]')
    expect(data).toContain('"small":1e-7,"tenth":0.1,"third":0.3333333333333333,')
    expect(data).toContain('"unicode":"été — €, 😀, \u2028, tab\\t, quote\\", backslash\\\\"')
    expect(data.endsWith('"z_last":1}')).toBe(true)
    // The timestamp as the API writes it (UTC, microseconds), so the leaf does not depend on the offset sent.
    expect(event.event_timestamp).toBe('2026-11-30T18:29:59.123456Z')
  })

  it('gives another leaf when one byte of the event differs', async () => {
    const { value: event } = await getJson<{ event_data: Record<string, unknown> }>(`/events/${eventId}`)
    const { value: proof } = await getJson<InclusionProof>(`/events/${eventId}/proof`)
    const altered = { ...event, event_data: { ...event.event_data, tenth: 0.10000000000000002 } }
    expect(toHex(eventLeafHash(altered))).not.toBe(proof.leaf_hash)
  })
})
