import { MissingNodeError } from './errors.js'
import { isHash, nodeHash } from './hash.js'
import { assertCount, type NodeId, type Range } from './node-ref.js'
import { rootHash, splitPoint } from './tree.js'

/** Where the server finds a stored perfect node's hash: by (level, index). */
export type NodeLookup = (level: number, index: number) => Uint8Array | undefined

/**
 * The perfect nodes that make up `range`, largest first. The range must be one RFC 6962 ever
 * hashes as a unit: non-empty, its start a multiple of the smallest power of two ≥ its length (a
 * subtree of the tree, possibly cut short on the right). Then MTH(range) is these nodes folded
 * right to left, h = node(p1, node(p2, p3)), as {@link rangeHash} does. Throws a RangeError for any
 * other range.
 */
export function perfectNodes(range: Range): NodeId[] {
  const { start, end } = range
  assertCount(start, 'range start', 0)
  assertCount(end, 'range end', start + 1)
  const length = end - start
  let ceiling = 1
  let top = 0
  while (ceiling < length) {
    ceiling *= 2
    top++
  }
  if (start % ceiling !== 0) {
    throw new RangeError(`[${start}, ${end}) is not a subtree: ${start} is not a multiple of ${ceiling}`)
  }
  const nodes: NodeId[] = []
  let at = start
  for (let w = ceiling, level = top; at < end; w /= 2, level--) {
    if (end - at >= w) {
      nodes.push({ level, index: at / w })
      at += w
    }
  }
  return nodes
}

/**
 * MTH of a subtree range from stored perfect nodes (see {@link perfectNodes}). Throws a
 * {@link MissingNodeError} if the lookup lacks a node: the table and the tree disagree, and no proof
 * must be made up.
 */
export function rangeHash(range: Range, lookup: NodeLookup): Buffer {
  const nodes = perfectNodes(range)
  let hash: Uint8Array | undefined
  for (let i = nodes.length - 1; i >= 0; i--) {
    const { level, index } = nodes[i]!
    const found = lookup(level, index)
    if (!isHash(found)) {
      throw new MissingNodeError(
        level,
        index,
        `no stored hash for the node at level ${level}, index ${index}`,
      )
    }
    hash = hash === undefined ? found : nodeHash(found, hash)
  }
  return Buffer.from(hash!)
}

/**
 * The audit path PATH(index, D[size]) of RFC 6962 §2.1.1 as leaf ranges, bottom-up (the leaf's
 * sibling first, the root's other child last): each range's MTH is one proof hash.
 */
export function inclusionProofRanges(index: number, size: number): Range[] {
  assertCount(size, 'size', 1)
  assertCount(index, 'index', 0)
  if (index >= size) throw new RangeError(`index ${index} is not below the tree size ${size}`)
  const topDown: Range[] = []
  let start = 0
  let n = size
  let m = index
  while (n > 1) {
    const k = splitPoint(n)
    if (m < k) {
      // PATH(m, D[0:k]) : MTH(D[k:n])
      topDown.push({ start: start + k, end: start + n })
      n = k
    } else {
      // PATH(m - k, D[k:n]) : MTH(D[0:k])
      topDown.push({ start, end: start + k })
      start += k
      m -= k
      n -= k
    }
  }
  return topDown.reverse()
}

/**
 * The consistency proof PROOF(m, D[n]) of RFC 6962 §2.1.2 as leaf ranges, in the RFC's order;
 * empty when m = n. Requires 0 < m ≤ n.
 */
export function consistencyProofRanges(m: number, n: number): Range[] {
  assertCount(n, 'n', 1)
  assertCount(m, 'm', 1)
  if (m > n) throw new RangeError(`the old size ${m} is above the new size ${n}`)
  if (m === n) return []
  // SUBPROOF(m, D[start:start+size], complete), unrolled: the suffixes collect top-down.
  const suffixes: Range[] = []
  let start = 0
  let size = n
  let sub = m
  let complete = true
  while (sub !== size) {
    const k = splitPoint(size)
    if (sub <= k) {
      // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
      suffixes.push({ start: start + k, end: start + size })
      size = k
    } else {
      // SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
      suffixes.push({ start, end: start + k })
      start += k
      size -= k
      sub -= k
      complete = false
    }
  }
  // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}.
  const head: Range[] = complete ? [] : [{ start, end: start + size }]
  return head.concat(suffixes.reverse())
}

/** The inclusion proof hashes for leaf `index` in the tree of `size` leaves, from stored nodes. */
export function inclusionProof(index: number, size: number, lookup: NodeLookup): Buffer[] {
  return inclusionProofRanges(index, size).map((range) => rangeHash(range, lookup))
}

/** The consistency proof hashes from size `m` to size `n`, from stored nodes. */
export function consistencyProof(m: number, n: number, lookup: NodeLookup): Buffer[] {
  return consistencyProofRanges(m, n).map((range) => rangeHash(range, lookup))
}

/** {@link inclusionProof} over all leaf hashes in memory (the tree size is `leafHashes.length`). */
export function inclusionProofFromLeaves(index: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  return inclusionProofRanges(index, leafHashes.length).map((r) => rootHash(leafHashes.slice(r.start, r.end)))
}

/** {@link consistencyProof} from size `m` to `leafHashes.length`, over all leaf hashes in memory. */
export function consistencyProofFromLeaves(m: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  return consistencyProofRanges(m, leafHashes.length).map((r) => rootHash(leafHashes.slice(r.start, r.end)))
}
