import fc from 'fast-check'
import {
  CATEGORIES,
  type GenContext,
  genericEventType,
  OUTCOMES,
  SEVERITIES,
  text,
  validTimestamp,
} from './generators.js'
import { timestampMutation } from './mutations.js'
import type { Expectation } from './plan.js'
import { EARLIEST_MICROS, LATEST_MICROS, utcText } from './timestamps.js'

/** A query of the hostile-input run: its class, the path with its query string, the answer it must get. */
export interface HostileQuery {
  cls: string
  path: string
  expect: Expectation
}

const EVENTS = '/api/v1/audit/events'

const TEXT_FILTERS = [
  { name: 'correlation_id', max: 255 },
  { name: 'actor_id', max: 255 },
  { name: 'namespace', max: 255 },
  { name: 'resource_type', max: 100 },
  { name: 'resource_id', max: 255 },
] as const

const KNOWN = new Set([
  'correlation_id',
  'event_type',
  'event_category',
  'event_outcome',
  'severity',
  'actor_id',
  'resource_type',
  'resource_id',
  'namespace',
  'since',
  'until',
  'recorded_by',
  'limit',
  'cursor',
  'offset',
  'detail_key',
  'detail_value',
])

/** A `detail_key` the contract accepts: `[a-zA-Z0-9_]`, 1 to 100 characters. */
const DETAIL_KEY = fc.stringMatching(/^[a-zA-Z0-9_]{1,100}$/)

const enc = encodeURIComponent
const query = (params: Array<[string, string]>) =>
  `${EVENTS}?${params.map(([k, v]) => `${enc(k)}=${v}`).join('&')}`

const page: Expectation = { status: [200], page: true }
const invalid = (field: string, types = ['validation-error']): Expectation => ({
  status: [400],
  types,
  fields: [{ field }],
})

const RELATIVE = fc
  .tuple(fc.integer({ min: 0, max: 5000 }), fc.constantFrom('s', 'm', 'h', 'd', 'w'))
  .map(([n, u]) => `${n}${u}`)

/** A cursor of the service's form: base64url of `YYYY-MM-DDTHH:MM:SS.ffffffZ|uuid`. */
const cursorOf = (timestamp: string, uuid: string) =>
  Buffer.from(`${timestamp}|${uuid}`, 'utf8').toString('base64url')

/** Queries: valid ones (200), and the hostile ones, each knowing its answer. */
export function hostileQuery(ctx: GenContext): fc.Arbitrary<HostileQuery> {
  const timestamp = validTimestamp(ctx)
  const validFilter: fc.Arbitrary<Array<[string, string]>> = fc.oneof(
    fc
      .tuple(fc.constantFrom(...TEXT_FILTERS), fc.nat())
      .chain(([f]) => text(1, f.max).map((v): Array<[string, string]> => [[f.name, enc(v)]])),
    genericEventType.map((t): Array<[string, string]> => [['event_type', t]]),
    fc.constantFrom(...CATEGORIES).map((v): Array<[string, string]> => [['event_category', v]]),
    fc.constantFrom(...OUTCOMES).map((v): Array<[string, string]> => [['event_outcome', v]]),
    fc.constantFrom(...SEVERITIES).map((v): Array<[string, string]> => [['severity', v]]),
    fc.integer({ min: 1, max: 1000 }).map((n): Array<[string, string]> => [['limit', String(n)]]),
    fc.integer({ min: 0, max: 10_000 }).map((n): Array<[string, string]> => [['offset', String(n)]]),
    // Any text as the value, LIKE wildcards and quotes included: compared exactly, never a 5xx.
    fc
      .tuple(
        DETAIL_KEY,
        fc.oneof(text(0, 1024), fc.constantFrom('%', '_', "' OR '1'='1", '42', 'true', '[1]')),
      )
      .map(
        ([k, v]): Array<[string, string]> => [
          ['detail_key', k],
          ['detail_value', enc(v)],
        ],
      ),
    fc
      .tuple(
        fc.constantFrom('since', 'until'),
        fc.oneof(
          timestamp.map((t) => t.text),
          RELATIVE,
        ),
      )
      .map(([k, v]): Array<[string, string]> => [[k, enc(v)]]),
    fc.tuple(timestamp, fc.bigInt({ min: 1_000_000n, max: 10n * 86_400_000_000n })).map(
      ([t, span]): Array<[string, string]> => [
        ['since', enc(t.text)],
        ['until', enc(utcText(t.micros + span))],
      ],
    ),
  )
  const valid = fc.array(validFilter, { minLength: 1, maxLength: 3 }).map((groups) => {
    const seen = new Set<string>()
    const params: Array<[string, string]> = []
    for (const group of groups) {
      if (group.some(([k]) => seen.has(k))) continue
      for (const [k, v] of group) {
        // since and until come from one group only, which orders them.
        for (const key of k === 'since' || k === 'until' ? ['since', 'until'] : [k]) seen.add(key)
        params.push([k, v])
      }
    }
    return { cls: 'valid', path: query(params), expect: page }
  })
  const filter = fc.constantFrom(...TEXT_FILTERS)
  return fc.oneof(
    { weight: 10, arbitrary: valid },
    {
      weight: 3,
      arbitrary: fc.tuple(filter, text(0, 10), fc.nat()).map(([f, v, at]) => {
        const points = [...v].map(enc)
        points.splice(at % (points.length + 1), 0, '%00')
        return { cls: 'nul-filter', path: query([[f.name, points.join('')]]), expect: invalid(f.name) }
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(filter, fc.constantFrom('%ED%A0%80', '%ED%BF%BF', '%FF', '%C0%80', '%E2%82'))
        .map(([f, bytes]) => ({
          cls: 'invalid-utf8-filter',
          path: query([[f.name, `a${bytes}b`]]),
          // URL decoding replaces bad bytes with U+FFFD: a valid value, or refused, never a 5xx.
          expect: { status: [200, 400] },
        })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(filter, fc.constantFrom('a', '\u{1F600}')).map(([f, ch]) => ({
        cls: 'bad-filter-value',
        path: query([[f.name, enc(ch.repeat(f.max + 1))]]),
        expect: invalid(f.name),
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<[string, string]>(
          ['correlation_id', ''],
          ['event_type', 'A.B.C'],
          ['event_type', 'ab'],
          ['event_category', 'kitchen'],
          ['event_outcome', 'Success'],
          ['severity', 'x'.repeat(21)],
          ['limit', '0'],
          ['limit', '1001'],
          ['limit', '-1'],
          ['limit', 'ten'],
          ['limit', '1.5'],
          ['limit', ''],
          ['limit', '99999999999999999999'],
          ['since', '5y'],
          ['since', '-5d'],
          ['since', '1.5h'],
          ['since', '99999999d'],
          ['until', 'yesterday'],
          ['until', '2025-02-30T00:00:00Z'],
          ['since', '0000-01-01T00:00:00Z'],
        )
        .map(([k, v]) => ({ cls: 'bad-filter-value', path: query([[k, enc(v)]]), expect: invalid(k) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom<[string, Array<[string, string]>]>(
          ['offset', [['offset', '-1']]],
          ['offset', [['offset', '10001']]],
          ['offset', [['offset', '1.5']]],
          ['offset', [['offset', '']]],
          ['offset', [['offset', '99999999999999999999']]],
          // Two ways to page at once.
          [
            'offset',
            [
              ['offset', '10'],
              ['cursor', cursorOf('2025-01-01T00:00:00.000000Z', '01890a5d-ac96-774b-bcce-b302099a8057')],
            ],
          ],
          ['detail_value', [['detail_key', 'task_id']]],
          ['detail_key', [['detail_value', '42']]],
          [
            'detail_key',
            [
              ['detail_key', ''],
              ['detail_value', '1'],
            ],
          ],
          [
            'detail_key',
            [
              ['detail_key', enc("x' OR 1=1 --")],
              ['detail_value', '1'],
            ],
          ],
          [
            'detail_key',
            [
              ['detail_key', enc('a.b')],
              ['detail_value', '1'],
            ],
          ],
          [
            'detail_key',
            [
              ['detail_key', enc('data->>x')],
              ['detail_value', '1'],
            ],
          ],
          [
            'detail_key',
            [
              ['detail_key', 'k'.repeat(101)],
              ['detail_value', '1'],
            ],
          ],
          [
            'detail_value',
            [
              ['detail_key', 'k'],
              ['detail_value', 'v'.repeat(1025)],
            ],
          ],
          [
            'detail_value',
            [
              ['detail_key', 'k'],
              ['detail_value', 'a%00b'],
            ],
          ],
        )
        .map(([field, params]) => ({
          cls: 'bad-paging-or-detail',
          path: query(params),
          expect: invalid(field),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(DETAIL_KEY, fc.constantFrom("'", '"', ' ', '-', '.', '%', 'é', ';'), fc.nat())
        .map(([k, bad, at]) => {
          const i = at % (k.length + 1)
          return {
            cls: 'bad-detail-key',
            path: query([
              ['detail_key', enc(`${k.slice(0, i)}${bad}${k.slice(i)}`)],
              ['detail_value', '1'],
            ]),
            expect: invalid('detail_key'),
          }
        }),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((k) => !KNOWN.has(k) && !k.includes('\u0000'))
        .map((k) => ({ cls: 'unknown-param', path: query([[k, 'x']]), expect: invalid(k) })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('correlation_id', 'limit', 'since', 'event_category').map((k) => {
        const v = k === 'limit' ? '5' : k === 'since' ? '1h' : k === 'event_category' ? 'gateway' : 'c'
        return {
          cls: 'repeated-param',
          path: query([
            [k, v],
            [k, v],
          ]),
          expect: invalid(k),
        }
      }),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom('since', 'until'),
          timestamp,
          timestampMutation.filter((m) => m.cls !== 'ts.future'),
        )
        .map(([k, t, m]) => ({
          cls: `bad-time-bound.${m.cls}`,
          path: query([[k, enc(m.make(t.parts, ctx))]]),
          expect: invalid(k),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(timestamp, fc.bigInt({ min: 0n, max: 86_400_000_000n })).map(([t, span]) => ({
        cls: 'since-not-before-until',
        path: query([
          ['since', enc(utcText(t.micros + span))],
          ['until', enc(t.text)],
        ]),
        expect: invalid('since'),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc
            .base64String({ minLength: 4, maxLength: 200 })
            .map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')),
          fc.string({ minLength: 1, maxLength: 40 }),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => !s.includes('\u0000')),
          fc.constant('a'.repeat(513)),
        )
        .filter((s) => s.length > 0)
        .map((c) => ({
          cls: 'cursor-random',
          path: query([['cursor', enc(c)]]),
          expect: {
            status: [400],
            types: ['invalid-cursor', 'validation-error'],
            fields: [{ field: 'cursor' }],
          },
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.bigInt({ min: EARLIEST_MICROS, max: LATEST_MICROS }), fc.uuid())
        .map(([micros, uuid]) => ({
          cls: 'cursor-forged-valid',
          path: query([['cursor', cursorOf(utcText(micros), uuid)]]),
          expect: page,
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.uuid(),
          fc.constantFrom(
            '0000-06-01T00:00:00.000000Z',
            '0000-12-31T23:59:59.999999Z',
            '2025-13-01T00:00:00.000000Z',
            '2025-02-30T00:00:00.000000Z',
            '2025-01-01T24:00:00.000000Z',
            '2025-01-01T00:00:60.000000Z',
            '2025-01-01T00:00:00.0000000Z',
            '2025-01-01T00:00:00Z',
            '10000-01-01T00:00:00.000000Z',
            '2025-01-01T00:00:00.000000+01:00',
          ),
          fc.boolean(),
        )
        .map(([uuid, ts, upper]) => ({
          cls: ts.startsWith('0000') ? 'cursor-year-0000' : 'cursor-out-of-range',
          path: query([['cursor', cursorOf(ts, upper ? uuid.toUpperCase() : uuid)]]),
          expect: { status: [400], types: ['invalid-cursor'], fields: [{ field: 'cursor' }] },
        })),
    },
    {
      weight: 1,
      arbitrary: fc.uuid().map((uuid) => ({
        cls: 'cursor-uppercase-id',
        path: query([['cursor', cursorOf('2025-01-01T00:00:00.000000Z', uuid.toUpperCase())]]),
        expect: { status: [200, 400] },
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !/^[0-9a-f-]{36}$/i.test(s)),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((s) => !s.includes('\u0000')),
          fc.uuid().map((u) => `{${u}}`),
          fc.uuid().map((u) => u.replace(/-/g, '')),
        )
        .map((s) => ({
          cls: 'get-by-id-not-uuid',
          path: `${EVENTS}/${enc(s)}`,
          expect: { status: [400, 404], types: ['validation-error', 'not-found'] },
        })),
    },
    {
      weight: 1,
      arbitrary: fc.uuid().map((u) => ({
        cls: 'get-by-id-absent',
        path: `${EVENTS}/${u}`,
        expect: { status: [404], types: ['not-found'] },
      })),
    },
    {
      weight: 1,
      arbitrary: fc.uuid().map((u) => ({
        cls: 'get-by-id-urn',
        path: `${EVENTS}/${enc(`urn:uuid:${u}`)}`,
        expect: invalid('event_id'),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((s) => ({
        cls: 'garbage-query',
        path: `${EVENTS}?${[...s].map((c) => (c === '\u0000' ? '%00' : /[A-Za-z0-9=&]/.test(c) ? c : enc(c))).join('')}`,
        // Anything at all: a page or a refusal, never a 5xx.
        expect: { status: [200, 400] },
      })),
    },
  )
}
