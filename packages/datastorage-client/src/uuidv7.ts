// Random bytes are drawn in blocks: one call into the CSPRNG per 256 ids instead of one per id.
// Web Crypto (global in Node >= 20) keeps this package free of Node built-ins.
const POOL_SIZE = 16 * 256
const pool = new Uint8Array(POOL_SIZE)
let poolOffset = POOL_SIZE
/** Character codes of each byte's two lowercase hex digits. */
const HI = Uint8Array.from({ length: 256 }, (_, i) => '0123456789abcdef'.charCodeAt(i >> 4))
const LO = Uint8Array.from({ length: 256 }, (_, i) => '0123456789abcdef'.charCodeAt(i & 15))
const DASH = 0x2d

let lastMs = -1
let counter = 0
/** The last id made here: a uuid by construction, so {@link isLastIssued} spares it a regex test. */
let lastIssued: string | undefined

/**
 * Whether `text` is the id {@link uuidv7} made last (the one an `emit()` is validating, typically):
 * such a string is a well-formed UUID without looking at it.
 */
export function isLastIssued(text: string): boolean {
  return text === lastIssued
}

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
  // One call with the 36 character codes: a flat string at once, where concatenating pieces would
  // make a rope that the id's first regex test (the validator's uuid format) has to flatten again.
  lastIssued = String.fromCharCode(
    HI[b[o]!]!,
    LO[b[o]!]!,
    HI[b[o + 1]!]!,
    LO[b[o + 1]!]!,
    HI[b[o + 2]!]!,
    LO[b[o + 2]!]!,
    HI[b[o + 3]!]!,
    LO[b[o + 3]!]!,
    DASH,
    HI[b[o + 4]!]!,
    LO[b[o + 4]!]!,
    HI[b[o + 5]!]!,
    LO[b[o + 5]!]!,
    DASH,
    HI[b[o + 6]!]!,
    LO[b[o + 6]!]!,
    HI[b[o + 7]!]!,
    LO[b[o + 7]!]!,
    DASH,
    HI[b[o + 8]!]!,
    LO[b[o + 8]!]!,
    HI[b[o + 9]!]!,
    LO[b[o + 9]!]!,
    DASH,
    HI[b[o + 10]!]!,
    LO[b[o + 10]!]!,
    HI[b[o + 11]!]!,
    LO[b[o + 11]!]!,
    HI[b[o + 12]!]!,
    LO[b[o + 12]!]!,
    HI[b[o + 13]!]!,
    LO[b[o + 13]!]!,
    HI[b[o + 14]!]!,
    LO[b[o + 14]!]!,
    HI[b[o + 15]!]!,
    LO[b[o + 15]!]!,
  )
  return lastIssued
}
