import * as crypto from 'node:crypto'
import { InvalidHashError } from './errors.js'
import { canonicalJson } from './jcs.js'

const { createHash } = crypto
// crypto.hash (one call, no Hash object: a third cheaper for an event-sized input) exists from
// Node 20.12; read as a property so that 20.11 loads this module and takes createHash instead.
const oneShot = (
  crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'buffer') => Buffer }
).hash

/** Bytes in a SHA-256 hash, the only hash this log uses. */
export const HASH_SIZE = 32

const LEAF_PREFIX = Buffer.from([0x00])
const NODE_PREFIX = Buffer.from([0x01])
const HEX_HASH = /^[0-9a-f]{64}$/i

/**
 * RFC 6962 §2.1 leaf hash, SHA-256(0x00 ‖ data). The 0x00 prefix (0x01 for nodes) keeps a leaf from
 * ever being passed off as an interior node (second-preimage resistance).
 */
export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest()
}

/** RFC 6962 §2.1 interior node hash, SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (oneShot) return oneShot('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer')
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest()
}

/**
 * `leafHash` of the UTF-8 bytes of `text`, without a Buffer of them first: SHA-256(0x00 ‖
 * UTF-8(text)), the 0x00 written as the character U+0000, whose UTF-8 is that one byte. For a
 * canonical JSON text (which has no lone surrogate: those would be encoded as U+FFFD) this is the
 * leaf of the value it serializes.
 *
 * @example
 * textLeafHash(canonicalJson(event)).equals(eventLeafHash(event)) // true
 */
export function textLeafHash(text: string): Buffer {
  if (oneShot) return oneShot('sha256', `\u0000${text}`, 'buffer')
  return createHash('sha256').update(LEAF_PREFIX).update(text, 'utf8').digest()
}

/**
 * The leaf hash of an audit event: `leafHash(canonicalBytes(event))`. The event must be the object
 * the API returns (parsed JSON), so that anyone holding that JSON can recompute the leaf.
 */
export function eventLeafHash(event: unknown): Buffer {
  return textLeafHash(canonicalJson(event))
}

/** MTH({}) of RFC 6962: SHA-256 of the empty string, the root of a tree with no leaves. */
export const EMPTY_TREE_ROOT: Buffer = createHash('sha256').digest()

/** A hash as it travels on the wire: lowercase hexadecimal. */
export function toHex(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('hex')
}

/**
 * A hash read from the wire: exactly 64 hexadecimal characters (either case), else an
 * {@link InvalidHashError}. Buffer.from(…, 'hex') alone would silently stop at the first bad
 * character, turning a typo into a different, shorter hash.
 */
export function fromHex(text: string): Buffer {
  if (typeof text !== 'string' || !HEX_HASH.test(text)) {
    throw new InvalidHashError(`a hash is ${HASH_SIZE * 2} hexadecimal characters, got ${describeText(text)}`)
  }
  return Buffer.from(text, 'hex')
}

/** True when `value` is a byte array of exactly {@link HASH_SIZE} bytes. */
export function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.byteLength === HASH_SIZE
}

/** Throws an {@link InvalidHashError} naming `what` unless `value` is a 32-byte hash. */
export function assertHash(value: unknown, what: string): asserts value is Uint8Array {
  if (!isHash(value)) {
    const got = value instanceof Uint8Array ? `${value.byteLength} bytes` : typeof value
    throw new InvalidHashError(`${what} must be a ${HASH_SIZE}-byte hash, got ${got}`)
  }
}

function describeText(text: unknown): string {
  if (typeof text !== 'string') return `a ${typeof text}`
  return text.length > 80 ? `${text.length} characters` : JSON.stringify(text)
}

/** Byte equality of two hashes; hashes are public, so no constant-time comparison is needed. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0
}
