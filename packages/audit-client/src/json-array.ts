/**
 * The JSON array `[t0,t1,…]` of `count` JSON texts, `textAt(i)` each, built by appending and then
 * flattened once. Cheaper than `[${texts.map(f).join(',')}]` for a batch of JSON.stringify results:
 * those are ropes of chunks, which join flattens one by one into a new string (and the map builds a
 * second array first); appending links the chunks and the one flattening at the end copies each
 * byte once. Flattened here rather than left to the transport, which would flatten it when encoding
 * the body anyway: the work is the same, and a string of a thousand links is not handed on.
 */
export function jsonArray(count: number, textAt: (i: number) => string): string {
  if (count === 0) return '[]'
  let body = `[${textAt(0)}`
  for (let i = 1; i < count; i++) body += `,${textAt(i)}`
  body += ']'
  // charCodeAt makes V8 flatten a rope in place (its first half becomes the flat text).
  body.charCodeAt(0)
  return body
}
