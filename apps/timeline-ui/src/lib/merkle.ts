import { canonicalBytes } from './jcs.js'

/**
 * The transparency log's hashing and checks (docs/integrity.md), with WebCrypto so that it runs in
 * the browser: the same algorithms as packages/merkle, which uses node:crypto.
 */

type Bytes = Uint8Array<ArrayBuffer>

const HEX = /^[0-9a-f]{64}$/

async function sha256(...parts: Uint8Array[]): Promise<Bytes> {
  const size = parts.reduce((n, p) => n + p.byteLength, 0)
  const data = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    data.set(p, at)
    at += p.byteLength
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data))
}

/** RFC 6962 §2.1 leaf hash, SHA-256(0x00 ‖ data). */
export function leafHash(data: Uint8Array): Promise<Bytes> {
  return sha256(Uint8Array.of(0), data)
}

/** RFC 6962 §2.1 interior node hash, SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Bytes> {
  return sha256(Uint8Array.of(1), left, right)
}

/** The leaf hash of an event as the API returned it (parsed JSON): SHA-256(0x00 ‖ JCS bytes). */
export function eventLeafHash(event: unknown): Promise<Bytes> {
  return leafHash(canonicalBytes(event))
}

/** Lowercase hexadecimal, as hashes travel on the wire. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** A wire hash (64 lowercase hex characters) as bytes, or undefined when it is not one. */
export function fromHex(text: string): Bytes | undefined {
  if (!HEX.test(text)) return undefined
  const out = new Uint8Array(32)
  for (let i = 0; i < 32; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16)
  return out
}

const half = (x: number) => Math.floor(x / 2)
const isOdd = (x: number) => x % 2 === 1

/**
 * The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or undefined when the proof cannot be
 * one for this index and size. Never throws: the proof comes from the network.
 */
export async function rootFromInclusionProof(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
): Promise<Bytes | undefined> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) {
    return undefined
  }
  let fn = index
  let sn = treeSize - 1
  let r: Uint8Array = leaf
  for (const p of proof) {
    if (sn === 0 || p.byteLength !== 32) return undefined
    if (isOdd(fn) || fn === sn) {
      r = await nodeHash(p, r)
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn)
        sn = half(sn)
      }
    } else {
      r = await nodeHash(r, p)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return sn === 0 ? new Uint8Array(r) : undefined
}

/** Byte equality (hashes are public: no constant-time comparison needed). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((x, i) => x === b[i])
}

/** The fields of a checkpoint its signature covers, and the signature with the key's id. */
export interface SignedCheckpoint {
  origin: string
  tree_size: number
  root_hash: string
  timestamp: string
  key_id: string
  signature: string
}

/** The exact text an Ed25519 checkpoint signature covers (docs/integrity.md). */
export function checkpointSignedText(c: SignedCheckpoint): string {
  return `audit-trail checkpoint v1\n${c.origin}\n${c.tree_size}\n${c.root_hash}\n${c.timestamp}\n`
}

function fromBase64(text: string): Bytes | undefined {
  try {
    return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0))
  } catch {
    return undefined
  }
}

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32 bytes follow it. */
const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]

/**
 * A raw Ed25519 public key from either form `datastorage log public-key` prints: the base64 of its
 * 32 bytes (`public_key:`) or its SPKI PEM. Undefined when the text is neither.
 */
export function parseRawPublicKey(text: string): Bytes | undefined {
  const trimmed = text.trim()
  if (/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) return fromBase64(trimmed)
  const pem = /^-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----$/.exec(trimmed)
  const der = pem ? fromBase64(pem[1]!.replace(/\s+/g, '')) : undefined
  if (der === undefined || der.length !== 44 || ED25519_SPKI_PREFIX.some((b, i) => der[i] !== b))
    return undefined
  return der.slice(12)
}

/** The key id of a raw public key: the first 16 hex characters of its SHA-256. */
export async function keyId(rawPublicKey: Uint8Array): Promise<string> {
  return toHex(await sha256(rawPublicKey)).slice(0, 16)
}

/** Why a checkpoint's signature does not hold, or undefined when it does. */
export async function checkpointSignatureProblem(
  checkpoint: SignedCheckpoint,
  rawPublicKey: Uint8Array<ArrayBuffer>,
): Promise<string | undefined> {
  const expectedId = await keyId(rawPublicKey)
  if (checkpoint.key_id !== expectedId) {
    return `the checkpoint names key ${checkpoint.key_id}, the public key given is ${expectedId}`
  }
  const signature = /^[A-Za-z0-9+/]{86}==$/.test(checkpoint.signature)
    ? fromBase64(checkpoint.signature)
    : undefined
  if (!signature) return 'the checkpoint signature is not 64 bytes of base64'
  const key = await crypto.subtle.importKey('raw', rawPublicKey, { name: 'Ed25519' }, false, ['verify'])
  const text = new TextEncoder().encode(checkpointSignedText(checkpoint))
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, text)
  return ok ? undefined : 'the checkpoint signature does not verify with the public key given'
}
