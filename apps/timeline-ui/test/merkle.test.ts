import { describe, expect, it } from 'vitest'
import { verifyEventInclusion } from '../src/lib/integrity.js'
import { canonicalJson } from '../src/lib/jcs.js'
import {
  checkpointSignatureProblem,
  checkpointSignedText,
  eventLeafHash,
  fromHex,
  keyId,
  leafHash,
  nodeHash,
  parseRawPublicKey,
  rootFromInclusionProof,
  type SignedCheckpoint,
  toHex,
} from '../src/lib/merkle.js'

// Expected values come from outside the code under test: RFC 6962's published test tree, RFC 8785's
// examples, and a tree built here by the RFC's own recursive definitions (MTH and PATH), signed with
// a WebCrypto Ed25519 key.

const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => Number.parseInt(b, 16))
const RFC6962_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
]
const RFC6962_ROOT_8 = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
const largestPowerOfTwoBelow = (n: number) => {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}
/** RFC 6962 §2.1 MTH, written from the RFC's recursion. */
async function mth(leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 1) return sha256(concat(Uint8Array.of(0), leaves[0]!))
  const k = largestPowerOfTwoBelow(leaves.length)
  return sha256(concat(Uint8Array.of(1), await mth(leaves.slice(0, k)), await mth(leaves.slice(k))))
}
/** RFC 6962 §2.1.1 PATH(m, D[n]). */
async function path(m: number, leaves: Uint8Array[]): Promise<Uint8Array[]> {
  if (leaves.length === 1) return []
  const k = largestPowerOfTwoBelow(leaves.length)
  return m < k
    ? [...(await path(m, leaves.slice(0, k))), await mth(leaves.slice(k))]
    : [...(await path(m - k, leaves.slice(k))), await mth(leaves.slice(0, k))]
}

describe('RFC 8785 canonical JSON', () => {
  it('sorts keys by UTF-16 code units and writes numbers as ECMAScript does', () => {
    expect(canonicalJson({ b: [1.0, -0, 1e21, 0.000001, 1e-7], a: 'x', é: null, A: true })).toBe(
      '{"A":true,"a":"x","b":[1,0,1e+21,0.000001,1e-7],"é":null}',
    )
    // RFC 8785 §3.2.3's sorting example: code units, not code points (U+1F600 sorts before U+FB33).
    expect(Object.keys(JSON.parse(canonicalJson({ '\ufb33': 1, '\u{1f600}': 2, '\r': 3, '1': 4 })))).toEqual([
      '1',
      '\r',
      '\u{1f600}',
      '\ufb33',
    ])
    expect(canonicalJson({ '\ufb33': 1, '\u{1f600}': 2 })).toBe('{"\u{1f600}":2,"\ufb33":1}')
    expect(canonicalJson({ s: '\u0007\n"\\/€' })).toBe('{"s":"\\u0007\\n\\"\\\\/€"}')
  })

  it('refuses what would make a leaf ambiguous, naming the path', () => {
    expect(() => canonicalJson({ a: { b: Number.NaN } })).toThrow('$.a.b: NaN is not a JSON number')
    expect(() => canonicalJson({ a: [undefined] })).toThrow('$.a[0]: a undefined is not a JSON value')
    expect(() => canonicalJson({ 'x y': '\ud800' })).toThrow('$["x y"]: string holds a lone surrogate')
    expect(() => canonicalJson({ d: new Date(0) })).toThrow('$.d: not a plain object')
  })

  it('hashes an event as SHA-256(0x00 ‖ UTF-8 of its JCS text)', async () => {
    const event = { z: 1, a: { y: 'ü', x: [true, null] } }
    const expected = await sha256(
      concat(Uint8Array.of(0), new TextEncoder().encode('{"a":{"x":[true,null],"y":"ü"},"z":1}')),
    )
    expect(toHex(await eventLeafHash(event))).toBe(toHex(expected))
  })
})

describe('RFC 6962 tree and RFC 9162 inclusion', () => {
  const leaves = RFC6962_LEAVES.map(hex)

  it('leaf and node hashes give the RFC 6962 test tree root', async () => {
    expect(toHex(await mth(leaves))).toBe(RFC6962_ROOT_8)
    const l = await Promise.all(leaves.map((d) => leafHash(d)))
    const n = async (a: Uint8Array, b: Uint8Array) => nodeHash(a, b)
    const root = await n(
      await n(await n(l[0]!, l[1]!), await n(l[2]!, l[3]!)),
      await n(await n(l[4]!, l[5]!), await n(l[6]!, l[7]!)),
    )
    expect(toHex(root)).toBe(RFC6962_ROOT_8)
  })

  it('folds every audit path of every tree size 1-8 to that tree root, and no wrong one', async () => {
    for (let size = 1; size <= leaves.length; size++) {
      const tree = leaves.slice(0, size)
      const root = await mth(tree)
      for (let m = 0; m < size; m++) {
        const proof = await path(m, tree)
        const leaf = await leafHash(tree[m]!)
        expect(toHex((await rootFromInclusionProof(leaf, m, size, proof))!), `leaf ${m} of ${size}`).toBe(
          toHex(root),
        )
        if (size > 1) {
          // Another index, a proof one hash short, a flipped bit: none leads to the root.
          const other = await rootFromInclusionProof(leaf, (m + 1) % size, size, proof)
          expect(other === undefined || toHex(other) !== toHex(root)).toBe(true)
          expect(await rootFromInclusionProof(leaf, m, size, proof.slice(1))).toBeUndefined()
          const flipped = proof.map((p, i) =>
            i === 0 ? Uint8Array.from(p, (b, j) => (j === 0 ? b ^ 1 : b)) : p,
          )
          expect(toHex((await rootFromInclusionProof(leaf, m, size, flipped))!)).not.toBe(toHex(root))
        }
      }
    }
    expect(await rootFromInclusionProof(await leafHash(leaves[0]!), 3, 3, [])).toBeUndefined()
  })
})

describe('checkpoint signature and the event badge', () => {
  async function signedTree(events: object[]) {
    const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey))
    const data = events.map((e) => new TextEncoder().encode(canonicalJson(e)))
    const body = {
      origin: 'audit-trail',
      tree_size: events.length,
      root_hash: toHex(await mth(data)),
      timestamp: '2026-12-02T07:45:00.123Z',
      key_id: toHex(await sha256(raw)).slice(0, 16),
    }
    const text = `audit-trail checkpoint v1\n${body.origin}\n${body.tree_size}\n${body.root_hash}\n${body.timestamp}\n`
    const signature = new Uint8Array(
      await crypto.subtle.sign({ name: 'Ed25519' }, keys.privateKey, new TextEncoder().encode(text)),
    )
    const checkpoint: SignedCheckpoint = { ...body, signature: btoa(String.fromCharCode(...signature)) }
    const proofOf = async (m: number) => ({
      event_id: `00000000-0000-7000-8000-00000000000${m}`,
      leaf_index: m,
      tree_size: events.length,
      leaf_hash: toHex(await sha256(concat(Uint8Array.of(0), data[m]!))),
      proof: (await path(m, data)).map(toHex),
    })
    return { raw, checkpoint, proofOf, text }
  }

  const events = [
    { event_id: 'a', n: 1 },
    { event_id: 'b', n: 2.5 },
    { event_id: 'c', data: { k: 'v' } },
  ]

  it('reads the public key as raw base64 or as SPKI PEM, and nothing else', async () => {
    const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey))
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey))
    const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
    const pem = `-----BEGIN PUBLIC KEY-----\n${b64(spki)}\n-----END PUBLIC KEY-----\n`
    expect(toHex(parseRawPublicKey(` ${b64(raw)} `)!)).toBe(toHex(raw))
    expect(toHex(parseRawPublicKey(pem)!)).toBe(toHex(raw))
    expect(parseRawPublicKey(b64(raw.slice(1)))).toBeUndefined()
    expect(parseRawPublicKey(pem.replace('PUBLIC', 'PRIVATE'))).toBeUndefined()
    const rsaLike = `-----BEGIN PUBLIC KEY-----\n${b64(new Uint8Array(44))}\n-----END PUBLIC KEY-----`
    expect(parseRawPublicKey(rsaLike)).toBeUndefined()
  })

  it('signs the documented text and names the key by its SHA-256', async () => {
    const { raw, checkpoint, text } = await signedTree(events)
    expect(checkpointSignedText(checkpoint)).toBe(text)
    expect(await keyId(raw)).toBe(checkpoint.key_id)
    expect(await checkpointSignatureProblem(checkpoint, raw)).toBeUndefined()
    expect(await checkpointSignatureProblem({ ...checkpoint, tree_size: 4 }, raw)).toMatch(/does not verify/)
    const other = new Uint8Array(32)
    expect(await checkpointSignatureProblem(checkpoint, other)).toMatch(/names key/)
  })

  it('is verified for each sealed event, failed with the reason for an edited one, unsigned without a key', async () => {
    const { raw, checkpoint, proofOf } = await signedTree(events)
    for (let m = 0; m < events.length; m++) {
      const badge = await verifyEventInclusion(events[m], await proofOf(m), checkpoint, raw)
      expect(badge, `event ${m}`).toMatchObject({ state: 'verified' })
    }
    expect(
      await verifyEventInclusion({ ...events[1], n: 3 }, await proofOf(1), checkpoint, raw),
    ).toMatchObject({
      state: 'failed',
      why: expect.stringMatching(/hashes to leaf .* the log sealed/),
    })
    expect(await verifyEventInclusion(events[0], await proofOf(0), checkpoint, undefined)).toMatchObject({
      state: 'unsigned',
      why: expect.stringMatching(/no public key/),
    })
    // Without a key a bad proof still fails: the key is checked last.
    expect(
      await verifyEventInclusion({ ...events[1], n: 3 }, await proofOf(1), checkpoint, undefined),
    ).toMatchObject({ state: 'failed' })
    const wrongRoot = { ...checkpoint, root_hash: 'ab'.repeat(32) }
    expect(await verifyEventInclusion(events[0], await proofOf(0), wrongRoot, raw)).toMatchObject({
      state: 'failed',
      why: expect.stringMatching(/not the checkpoint's root/),
    })
    expect(fromHex('AB'.repeat(32))).toBeUndefined()
  })
})
