// The cost of the exact-numbers check against JSON.parse of the same body (issue 11, F):
// `npx vitest bench --run test/exact-numbers.bench.ts` in apps/datastorage.
import { bench, describe } from 'vitest'
import { findInexactNumbers } from '../src/http/exact-numbers.js'

/** An ordinary event of about 960 bytes: UUID, timestamps, hex, small numbers, a text. */
function event(i: number, extra: Record<string, unknown> = {}) {
  return {
    version: '1.0',
    event_id: `01890a5d-ac96-7${(i % 4096).toString(16).padStart(3, '0')}-8cce-${i.toString(16).padStart(12, 'e')}`,
    event_type: 'gateway.signal.received',
    event_timestamp: new Date(1.7e12 + i * 1000).toISOString(),
    event_category: 'gateway',
    event_action: 'received',
    event_outcome: 'success',
    correlation_id: `corr-${i.toString(36)}-7f3e2a`,
    actor_id: `user-${i}`,
    duration_ms: i,
    event_data: {
      event_type: 'gateway.signal.received',
      signal_type: 'alert',
      signal_name: 'HighMemory',
      namespace: 'prod',
      fingerprint: `e1e2${(i * 2654435761).toString(16)}`,
      signal_labels: { pod: `pod-${i}`, namespace: 'prod', node: `node-${i % 7}` },
      value: i / 8,
      count: i * 3,
      at: 1.7e12 + i,
      message: 'The quick brown fox jumps over the lazy dog. '.repeat(10),
      ...extra,
    },
  }
}

function batch(extra: (i: number) => Record<string, unknown>): string {
  return JSON.stringify(Array.from({ length: 5000 }, (_, i) => event(i, extra(i))))
}

const bodies: Array<[string, string]> = [
  ['5000 ordinary events (fast path)', batch(() => ({}))],
  [
    '5000 events with JavaScript doubles (0.1 + 0.2, fractions of 17 digits, 1.5e300): suspects judged one by one',
    batch((i) => ({ ratio: (i * Math.SQRT1_2) % 1, sum: 0.1 + 0.2, big: 1.5e300 })),
  ],
  [
    'the last of 5000 events holds 1e999 (the text is walked)',
    batch(() => ({})).replace(/"duration_ms":4999/, '"duration_ms":1e999'),
  ],
]

for (const [name, text] of bodies) {
  describe(`${name}, ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`, () => {
    bench('JSON.parse', () => {
      JSON.parse(text)
    })
    bench('findInexactNumbers', () => {
      findInexactNumbers(text, { batch: true })
    })
  })
}
