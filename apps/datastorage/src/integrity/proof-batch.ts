import {
  inclusionProofRanges,
  MissingNodeError,
  type NodeId,
  perfectNodes,
  rangeHash,
} from '@audit-trail/merkle'
import type { Database } from '../db/client.js'
import { nodeKey, readNodeHashes } from '../log/log-reader.js'

const key = nodeKey

/** The proof of one leaf, or why it cannot be built from the stored nodes. */
export type BatchedProof = { proof: Buffer[] } | { missing: MissingNodeError }

/**
 * The inclusion proofs of many leaves in one tree, reading every stored node they need once, in a
 * few queries, instead of one query per leaf (`LogReader.inclusionProof`): a correlation id with
 * thousands of events needs thousands of proofs, but the leaves of one correlation id or window sit
 * close together in the tree, so their proofs share most of their nodes. The proof plans are the
 * merkle package's (`inclusionProofRanges`, `perfectNodes`, `rangeHash`), as LogReader's are.
 *
 * A node the tree needs but the tables lack gives that leaf a `missing` entry instead of a proof.
 *
 * @param leafIndexes - Leaves below `treeSize`.
 * @throws RangeError when an index is not below `treeSize`.
 */
export async function inclusionProofsOf(
  db: Database,
  leafIndexes: readonly number[],
  treeSize: number,
): Promise<Map<number, BatchedProof>> {
  const plans = new Map(leafIndexes.map((index) => [index, inclusionProofRanges(index, treeSize)]))
  const wanted = new Map<string, NodeId>()
  for (const ranges of plans.values()) {
    for (const range of ranges) {
      for (const node of perfectNodes(range)) wanted.set(key(node.level, node.index), node)
    }
  }
  const hashes = await readNodeHashes(db, [...wanted.values()])
  const lookup = (level: number, index: number) => hashes.get(key(level, index))
  const proofs = new Map<number, BatchedProof>()
  for (const [index, ranges] of plans) {
    try {
      proofs.set(index, { proof: ranges.map((range) => rangeHash(range, lookup)) })
    } catch (error) {
      if (!(error instanceof MissingNodeError)) throw error
      proofs.set(index, { missing: error })
    }
  }
  return proofs
}
