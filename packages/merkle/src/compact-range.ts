import { InvalidCompactRangeError } from './errors.js'
import { assertHash, EMPTY_TREE_ROOT, nodeHash } from './hash.js'
import { assertCount, type NodeId, type NodeRef, width } from './node-ref.js'

/**
 * The perfect subtrees ("peaks") whose concatenation is a tree of `size` leaves, largest first:
 * one per set bit of `size`. Their hashes are all a {@link CompactRange} keeps, and what the server
 * saves to resume appending after a restart.
 */
export function peakRefs(size: number): NodeId[] {
  assertCount(size, 'size', 0)
  const refs: NodeId[] = []
  let start = 0
  for (let level = 53; level >= 0; level--) {
    const w = width(level)
    if (size - start >= w) {
      refs.push({ level, index: start / w })
      start += w
    }
  }
  return refs
}

/** The state a {@link CompactRange} resumes from: its size and its peaks' hashes, largest first. */
export interface CompactRangeState {
  readonly size: number
  readonly peaks: readonly Uint8Array[]
}

/**
 * A streaming Merkle tree (a "compact range" over [0, size)): only the hashes of the perfect
 * subtrees that make up the tree, at most 53 of them, so appending costs amortized two hashes and
 * the root is available at any size. Each append reports the perfect nodes it completed, which the
 * server stores to answer proofs later.
 */
export class CompactRange {
  #size: number
  // Peaks largest first; parallel arrays of the node ids and their hashes.
  readonly #levels: number[] = []
  readonly #hashes: Buffer[] = []

  /** An empty tree, or the tree described by `state` (as {@link peaks} and {@link size} saved it). */
  constructor(state?: CompactRangeState) {
    if (state === undefined) {
      this.#size = 0
      return
    }
    assertCount(state.size, 'size', 0)
    const refs = peakRefs(state.size)
    if (!Array.isArray(state.peaks) || state.peaks.length !== refs.length) {
      throw new InvalidCompactRangeError(
        `a tree of ${state.size} leaves has ${refs.length} peaks, got ${Array.isArray(state.peaks) ? state.peaks.length : typeof state.peaks}`,
      )
    }
    refs.forEach((ref, i) => {
      const hash = state.peaks[i]
      assertHash(hash, `peak ${i} (level ${ref.level})`)
      this.#levels.push(ref.level)
      this.#hashes.push(Buffer.from(hash))
    })
    this.#size = state.size
  }

  /** Leaves appended so far (the tree size). */
  get size(): number {
    return this.#size
  }

  /**
   * Appends the next leaf (its leaf hash, see `leafHash`) and returns the perfect nodes this append
   * completed, bottom-up: the leaf itself (level 0, index = its leaf index), then each parent that
   * now has both children.
   */
  append(leafHash: Uint8Array): NodeRef[] {
    assertHash(leafHash, 'leaf hash')
    if (this.#size >= Number.MAX_SAFE_INTEGER) throw new RangeError('the tree is full (2^53 - 1 leaves)')
    const index = this.#size
    let hash: Buffer = Buffer.from(leafHash)
    let level = 0
    // The refs get copies: a caller changing a returned hash must not change the tree.
    const completed: NodeRef[] = [{ level, index, hash: Buffer.from(hash) }]
    // Merge while the last peak has the same level as the new node: a new perfect parent.
    while (this.#levels.length > 0 && this.#levels[this.#levels.length - 1] === level) {
      this.#levels.pop()
      hash = nodeHash(this.#hashes.pop()!, hash)
      level++
      completed.push({ level, index: Math.floor(index / width(level)), hash: Buffer.from(hash) })
    }
    this.#levels.push(level)
    this.#hashes.push(hash)
    this.#size++
    return completed
  }

  /** MTH of the leaves so far: the peaks folded right to left (EMPTY_TREE_ROOT for no leaves). */
  root(): Buffer {
    const n = this.#hashes.length
    if (n === 0) return Buffer.from(EMPTY_TREE_ROOT)
    let hash = this.#hashes[n - 1]!
    for (let i = n - 2; i >= 0; i--) hash = nodeHash(this.#hashes[i]!, hash)
    return Buffer.from(hash)
  }

  /** Copies of the peak hashes, largest first: with {@link size}, the state to resume from. */
  peaks(): Buffer[] {
    return this.#hashes.map((h) => Buffer.from(h))
  }
}
