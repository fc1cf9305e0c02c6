import { assertHash, EMPTY_TREE_ROOT, nodeHash } from './hash.js'

/**
 * MTH(D[n]) of RFC 6962 §2.1 over already-hashed leaves, computed bottom-up level by level
 * (pairs hashed, an odd last node carried up unchanged), which equals the RFC's recursive split at
 * the largest power of two below n. Iterative, so a million leaves cost a million hashes and no
 * deep recursion.
 */
export function rootHash(leafHashes: readonly Uint8Array[]): Buffer {
  const n = leafHashes.length
  if (n === 0) return Buffer.from(EMPTY_TREE_ROOT)
  for (let i = 0; i < n; i++) assertHash(leafHashes[i], `leaf hash ${i}`)
  if (n === 1) return Buffer.from(leafHashes[0]!)
  let level: Uint8Array[] = leafHashes.slice()
  while (level.length > 1) {
    const next: Uint8Array[] = new Array(Math.ceil(level.length / 2))
    let j = 0
    for (let i = 0; i + 1 < level.length; i += 2) next[j++] = nodeHash(level[i]!, level[i + 1]!)
    if (level.length % 2 === 1) next[j] = level[level.length - 1]!
    level = next
  }
  return Buffer.from(level[0]!)
}

/**
 * The largest power of two strictly below `n` (n ≥ 2): RFC 6962's split point k. A loop of at most
 * 53 doublings rather than Math.log2, whose rounding is wrong near powers of two above 2^31.
 */
export function splitPoint(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}
