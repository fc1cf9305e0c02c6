import { bytesEqual, isHash, nodeHash } from './hash.js'

/** What an inclusion proof claims: `leafHash` is leaf `index` of the tree of `treeSize` leaves. */
export interface InclusionClaim {
  readonly leafHash: Uint8Array
  readonly index: number
  readonly treeSize: number
  readonly proof: readonly Uint8Array[]
}

/** An inclusion claim and the root it must lead to. */
export interface InclusionCheck extends InclusionClaim {
  readonly rootHash: Uint8Array
}

/** What a consistency proof claims: the tree of `toSize` leaves extends the one of `fromSize`. */
export interface ConsistencyCheck {
  readonly fromSize: number
  readonly toSize: number
  readonly proof: readonly Uint8Array[]
  readonly fromRoot: Uint8Array
  readonly toRoot: Uint8Array
}

const isOdd = (x: number): boolean => x % 2 === 1
// Halving instead of `>>`, which would cut sizes to 32 bits.
const half = (x: number): number => Math.floor(x / 2)

// An index loop, not proof.every(): every() skips the holes of a sparse array.
function isProof(proof: unknown): proof is readonly Uint8Array[] {
  if (!Array.isArray(proof)) return false
  for (let i = 0; i < proof.length; i++) if (!isHash(proof[i])) return false
  return true
}

function isSize(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min
}

/**
 * The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or `null` when the proof cannot be
 * one for this index and size (wrong length, bad hashes, index not below the size). Never throws:
 * the proof comes from elsewhere and may be anything.
 */
export function rootFromInclusionProof(claim: InclusionClaim): Buffer | null {
  const { leafHash, index, treeSize, proof } = claim ?? ({} as InclusionClaim)
  if (!isHash(leafHash) || !isSize(treeSize, 1) || !isSize(index, 0) || index >= treeSize) return null
  if (!isProof(proof)) return null
  let fn = index
  let sn = treeSize - 1
  let r: Uint8Array = leafHash
  for (const p of proof) {
    if (sn === 0) return null
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r)
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn)
        sn = half(sn)
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return sn === 0 ? Buffer.from(r) : null
}

/**
 * Whether `proof` shows that `leafHash` is leaf `index` of the tree of `treeSize` leaves whose
 * root is `rootHash` (RFC 9162 §2.1.3.2, which also checks RFC 6962 proofs). `false`, never an
 * exception, for any malformed input.
 */
export function verifyInclusion(check: InclusionCheck): boolean {
  const root = rootFromInclusionProof(check)
  return root !== null && isHash(check.rootHash) && bytesEqual(root, check.rootHash)
}

/**
 * Whether `proof` shows that the tree of `toSize` leaves with root `toRoot` is an append-only
 * extension of the tree of `fromSize` leaves with root `fromRoot` (RFC 9162 §2.1.4.2). Equal
 * sizes need an empty proof and equal roots; `fromSize` 0 is refused (the API never proves from
 * the empty tree). `false`, never an exception, for any malformed input.
 */
export function verifyConsistency(check: ConsistencyCheck): boolean {
  const { fromSize, toSize, proof, fromRoot, toRoot } = check ?? ({} as ConsistencyCheck)
  if (!isSize(fromSize, 1) || !isSize(toSize, fromSize)) return false
  if (!isHash(fromRoot) || !isHash(toRoot) || !isProof(proof)) return false
  if (fromSize === toSize) return proof.length === 0 && bytesEqual(fromRoot, toRoot)
  if (proof.length === 0) return false
  // A power-of-two old tree is itself a node of the new one: the proof omits it, the verifier
  // starts from the old root.
  const path: readonly Uint8Array[] = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : proof
  let fn = fromSize - 1
  let sn = toSize - 1
  while (isOdd(fn)) {
    fn = half(fn)
    sn = half(sn)
  }
  let fr: Uint8Array = path[0]!
  let sr: Uint8Array = path[0]!
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!
    if (sn === 0) return false
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn)
        sn = half(sn)
      }
    } else {
      sr = nodeHash(sr, c)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return sn === 0 && bytesEqual(fr, fromRoot) && bytesEqual(sr, toRoot)
}

function isPowerOfTwo(n: number): boolean {
  let k = 1
  while (k < n) k *= 2
  return k === n
}
