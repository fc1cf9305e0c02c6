/**
 * Classes of the hostile-input test whose fix has not landed yet (issue 11): requests carrying any
 * of these labels are not sent, so the suite stays green while the fixes are under way. Each entry
 * names what it waits for; the list empties as the fixes land, and must be empty when issue 11 is
 * closed. `HOSTILE_INCLUDE_PENDING=1` sends them anyway (to see what still fails).
 */
export const PENDING_CLASSES: ReadonlySet<string> = new Set<string>([
  // B (storage): the canonical UTC instant written, truncated to microseconds (today an offset
  // beyond ±15:59 is a 500 and sub-microsecond digits are rounded); event_id unique whatever the
  // day; partitions created per request bounded.
  'ts.offset-beyond-15:59',
  'ts.sub-microsecond-digits',
  'dup.other-day',
  'dup.in-batch-other-day',
  'resource.300-months',
  // A (query parameters, cursors and the id path parameter in the service)
  'query.nul-filter',
  'query.cursor-year-0000',
  'query.get-by-id-urn',
  'query.bad-time-bound.ts.leap-second',
  'query.bad-time-bound.ts.fraction-too-long',
  // D (HTTP edges, gzip request bodies, the budget of bodies in flight)
  'valid.single-gzip',
  'raw.gzip-valid',
  'raw.gzip-plain-body',
  'raw.gzip-bomb',
  'raw.brotli',
  'raw.bad-host',
  'raw.missing-host',
  'raw.backslash-path',
  'raw.options-star',
  'raw.bad-content-length',
  'raw.two-content-lengths',
  'raw.content-length-and-chunked',
  'raw.bad-transfer-encoding',
  'raw.huge-headers',
  'raw.expect-bogus',
  'raw.garbage-request-line',
  'raw.lowercase-method',
  'raw.chunked-over-limit-then-keep-alive',
  'resource.flood',
  // F (numbers stored exactly or refused)
  'invalid.number.inexact',
])
