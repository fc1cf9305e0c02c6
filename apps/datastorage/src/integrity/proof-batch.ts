import {
  inclusionProofRanges,
  MissingNodeError,
  type NodeId,
  perfectNodes,
  rangeHash,
} from '@audit-trail/merkle'
import { sql } from 'drizzle-orm'
import { type Database, rowsOf } from '../db/client.js'

/** Nodes read per query: two arrays of this many values stay far below any parameter limit. */
const NODES_PER_QUERY = 10_000

const key = (level: number, index: number): string => `${level}:${index}`

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
  const hashes = await readNodes(db, [...wanted.values()])
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

/** The stored hashes of `nodes` (level 0 = audit_log_leaves, above = audit_log_nodes) by `level:index`. */
async function readNodes(db: Database, nodes: readonly NodeId[]): Promise<Map<string, Uint8Array>> {
  const hashes = new Map<string, Uint8Array>()
  for (let at = 0; at < nodes.length; at += NODES_PER_QUERY) {
    const chunk = nodes.slice(at, at + NODES_PER_QUERY)
    const leaves = chunk.filter((n) => n.level === 0).map((n) => String(n.index))
    const upper = chunk.filter((n) => n.level > 0)
    const rows = rowsOf<{ level: number; node_index: string; hash: Uint8Array }>(
      await db.execute(sql`
        SELECT 0 AS level, leaf_index::text AS node_index, leaf_hash AS hash
        FROM audit_log_leaves WHERE leaf_index = ANY(${sql.param(leaves)}::text[]::bigint[])
        UNION ALL
        SELECT n.level::int AS level, n.node_index::text AS node_index, n.hash
        FROM audit_log_nodes AS n
        JOIN unnest(${sql.param(upper.map((n) => String(n.level)))}::text[]::smallint[],
                    ${sql.param(upper.map((n) => String(n.index)))}::text[]::bigint[]) AS w(level, node_index)
          ON n.level = w.level AND n.node_index = w.node_index`),
    )
    for (const r of rows) hashes.set(key(Number(r.level), Number(r.node_index)), Buffer.from(r.hash))
  }
  return hashes
}
