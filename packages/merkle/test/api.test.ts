// Argument checking and the small pieces: hex, hashes, ranges, compact-range state, lookups.
import { describe, expect, it } from 'vitest'
import {
  CompactRange,
  consistencyProof,
  consistencyProofFromLeaves,
  consistencyProofRanges,
  EMPTY_TREE_ROOT,
  fromHex,
  HASH_SIZE,
  InvalidCompactRangeError,
  InvalidHashError,
  inclusionProof,
  inclusionProofFromLeaves,
  inclusionProofRanges,
  leafHash,
  MerkleError,
  MissingNodeError,
  nodeHash,
  peakRefs,
  perfectNodes,
  rangeHash,
  rootFromInclusionProof,
  rootHash,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from '../src/index.js'

const leaves = Array.from({ length: 8 }, (_, i) => leafHash(Buffer.from([i])))

describe('hashes and hex', () => {
  it('hashes leaves and nodes with the RFC 6962 prefixes', () => {
    expect(toHex(leafHash(Buffer.alloc(0)))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    )
    expect(toHex(EMPTY_TREE_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(nodeHash(leaves[0]!, leaves[1]!)).not.toEqual(nodeHash(leaves[1]!, leaves[0]!))
    expect(HASH_SIZE).toBe(32)
  })

  it('round-trips hex, reads either case, writes lowercase, and reads a view at an offset', () => {
    const hex = toHex(leaves[3]!)
    expect(hex).toMatch(/^[0-9a-f]{64}$/)
    expect(fromHex(hex)).toEqual(leaves[3])
    expect(fromHex(hex.toUpperCase())).toEqual(leaves[3])
    const backing = Buffer.concat([Buffer.from([9, 9]), leaves[3]!])
    expect(toHex(new Uint8Array(backing.buffer, backing.byteOffset + 2, 32))).toBe(hex)
  })

  it.each([
    ['too short', 'ab'],
    ['too long', 'a'.repeat(66)],
    ['not hex', `${'a'.repeat(63)}g`],
    ['with spaces', ` ${'a'.repeat(63)}`],
    ['empty', ''],
    ['not a string', 42],
  ])('refuses hex that is %s with an InvalidHashError', (_what, text) => {
    let caught: unknown
    try {
      fromHex(text as string)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InvalidHashError)
    expect(caught).toBeInstanceOf(MerkleError)
    expect((caught as MerkleError).code).toBe('INVALID_HASH')
  })

  it('refuses leaf hashes of the wrong length in rootHash and CompactRange', () => {
    expect(() => rootHash([leaves[0]!, Buffer.alloc(31)])).toThrow(InvalidHashError)
    expect(() => new CompactRange().append(Buffer.alloc(33))).toThrow('leaf hash must be a 32-byte hash')
  })

  it('gives a copy for the empty and one-leaf trees, not the caller’s buffer', () => {
    const root = rootHash([])
    root[0] = 0
    expect(toHex(EMPTY_TREE_ROOT)).toMatch(/^e3b0/)
    const one = rootHash([leaves[0]!])
    expect(one).toEqual(leaves[0])
    expect(one).not.toBe(leaves[0])
  })
})

describe('argument checks', () => {
  it.each([
    [0, 0],
    [1, 1],
    [-1, 5],
    [5, 0],
    [1.5, 4],
    [0, Number.NaN],
    [0, 2 ** 53],
  ])('inclusion plans refuse index %s in size %s with a RangeError', (index, size) => {
    expect(() => inclusionProofRanges(index, size)).toThrow(RangeError)
  })

  it.each([
    [0, 5],
    [6, 5],
    [0, 0],
    [-1, 3],
    [2, 2.5],
  ])('consistency plans refuse m = %s, n = %s with a RangeError', (m, n) => {
    expect(() => consistencyProofRanges(m, n)).toThrow(RangeError)
  })

  it('plans nothing for equal sizes and a one-leaf tree', () => {
    expect(consistencyProofRanges(5, 5)).toEqual([])
    expect(inclusionProofRanges(0, 1)).toEqual([])
    expect(consistencyProofFromLeaves(8, leaves)).toEqual([])
  })

  it('handles sizes near 2^53 without losing bits', () => {
    const size = Number.MAX_SAFE_INTEGER
    const ranges = inclusionProofRanges(size - 1, size)
    expect(ranges).toHaveLength(52)
    expect(ranges[ranges.length - 1]).toEqual({ start: 0, end: 2 ** 52 })
    expect(ranges[0]).toEqual({ start: size - 3, end: size - 1 })
    expect(peakRefs(size)).toHaveLength(53)
    expect(peakRefs(size)[52]).toEqual({ level: 0, index: size - 1 })
    expect(consistencyProofRanges(2 ** 52 + 1, size).at(-1)).toEqual({ start: 0, end: 2 ** 52 })
  })

  it.each([
    [{ start: 0, end: 0 }],
    [{ start: 3, end: 2 }],
    [{ start: 1, end: 3 }],
    [{ start: 2, end: 5 }],
    [{ start: -2, end: 0 }],
  ])('perfectNodes refuses %o', (range) => {
    expect(() => perfectNodes(range)).toThrow(RangeError)
  })

  it('decomposes subtree ranges largest first', () => {
    expect(perfectNodes({ start: 0, end: 7 })).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ])
    expect(perfectNodes({ start: 8, end: 13 })).toEqual([
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ])
    expect(perfectNodes({ start: 5, end: 6 })).toEqual([{ level: 0, index: 5 }])
  })
})

describe('lookups', () => {
  it('throw a MissingNodeError naming the node the table lacks', () => {
    let caught: unknown
    try {
      inclusionProof(0, 8, (level, index) => (level === 0 ? leaves[index] : undefined))
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(MissingNodeError)
    expect(caught).toMatchObject({ code: 'MISSING_NODE', level: 1, index: 1 })
    expect(() => consistencyProof(3, 8, () => Buffer.alloc(31))).toThrow(MissingNodeError)
  })

  it('fold perfect nodes right to left', () => {
    const lookup = (level: number, index: number) => (level === 0 ? leaves[index] : undefined)
    expect(rangeHash({ start: 5, end: 6 }, lookup)).toEqual(leaves[5])
    const table = new Map([
      ['1/2', nodeHash(leaves[4]!, leaves[5]!)],
      ['0/6', leaves[6]!],
    ])
    expect(rangeHash({ start: 4, end: 7 }, (l, i) => table.get(`${l}/${i}`))).toEqual(
      rootHash(leaves.slice(4, 7)),
    )
  })

  it('in-memory proofs refuse an index past the leaves', () => {
    expect(() => inclusionProofFromLeaves(8, leaves)).toThrow(RangeError)
    expect(() => consistencyProofFromLeaves(9, leaves)).toThrow(RangeError)
  })
})

describe('verification of malformed input', () => {
  const root = rootHash(leaves)
  const proof = inclusionProofFromLeaves(2, leaves)
  const good = { leafHash: leaves[2]!, index: 2, treeSize: 8, proof, rootHash: root }

  it('accepts the good claim', () => {
    expect(verifyInclusion(good)).toBe(true)
  })

  it.each([
    ['a short proof hash', { proof: [proof[0]!, proof[1]!.subarray(1), proof[2]!] }],
    ['a proof that is not an array', { proof: 'abc' }],
    ['a proof holding a string', { proof: [proof[0], 'x', proof[2]] }],
    ['a leaf hash of the wrong length', { leafHash: Buffer.alloc(20) }],
    ['a negative index', { index: -1 }],
    ['an index equal to the size', { index: 8 }],
    ['a fractional size', { treeSize: 8.5 }],
    ['size zero', { treeSize: 0, index: 0 }],
    ['a size past 2^53', { treeSize: 2 ** 60 }],
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    ['a sparse proof', { proof: [proof[0]!, , proof[2]!] }],
    ['a 70-hash proof', { proof: Array.from({ length: 70 }, () => proof[0]!) }],
  ])('answers false for %s, never throwing', (_what, change) => {
    const claim = { ...good, ...change } as typeof good
    expect(verifyInclusion(claim)).toBe(false)
    expect(rootFromInclusionProof(claim)).toBeNull()
  })

  it('answers false for a root of the wrong length', () => {
    expect(verifyInclusion({ ...good, rootHash: root.subarray(0, 20) })).toBe(false)
  })

  it('answers false for a missing claim', () => {
    expect(verifyInclusion(undefined as unknown as typeof good)).toBe(false)
    expect(verifyConsistency(undefined as unknown as Parameters<typeof verifyConsistency>[0])).toBe(false)
  })

  const cproof = consistencyProofFromLeaves(3, leaves)
  const cgood = {
    fromSize: 3,
    toSize: 8,
    proof: cproof,
    fromRoot: rootHash(leaves.slice(0, 3)),
    toRoot: root,
  }
  it.each([
    ['an empty proof', { proof: [] }],
    ['from size zero', { fromSize: 0, proof: [] }],
    ['from above to', { fromSize: 9 }],
    ['a short hash', { proof: cproof.map((h) => h.subarray(1)) }],
    ['a proof that is not an array', { proof: null }],
    ['equal sizes with a proof', { fromSize: 8, fromRoot: root }],
    ['equal sizes with other roots', { fromSize: 8, proof: [] }],
    ['a root of the wrong length', { toRoot: Buffer.alloc(1) }],
  ])('consistency answers false for %s', (_what, change) => {
    expect(verifyConsistency(cgood)).toBe(true)
    expect(verifyConsistency({ ...cgood, ...change } as typeof cgood)).toBe(false)
  })

  it('consistency accepts equal sizes with an empty proof and equal roots', () => {
    expect(verifyConsistency({ fromSize: 8, toSize: 8, proof: [], fromRoot: root, toRoot: root })).toBe(true)
  })
})

describe('CompactRange state', () => {
  it('lists the peaks of a size, largest first', () => {
    expect(peakRefs(0)).toEqual([])
    expect(peakRefs(13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ])
    expect(() => peakRefs(-1)).toThrow(RangeError)
  })

  it('refuses to resume from peaks that do not fit the size', () => {
    const tree = new CompactRange()
    for (const leaf of leaves.slice(0, 5)) tree.append(leaf)
    expect(() => new CompactRange({ size: 5, peaks: tree.peaks().slice(1) })).toThrow(
      InvalidCompactRangeError,
    )
    expect(() => new CompactRange({ size: 7, peaks: tree.peaks() })).toThrow(InvalidCompactRangeError)
    expect(() => new CompactRange({ size: 5, peaks: [tree.peaks()[0]!, Buffer.alloc(3)] })).toThrow(
      InvalidHashError,
    )
    expect(() => new CompactRange({ size: -1, peaks: [] })).toThrow(RangeError)
    expect(() => new CompactRange({ size: 1, peaks: 'x' as unknown as Buffer[] })).toThrow(
      InvalidCompactRangeError,
    )
    expect(new CompactRange({ size: 0, peaks: [] }).root()).toEqual(EMPTY_TREE_ROOT)
  })

  it('keeps its own copies: changing a returned peak, node or appended buffer changes nothing', () => {
    const tree = new CompactRange()
    const leaf = Buffer.from(leaves[0]!)
    tree.append(leaf)
    leaf[0] = leaf[0]! ^ 1
    tree.peaks()[0]![0] = 0
    expect(tree.root()).toEqual(leaves[0])
    for (const node of tree.append(leaves[1]!)) node.hash.fill(0)
    expect(tree.root()).toEqual(rootHash(leaves.slice(0, 2)))
  })
})

describe('scale', () => {
  it('computes the root of 1,000,000 leaves iteratively, equal to the streaming root', () => {
    const tree = new CompactRange()
    const many: Buffer[] = new Array(1_000_000)
    const seed = leafHash(Buffer.from('seed'))
    for (let i = 0; i < many.length; i++) {
      // Cheap distinct leaves: the seed with the index written into its first bytes.
      const leaf = Buffer.from(seed)
      leaf.writeUInt32BE(i, 0)
      many[i] = leaf
    }
    const root = rootHash(many)
    for (const leaf of many) tree.append(leaf)
    expect(tree.root()).toEqual(root)
    expect(tree.size).toBe(1_000_000)
  })
})
