// Random bytes are drawn in blocks: one call into the CSPRNG per 256 ids instead of one per id.
// Web Crypto (global in Node >= 20) keeps this package free of Node built-ins.
const POOL_SIZE = 16 * 256
const pool = new Uint8Array(POOL_SIZE)
let poolOffset = POOL_SIZE
const hex: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

let lastMs = -1
let counter = 0

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits from the platform CSPRNG
 * (`crypto.getRandomValues`). Within one millisecond the 12-bit `rand_a` field is a counter
 * started at a random value (RFC 9562 §6.2, method 1), so ids from one process sort in the order
 * they were made; when it overflows the timestamp is advanced by one millisecond rather than
 * repeating, and a clock that steps back never makes an id sort before an earlier one. The audit
 * client and the service both make `event_id`s with it.
 *
 * @param nowMs the timestamp to embed; default `Date.now()`.
 * @example uuidv7() // '0192f1c2-7a3b-7c4d-8e5f-0123456789ab'
 */
export function uuidv7(nowMs: number = Date.now()): string {
  if (poolOffset + 16 > POOL_SIZE) {
    globalThis.crypto.getRandomValues(pool)
    poolOffset = 0
  }
  const o = poolOffset
  poolOffset += 16
  let ms = Math.max(Math.floor(nowMs), 0)
  if (ms <= lastMs) {
    ms = lastMs
    counter++
    if (counter > 0xfff) {
      ms = ++lastMs
      counter = pool[o + 6]! & 0x7f
    }
  } else {
    lastMs = ms
    // Start below 0x800 so a burst in one millisecond has room to count up.
    counter = ((pool[o + 6]! & 0x07) << 8) | pool[o + 7]!
  }
  const b = pool
  // 48-bit big-endian timestamp; the top 16 bits by division because bitwise operators truncate to 32.
  b[o] = Math.floor(ms / 2 ** 40) & 0xff
  b[o + 1] = Math.floor(ms / 2 ** 32) & 0xff
  b[o + 2] = (ms >>> 24) & 0xff
  b[o + 3] = (ms >>> 16) & 0xff
  b[o + 4] = (ms >>> 8) & 0xff
  b[o + 5] = ms & 0xff
  b[o + 6] = 0x70 | ((counter >>> 8) & 0x0f) // version 7
  b[o + 7] = counter & 0xff
  b[o + 8] = 0x80 | (b[o + 8]! & 0x3f) // variant 10
  // Five groups, each short enough to be built as one flat string, then joined: concatenating the
  // sixteen bytes one by one would make a rope of a dozen intermediate strings per id.
  const g1 = hex[b[o]!]! + hex[b[o + 1]!]! + hex[b[o + 2]!]! + hex[b[o + 3]!]!
  const g2 = hex[b[o + 4]!]! + hex[b[o + 5]!]!
  const g3 = hex[b[o + 6]!]! + hex[b[o + 7]!]!
  const g4 = hex[b[o + 8]!]! + hex[b[o + 9]!]!
  const g5 =
    hex[b[o + 10]!]! +
    hex[b[o + 11]!]! +
    hex[b[o + 12]!]! +
    hex[b[o + 13]!]! +
    hex[b[o + 14]!]! +
    hex[b[o + 15]!]!
  return `${g1}-${g2}-${g3}-${g4}-${g5}`
}
