import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  type CheckpointBody,
  checkpointSignedText,
  generateSigningKey,
  InvalidCheckpointError,
  InvalidKeyError,
  keyId,
  parsePrivateKey,
  parsePublicKey,
  publicKeyText,
  type SignedCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
} from '../src/index.js'

const body: CheckpointBody = {
  origin: 'audit-trail.example/log',
  tree_size: 42,
  root_hash: 'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  timestamp: '2026-12-02T07:45:00.123Z',
}

describe('checkpointSignedText', () => {
  it('is the five lines of the v1 format, each ending in a newline', () => {
    expect(checkpointSignedText(body)).toBe(
      'audit-trail checkpoint v1\naudit-trail.example/log\n42\n' +
        'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c\n2026-12-02T07:45:00.123Z\n',
    )
    expect(checkpointSignedText({ ...body, tree_size: 0 })).toContain('\n0\n')
  })

  it.each([
    ['an empty origin', { origin: '' }],
    ['an origin with a newline', { origin: 'a\nb' }],
    ['an origin with a carriage return', { origin: 'a\rb' }],
    ['a negative size', { tree_size: -1 }],
    ['a fractional size', { tree_size: 1.5 }],
    ['an unsafe size', { tree_size: 2 ** 53 }],
    ['a size as a string', { tree_size: '42' }],
    ['an uppercase root', { root_hash: body.root_hash.toUpperCase() }],
    ['a short root', { root_hash: body.root_hash.slice(2) }],
    ['a timestamp without milliseconds', { timestamp: '2026-12-02T07:45:00Z' }],
    ['a timestamp with an offset', { timestamp: '2026-12-02T07:45:00.123+00:00' }],
    ['a timestamp that is not a date', { timestamp: '2026-02-30T07:45:00.123Z' }],
    ['a timestamp with a lowercase t', { timestamp: '2026-12-02t07:45:00.123Z' }],
  ])('refuses %s', (_what, change) => {
    const bad = { ...body, ...change } as CheckpointBody
    expect(() => checkpointSignedText(bad)).toThrow(InvalidCheckpointError)
    try {
      checkpointSignedText(bad)
    } catch (error) {
      expect((error as InvalidCheckpointError).code).toBe('INVALID_CHECKPOINT')
    }
  })
})

describe('signCheckpoint and verifyCheckpoint', () => {
  const { privateKey, publicKey } = generateSigningKey()
  const signed = signCheckpoint(body, privateKey)

  it('signs the body, names the key, and verifies with the public key', () => {
    expect(signed).toMatchObject(body)
    expect(Object.keys(signed).sort()).toEqual([
      'key_id',
      'origin',
      'root_hash',
      'signature',
      'timestamp',
      'tree_size',
    ])
    expect(signed.key_id).toBe(keyId(publicKey))
    expect(signed.key_id).toMatch(/^[0-9a-f]{16}$/)
    expect(Buffer.from(signed.signature, 'base64')).toHaveLength(64)
    expect(verifyCheckpoint(signed, publicKey)).toBe(true)
  })

  it('copies only the body fields into the checkpoint', () => {
    const extra = { ...body, secret: 'x' } as CheckpointBody
    expect(signCheckpoint(extra, privateKey)).not.toHaveProperty('secret')
  })

  it('fails with another key, even with the key_id of that key', () => {
    const other = generateSigningKey()
    expect(verifyCheckpoint(signed, other.publicKey)).toBe(false)
    expect(verifyCheckpoint({ ...signed, key_id: keyId(other.publicKey) }, other.publicKey)).toBe(false)
  })

  it('fails when the key_id is not the key’s, though the signature is', () => {
    expect(verifyCheckpoint({ ...signed, key_id: '0000000000000000' }, publicKey)).toBe(false)
  })

  it.each([
    ['origin', { origin: 'audit-trail.example/other' }],
    ['tree_size', { tree_size: 43 }],
    ['root_hash', { root_hash: `${body.root_hash.slice(0, 63)}d` }],
    ['timestamp', { timestamp: '2026-12-02T07:45:00.124Z' }],
    ['signature', { signature: Buffer.alloc(64).toString('base64') }],
  ])('fails when %s changes', (_field, change) => {
    expect(verifyCheckpoint({ ...signed, ...change }, publicKey)).toBe(false)
  })

  it.each([
    ['a truncated signature', { signature: signed.signature.slice(4) }],
    ['a signature that is not base64', { signature: `${signed.signature.slice(0, 85)}!==` }],
    ['a malformed root', { root_hash: 'zz' }],
    ['a size that is not a number', { tree_size: '42' }],
  ])('answers false, without throwing, for %s', (_what, change) => {
    expect(verifyCheckpoint({ ...signed, ...change } as SignedCheckpoint, publicKey)).toBe(false)
  })

  it('answers false for something that is not a checkpoint', () => {
    expect(verifyCheckpoint(null as unknown as SignedCheckpoint, publicKey)).toBe(false)
  })

  it('refuses to sign with a public key or a key of another type, and to verify with a private one', () => {
    expect(() => signCheckpoint(body, publicKey)).toThrow(InvalidKeyError)
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
    expect(() => signCheckpoint(body, rsa.privateKey)).toThrow('not an Ed25519 private key')
    expect(() => verifyCheckpoint(signed, privateKey)).toThrow(InvalidKeyError)
    expect(() => verifyCheckpoint(signed, rsa.publicKey)).toThrow(InvalidKeyError)
  })
})

describe('keys', () => {
  const { privateKey, publicKey } = generateSigningKey()

  it('reads a public key from its PEM and from the base64 of its raw bytes, both verifying', () => {
    const text = publicKeyText(publicKey)
    expect(text.pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/)
    expect(Buffer.from(text.raw_base64, 'base64')).toHaveLength(32)
    const signed = signCheckpoint(body, privateKey)
    for (const form of [text.pem, text.raw_base64, `  ${text.raw_base64}\n`]) {
      const parsed = parsePublicKey(form)
      expect(keyId(parsed)).toBe(keyId(publicKey))
      expect(verifyCheckpoint(signed, parsed)).toBe(true)
    }
    expect(publicKeyText(privateKey)).toEqual(text)
  })

  it('names a key by the first 16 hex characters of SHA-256 over its raw 32 bytes', () => {
    // RFC 8032 §7.1 test 1 public key.
    const raw = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'
    const key = parsePublicKey(Buffer.from(raw, 'hex').toString('base64'))
    expect(keyId(key)).toBe('21fe31dfa154a261')
    expect(keyId(privateKey)).toBe(keyId(publicKey))
  })

  it('reads a PKCS#8 private key and refuses others, saying it is not an Ed25519 key', () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(keyId(parsePrivateKey(pem))).toBe(keyId(publicKey))
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const ecPem = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(() => parsePrivateKey(ecPem)).toThrow('not an Ed25519 private key')
    expect(() => parsePrivateKey('not a key')).toThrow(InvalidKeyError)
    expect(() => parsePrivateKey(publicKeyText(publicKey).pem)).toThrow(InvalidKeyError)
  })

  it.each([
    ['garbage', 'hello'],
    ['31 raw bytes', Buffer.alloc(31, 1).toString('base64')],
    ['33 raw bytes', Buffer.alloc(33, 1).toString('base64')],
    ['a broken PEM', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'],
  ])('refuses a public key that is %s', (_what, text) => {
    expect(() => parsePublicKey(text)).toThrow(InvalidKeyError)
  })

  it('refuses a private key PEM where the public key belongs', () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(() => parsePublicKey(pem)).toThrow(InvalidKeyError)
  })

  it('refuses a PEM public key of another type', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const pem = ec.publicKey.export({ type: 'spki', format: 'pem' }).toString()
    expect(() => parsePublicKey(pem)).toThrow('not an Ed25519 public key')
  })
})
