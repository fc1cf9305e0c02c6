import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto'
import { InvalidCheckpointError, InvalidKeyError } from './errors.js'

/** The fields of a checkpoint (signed tree head) that the signature covers. */
export interface CheckpointBody {
  /** Which log this is (a URL or name); no newline, since the signed text is line-based. */
  origin: string
  tree_size: number
  /** MTH of the first `tree_size` leaves, 64 lowercase hexadecimal characters. */
  root_hash: string
  /** When the log signed it, RFC 3339 UTC with milliseconds: `2026-12-02T07:45:00.123Z`. */
  timestamp: string
}

/** A checkpoint with its Ed25519 signature and the id of the key that made it. */
export interface SignedCheckpoint extends CheckpointBody {
  /** {@link keyId} of the signing key's public half. */
  key_id: string
  /** Ed25519 signature over {@link checkpointSignedText}, standard base64 (88 characters). */
  signature: string
}

/** An Ed25519 key pair as node:crypto key objects. */
export interface SigningKeyPair {
  privateKey: KeyObject
  publicKey: KeyObject
}

/** First line of the signed text: names the format so a signature is never valid for another one. */
export const CHECKPOINT_HEADER = 'audit-trail checkpoint v1'

const ROOT_HEX = /^[0-9a-f]{64}$/
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const SIGNATURE_BASE64 = /^[A-Za-z0-9+/]{86}==$/
const RAW_KEY_BASE64 = /^[A-Za-z0-9+/]{43}=$/

/**
 * The exact bytes (as text, UTF-8) a checkpoint signature covers:
 * `"audit-trail checkpoint v1\n" + origin + "\n" + tree_size + "\n" + root_hash + "\n" + timestamp + "\n"`.
 * Line-based rather than JSON so that a verifier in any language rebuilds it without a canonical
 * JSON library. Throws an {@link InvalidCheckpointError} for fields that would make it ambiguous:
 * an empty origin or one with a newline, a size that is not a safe integer ≥ 0, a root that is not
 * 64 lowercase hex characters, a timestamp not in the form `YYYY-MM-DDTHH:MM:SS.mmmZ` or not a real
 * instant.
 */
export function checkpointSignedText(body: CheckpointBody): string {
  const problem = checkpointProblem(body)
  if (problem !== undefined) throw new InvalidCheckpointError(problem)
  return `${CHECKPOINT_HEADER}\n${body.origin}\n${body.tree_size}\n${body.root_hash}\n${body.timestamp}\n`
}

function checkpointProblem(body: CheckpointBody): string | undefined {
  if (typeof body !== 'object' || body === null) return 'a checkpoint is an object'
  const { origin, tree_size, root_hash, timestamp } = body
  if (typeof origin !== 'string' || origin.length === 0) return 'origin must be a non-empty string'
  if (/[\r\n]/.test(origin)) return 'origin must not contain a line break'
  if (typeof tree_size !== 'number' || !Number.isSafeInteger(tree_size) || tree_size < 0) {
    return `tree_size must be a safe integer ≥ 0, got ${String(tree_size)}`
  }
  if (typeof root_hash !== 'string' || !ROOT_HEX.test(root_hash)) {
    return 'root_hash must be 64 lowercase hexadecimal characters'
  }
  if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp) || !isRealInstant(timestamp)) {
    return `timestamp must be RFC 3339 UTC with milliseconds (2026-12-02T07:45:00.123Z), got ${JSON.stringify(timestamp)}`
  }
  return undefined
}

// Date.parse accepts 2026-02-30 by rolling over; the round trip catches that.
function isRealInstant(timestamp: string): boolean {
  const ms = Date.parse(timestamp)
  return Number.isFinite(ms) && new Date(ms).toISOString() === timestamp
}

/**
 * Signs a checkpoint with an Ed25519 private key. The result repeats the body's four fields (and
 * only those), the key's id and the base64 signature over {@link checkpointSignedText}.
 */
export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): SignedCheckpoint {
  assertEd25519(privateKey, 'private')
  const text = checkpointSignedText(body)
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64')
  return {
    origin: body.origin,
    tree_size: body.tree_size,
    root_hash: body.root_hash,
    timestamp: body.timestamp,
    key_id: keyId(createPublicKey(privateKey)),
    signature,
  }
}

/**
 * Whether `checkpoint` carries a valid Ed25519 signature by `publicKey` over its fields. `false`,
 * never an exception, for a malformed checkpoint, a bad signature, or a `key_id` other than the
 * key's (a checkpoint names the key it claims; one claiming another key is not this key's).
 * Throws an {@link InvalidKeyError} only if `publicKey` is not an Ed25519 public key: that is the
 * caller's configuration, not the checkpoint.
 */
export function verifyCheckpoint(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  assertEd25519(publicKey, 'public')
  if (typeof checkpoint !== 'object' || checkpoint === null) return false
  if (checkpointProblem(checkpoint) !== undefined) return false
  if (checkpoint.key_id !== keyId(publicKey)) return false
  if (typeof checkpoint.signature !== 'string' || !SIGNATURE_BASE64.test(checkpoint.signature)) return false
  const text = checkpointSignedText(checkpoint)
  return verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(checkpoint.signature, 'base64'))
}

/**
 * A short public name for an Ed25519 public key: the first 16 hex characters of SHA-256 over its
 * raw 32 bytes. Lets a verifier holding several keys (old and new, after a rotation) pick the right
 * one. A private key is accepted and named by its public half.
 */
export function keyId(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('hex').slice(0, 16)
}

/**
 * An Ed25519 public key from text: SPKI PEM (`-----BEGIN PUBLIC KEY-----`) or standard base64 of
 * the raw 32 bytes (as in {@link publicKeyText}). Throws an {@link InvalidKeyError} for anything
 * else, including a PEM of another key type.
 */
export function parsePublicKey(text: string): KeyObject {
  if (typeof text !== 'string') throw new InvalidKeyError(`a public key is text, got a ${typeof text}`)
  const trimmed = text.trim()
  let key: KeyObject
  if (trimmed.startsWith('-----BEGIN')) {
    // createPublicKey would also derive a public key from a private PEM; a private key pasted
    // where the public one belongs is refused rather than quietly accepted.
    if (!trimmed.startsWith('-----BEGIN PUBLIC KEY-----')) {
      throw new InvalidKeyError('a public key PEM starts with -----BEGIN PUBLIC KEY----- (SPKI)')
    }
    try {
      key = createPublicKey({ key: trimmed, format: 'pem' })
    } catch (error) {
      throw new InvalidKeyError('unreadable public key PEM', { cause: error })
    }
  } else if (RAW_KEY_BASE64.test(trimmed)) {
    const x = Buffer.from(trimmed, 'base64').toString('base64url')
    try {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' })
    } catch (error) {
      throw new InvalidKeyError('not a valid raw Ed25519 public key', { cause: error })
    }
  } else {
    throw new InvalidKeyError('a public key is SPKI PEM or the base64 of its 32 raw bytes')
  }
  assertEd25519(key, 'public')
  return key
}

/** An Ed25519 private key from PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`, unencrypted). */
export function parsePrivateKey(pem: string): KeyObject {
  if (typeof pem !== 'string') throw new InvalidKeyError(`a private key is PEM text, got a ${typeof pem}`)
  let key: KeyObject
  try {
    key = createPrivateKey({ key: pem, format: 'pem' })
  } catch (error) {
    throw new InvalidKeyError('unreadable private key PEM (expected unencrypted PKCS#8)', { cause: error })
  }
  assertEd25519(key, 'private')
  return key
}

/** A public key's two text forms: SPKI PEM, and standard base64 of the raw 32 bytes. */
export function publicKeyText(key: KeyObject): { pem: string; raw_base64: string } {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key
  assertEd25519(publicKey, 'public')
  return {
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    raw_base64: rawPublicKey(publicKey).toString('base64'),
  }
}

/** A fresh Ed25519 key pair for signing checkpoints. */
export function generateSigningKey(): SigningKeyPair {
  return generateKeyPairSync('ed25519')
}

function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key?.type === 'private' ? createPublicKey(key) : key
  assertEd25519(publicKey, 'public')
  const { x } = publicKey.export({ format: 'jwk' })
  return Buffer.from(x!, 'base64url')
}

function assertEd25519(key: KeyObject, type: 'public' | 'private'): void {
  if (typeof key !== 'object' || key === null || key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    const got =
      typeof key === 'object' && key !== null && 'type' in key
        ? `a ${key.asymmetricKeyType ?? key.type} ${key.type} key`
        : `a ${typeof key}`
    throw new InvalidKeyError(`not an Ed25519 ${type} key: got ${got}`)
  }
}
