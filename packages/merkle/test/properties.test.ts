// The efficient, iterative code against a straight recursive transcription of RFC 6962 §2.1, on
// random trees. The reference below is written from the RFC's definitions, not from ../src.
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CompactRange,
  consistencyProof,
  consistencyProofFromLeaves,
  consistencyProofRanges,
  inclusionProof,
  inclusionProofFromLeaves,
  inclusionProofRanges,
  peakRefs,
  perfectNodes,
  rangeHash,
  rootFromInclusionProof,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from '../src/index.js'

// ---- Reference: RFC 6962 §2.1, word for word -------------------------------------------------
const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest()
}
/** k: the largest power of two smaller than n. */
const k = (n: number): number => 2 ** Math.floor(Math.log2(n - 1))
/** MTH(D[n]) over leaf hashes (so MTH({d(0)}) is the leaf hash itself). */
function MTH(D: readonly Uint8Array[]): Buffer {
  const n = D.length
  if (n === 0) return sha256()
  if (n === 1) return Buffer.from(D[0]!)
  return sha256(Buffer.from([1]), MTH(D.slice(0, k(n))), MTH(D.slice(k(n))))
}
/** PATH(m, D[n]). */
function PATH(m: number, D: readonly Uint8Array[]): Buffer[] {
  const n = D.length
  if (n === 1) return []
  return m < k(n)
    ? [...PATH(m, D.slice(0, k(n))), MTH(D.slice(k(n)))]
    : [...PATH(m - k(n), D.slice(k(n))), MTH(D.slice(0, k(n)))]
}
/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
function PROOF(m: number, D: readonly Uint8Array[]): Buffer[] {
  return SUBPROOF(m, D, true)
}
function SUBPROOF(m: number, D: readonly Uint8Array[], b: boolean): Buffer[] {
  const n = D.length
  if (m === n) return b ? [] : [MTH(D)]
  return m <= k(n)
    ? [...SUBPROOF(m, D.slice(0, k(n)), b), MTH(D.slice(k(n)))]
    : [...SUBPROOF(m - k(n), D.slice(k(n)), false), MTH(D.slice(0, k(n)))]
}

// Reference verifiers: evaluate the structure of PATH / PROOF for the claimed sizes on the given
// hashes (the last proof element is the top-level sibling). A claim is valid exactly when this
// structure, fed the proof, gives back the claimed roots.
const node = (l: Uint8Array, r: Uint8Array) => sha256(Buffer.from([1]), l, r)
function pathRoot(m: number, n: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Uint8Array | null {
  if (n === 1) return proof.length === 0 ? leaf : null
  if (proof.length === 0) return null
  const last = proof[proof.length - 1]!
  const rest = proof.slice(0, -1)
  if (m < k(n)) {
    const left = pathRoot(m, k(n), leaf, rest)
    return left && node(left, last)
  }
  const right = pathRoot(m - k(n), n - k(n), leaf, rest)
  return right && node(last, right)
}
function refVerifyInclusion(c: {
  leafHash: Uint8Array
  index: number
  treeSize: number
  proof: readonly Uint8Array[]
  rootHash: Uint8Array
}): boolean {
  if (c.treeSize < 1 || c.index < 0 || c.index >= c.treeSize) return false
  const root = pathRoot(c.index, c.treeSize, c.leafHash, c.proof)
  return root !== null && Buffer.compare(root, c.rootHash) === 0
}
type Roots = { old: Uint8Array; new: Uint8Array }
function subproofRoots(
  m: number,
  n: number,
  b: boolean,
  proof: readonly Uint8Array[],
  fromRoot: Uint8Array,
): Roots | null {
  if (m === n) {
    if (b) return proof.length === 0 ? { old: fromRoot, new: fromRoot } : null
    return proof.length === 1 ? { old: proof[0]!, new: proof[0]! } : null
  }
  if (proof.length === 0) return null
  const last = proof[proof.length - 1]!
  const rest = proof.slice(0, -1)
  if (m <= k(n)) {
    const r = subproofRoots(m, k(n), b, rest, fromRoot)
    return r && { old: r.old, new: node(r.new, last) }
  }
  const r = subproofRoots(m - k(n), n - k(n), false, rest, fromRoot)
  return r && { old: node(last, r.old), new: node(last, r.new) }
}
function refVerifyConsistency(c: {
  fromSize: number
  toSize: number
  proof: readonly Uint8Array[]
  fromRoot: Uint8Array
  toRoot: Uint8Array
}): boolean {
  if (c.fromSize < 1 || c.fromSize > c.toSize) return false
  const r = subproofRoots(c.fromSize, c.toSize, true, c.proof, c.fromRoot)
  return r !== null && Buffer.compare(r.old, c.fromRoot) === 0 && Buffer.compare(r.new, c.toRoot) === 0
}
// -----------------------------------------------------------------------------------------------

/** Leaf hashes of a tree of `size` leaves, derived from a seed so that each run differs. */
function makeLeaves(size: number, seed: number): Buffer[] {
  return Array.from({ length: size }, (_, i) => sha256(Buffer.from([0]), Buffer.from(`leaf ${seed}:${i}`)))
}

/** Every perfect node of a tree, keyed "level/index", as the server would store them. */
function nodeTable(leaves: readonly Uint8Array[]): Map<string, Buffer> {
  const table = new Map<string, Buffer>()
  const tree = new CompactRange()
  for (const leaf of leaves) for (const n of tree.append(leaf)) table.set(`${n.level}/${n.index}`, n.hash)
  return table
}
const lookupIn = (table: Map<string, Buffer>) => (level: number, index: number) =>
  table.get(`${level}/${index}`)

const flipByte = (proof: readonly Buffer[], i: number, at: number, bit: number): Buffer[] =>
  proof.map((h, j) => {
    if (j !== i) return h
    const copy = Buffer.from(h)
    copy[at] = copy[at]! ^ (1 << bit)
    return copy
  })

const tree = fc.record({ size: fc.integer({ min: 1, max: 300 }), seed: fc.nat() })
const runs = { numRuns: 150 }

describe('inclusion proofs', () => {
  it('equal PATH(m, D[n]) both from leaves and from stored nodes, and verify', () => {
    fc.assert(
      fc.property(tree, fc.nat(), ({ size, seed }, pick) => {
        const leaves = makeLeaves(size, seed)
        const index = pick % size
        const want = PATH(index, leaves)
        const root = MTH(leaves)
        expect(inclusionProofFromLeaves(index, leaves)).toEqual(want)
        expect(inclusionProof(index, size, lookupIn(nodeTable(leaves)))).toEqual(want)
        const ranges = inclusionProofRanges(index, size)
        expect(ranges.map((r) => MTH(leaves.slice(r.start, r.end)))).toEqual(want)
        const check = { leafHash: leaves[index]!, index, treeSize: size, proof: want, rootHash: root }
        expect(verifyInclusion(check)).toBe(true)
        expect(rootFromInclusionProof(check)).toEqual(root)
      }),
      runs,
    )
  })

  // A proof only fixes the tree size through the shape of the audit path: a size whose path has the
  // same sides and length (leaf 0 of 3 and of 4, say) gives the same root, in RFC 9162 as here, and
  // the signed checkpoint is what ties the root to its size. So a wrong size must fail exactly
  // when the RFC 6962 structure for that size does not lead to the root.
  it('agree with the RFC 6962 structure for any other claimed size or index', () => {
    fc.assert(
      fc.property(
        tree,
        fc.nat(),
        fc.integer({ min: 0, max: 320 }),
        fc.nat(),
        ({ size, seed }, pick, otherSize, otherPick) => {
          const leaves = makeLeaves(size, seed)
          const index = pick % size
          const check = {
            leafHash: leaves[index]!,
            index,
            treeSize: size,
            proof: PATH(index, leaves),
            rootHash: MTH(leaves),
          }
          for (const claim of [
            { ...check, treeSize: otherSize },
            { ...check, treeSize: size + 1 },
            { ...check, treeSize: size - 1 },
            { ...check, index: otherPick % (size + 2) },
            { ...check, index: otherPick % (otherSize + 1), treeSize: otherSize },
          ]) {
            expect(verifyInclusion(claim), JSON.stringify({ index: claim.index, size: claim.treeSize })).toBe(
              refVerifyInclusion(claim),
            )
          }
        },
      ),
      runs,
    )
  })

  it('fail for any flipped bit, wrong index in the same tree, wrong leaf or root, or a proof one hash off', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), fc.nat(31), fc.nat(7), ({ size, seed }, pick, which, at, bit) => {
        fc.pre(size > 1)
        const leaves = makeLeaves(size, seed)
        const index = pick % size
        const proof = PATH(index, leaves)
        const check = { leafHash: leaves[index]!, index, treeSize: size, proof, rootHash: MTH(leaves) }
        expect(verifyInclusion({ ...check, proof: flipByte(proof, which % proof.length, at, bit) })).toBe(
          false,
        )
        const root = Buffer.from(check.rootHash)
        root[at] = root[at]! ^ (1 << bit)
        expect(verifyInclusion({ ...check, rootHash: root })).toBe(false)
        expect(verifyInclusion({ ...check, index: (index + 1 + (which % (size - 1))) % size })).toBe(false)
        expect(verifyInclusion({ ...check, leafHash: leaves[(index + 1) % size]! })).toBe(false)
        expect(verifyInclusion({ ...check, proof: proof.slice(0, -1) })).toBe(false)
        expect(verifyInclusion({ ...check, proof: [...proof, proof[0]!] })).toBe(false)
      }),
      runs,
    )
  })
})

describe('consistency proofs', () => {
  const sizes = fc
    .record({ n: fc.integer({ min: 1, max: 300 }), pick: fc.nat(), seed: fc.nat() })
    .map(({ n, pick, seed }) => ({ m: 1 + (pick % n), n, seed }))

  it('equal PROOF(m, D[n]) both from leaves and from stored nodes, and verify', () => {
    fc.assert(
      fc.property(sizes, ({ m, n, seed }) => {
        const leaves = makeLeaves(n, seed)
        const want = PROOF(m, leaves)
        expect(consistencyProofFromLeaves(m, leaves)).toEqual(want)
        expect(consistencyProof(m, n, lookupIn(nodeTable(leaves)))).toEqual(want)
        const ranges = consistencyProofRanges(m, n)
        expect(ranges.map((r) => MTH(leaves.slice(r.start, r.end)))).toEqual(want)
        const check = {
          fromSize: m,
          toSize: n,
          proof: want,
          fromRoot: MTH(leaves.slice(0, m)),
          toRoot: MTH(leaves),
        }
        expect(verifyConsistency(check)).toBe(true)
      }),
      runs,
    )
  })

  // As for inclusion, sizes enter only through the proof's shape: compare with the RFC structure.
  it('agree with the RFC 6962 structure for any other claimed sizes', () => {
    fc.assert(
      fc.property(
        sizes,
        fc.integer({ min: 0, max: 320 }),
        fc.integer({ min: 0, max: 320 }),
        ({ m, n, seed }, a, b) => {
          const leaves = makeLeaves(n, seed)
          const check = {
            fromSize: m,
            toSize: n,
            proof: PROOF(m, leaves),
            fromRoot: MTH(leaves.slice(0, m)),
            toRoot: MTH(leaves),
          }
          for (const claim of [
            { ...check, fromSize: m - 1 },
            { ...check, fromSize: m + 1 },
            { ...check, toSize: n + 1 },
            { ...check, toSize: n - 1 },
            { ...check, fromSize: a },
            { ...check, toSize: b },
            { ...check, fromSize: Math.min(a, b), toSize: Math.max(a, b) },
            { ...check, fromSize: n, toSize: n },
          ]) {
            expect(verifyConsistency(claim), JSON.stringify({ from: claim.fromSize, to: claim.toSize })).toBe(
              refVerifyConsistency(claim),
            )
          }
        },
      ),
      runs,
    )
  })

  it('fail for any flipped bit, wrong roots, or a proof one hash off', () => {
    fc.assert(
      fc.property(sizes, fc.nat(), fc.nat(31), fc.nat(7), ({ m, n, seed }, which, at, bit) => {
        fc.pre(m < n)
        const leaves = makeLeaves(n, seed)
        const proof = PROOF(m, leaves)
        const check = {
          fromSize: m,
          toSize: n,
          proof,
          fromRoot: MTH(leaves.slice(0, m)),
          toRoot: MTH(leaves),
        }
        expect(verifyConsistency({ ...check, proof: flipByte(proof, which % proof.length, at, bit) })).toBe(
          false,
        )
        const other = makeLeaves(n, seed + 1)
        expect(verifyConsistency({ ...check, fromRoot: MTH(other.slice(0, m)) })).toBe(false)
        expect(verifyConsistency({ ...check, toRoot: MTH(other) })).toBe(false)
        expect(verifyConsistency({ ...check, fromRoot: check.toRoot, toRoot: check.fromRoot })).toBe(false)
        expect(verifyConsistency({ ...check, proof: proof.slice(1) })).toBe(false)
        expect(verifyConsistency({ ...check, proof: [...proof, proof[0]!] })).toBe(false)
      }),
      runs,
    )
  })
})

describe('CompactRange', () => {
  it('has the root of rootHash and the reference MTH at every size, and reports exactly the perfect nodes', () => {
    fc.assert(
      fc.property(tree, ({ size, seed }) => {
        const leaves = makeLeaves(size, seed)
        const range = new CompactRange()
        const seen = new Set<string>()
        leaves.forEach((leaf, i) => {
          const completed = range.append(leaf)
          expect(completed[0]).toEqual({ level: 0, index: i, hash: leaf })
          for (const node of completed) {
            const start = node.index * 2 ** node.level
            const end = (node.index + 1) * 2 ** node.level
            // Completed by this append: the node's last leaf is this one.
            expect(end).toBe(i + 1)
            expect(node.hash).toEqual(MTH(leaves.slice(start, end)))
            seen.add(`${node.level}/${node.index}`)
          }
          expect(range.size).toBe(i + 1)
        })
        expect(range.root()).toEqual(MTH(leaves))
        expect(rootHash(leaves)).toEqual(MTH(leaves))
        // Every perfect node of the tree, once: sum over levels of floor(size / 2^level).
        let perfect = 0
        for (let w = 1; w <= size; w *= 2) perfect += Math.floor(size / w)
        expect(seen.size).toBe(perfect)
      }),
      { numRuns: 100 },
    )
  })

  it('resumed from its size and peaks, appends to the same roots as one never stopped', () => {
    fc.assert(
      fc.property(tree, fc.nat(), ({ size, seed }, pick) => {
        const leaves = makeLeaves(size, seed)
        const cut = pick % (size + 1)
        const first = new CompactRange()
        for (const leaf of leaves.slice(0, cut)) first.append(leaf)
        const peaks = first.peaks()
        expect(peaks).toEqual(
          peakRefs(cut).map((p) => MTH(leaves.slice(p.index * 2 ** p.level, (p.index + 1) * 2 ** p.level))),
        )
        const resumed = new CompactRange({ size: cut, peaks })
        expect(resumed.root()).toEqual(first.root())
        for (const leaf of leaves.slice(cut)) {
          expect(resumed.append(leaf)).toEqual(first.append(leaf))
          expect(resumed.root()).toEqual(first.root())
        }
        expect(resumed.root()).toEqual(MTH(leaves))
      }),
      { numRuns: 100 },
    )
  })
})

describe('perfectNodes and rangeHash', () => {
  it('fold to the MTH of every subtree-aligned range', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), ({ size, seed }, a, b) => {
        const leaves = makeLeaves(size, seed)
        // A subtree-aligned range: a multiple of a power of two at least its length.
        const length = 1 + (a % size)
        let w = 1
        while (w < length) w *= 2
        const slots = Math.floor((size - length) / w) + 1
        const start = (b % slots) * w
        const range = { start, end: start + length }
        const table = nodeTable(leaves)
        expect(rangeHash(range, lookupIn(table))).toEqual(MTH(leaves.slice(range.start, range.end)))
        const nodes = perfectNodes(range)
        // Largest first, contiguous, covering the range exactly.
        let at = start
        for (const n of nodes) {
          expect(n.index * 2 ** n.level).toBe(at)
          at += 2 ** n.level
        }
        expect(at).toBe(range.end)
      }),
      runs,
    )
  })
})
