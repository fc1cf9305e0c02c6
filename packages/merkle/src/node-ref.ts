/**
 * A perfect subtree of the log: the node at `level` (0 = leaves) and `index` within that level
 * covers leaves [index·2^level, (index+1)·2^level). Every such node is final once its last leaf is
 * appended, so the server stores each one once, keyed by (level, index), and builds any proof from
 * them.
 */
export interface NodeId {
  readonly level: number
  readonly index: number
}

/** A perfect node and its hash, as {@link CompactRange.append} reports them for storage. */
export interface NodeRef extends NodeId {
  readonly hash: Buffer
}

/** A leaf range [start, end) of the log. */
export interface Range {
  readonly start: number
  readonly end: number
}

/** The number of leaves a node at `level` covers, 2^level, exact for every level up to 53. */
export function width(level: number): number {
  return 2 ** level
}

/** Throws a RangeError unless `value` is a safe integer ≥ `min`. */
export function assertCount(value: unknown, name: string, min: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be a safe integer ≥ ${min}, got ${String(value)}`)
  }
}
