import type { components } from '@audit-trail/datastorage-client'
import {
  consistencyProofRanges,
  inclusionProofRanges,
  type NodeId,
  perfectNodes,
  type Range,
  rangeHash,
  toHex,
} from '@audit-trail/merkle'
import { type SQL, sql } from 'drizzle-orm'
import { type Database, rowsOf } from '../db/client.js'
import { toRfc3339 } from '../store/audit-event-row.js'

/** A signed tree head as stored in `audit_log_checkpoints`. */
export interface StoredCheckpoint {
  treeSize: number
  rootHash: Buffer
  /** Whole milliseconds: the signed text carries them, so the column keeps exactly those. */
  signedAt: Date
  origin: string
  keyId: string
  signature: Buffer
}

/** A row of `audit_log_leaves`: the event's identity and hash as they were sealed. */
export interface StoredLeaf {
  leafIndex: number
  eventId: string
  /** `YYYY-MM-DD`, the event's partition day (its month says which partition held it). */
  eventDate: string
  correlationId: string
  /** RFC 3339 as the API writes timestamps (milliseconds when exact, else all six digits). */
  eventTimestamp: string
  leafHash: Buffer
  sealedAt: Date
}

/** A monthly partition the retention job dropped. */
export interface RetentionRemoval {
  /** `YYYY-MM-01`. */
  month: string
  removedAt: Date
}

/** Which leaves {@link LogReader.leavesOf} returns: a correlation id's, or a window's (since inclusive, until exclusive). */
export type LeafSelection = { correlationId: string } | { since: Date; until: Date }

/**
 * A checkpoint in the contract's shape. `timestamp` is `signedAt` in the exact form the signature
 * covers, so the body verifies as it is.
 */
export function checkpointBody(c: StoredCheckpoint): components['schemas']['Checkpoint'] {
  return {
    origin: c.origin,
    tree_size: c.treeSize,
    root_hash: toHex(c.rootHash),
    timestamp: c.signedAt.toISOString(),
    key_id: c.keyId,
    signature: c.signature.toString('base64'),
  }
}

// Every value crosses the driver as text: postgres.js returns bigint columns as strings and
// drizzle's postgres.js driver keeps timestamps as text, PGlite has its own conversions; text is
// read the same way on both.
interface CheckpointRow {
  tree_size: string
  root_hash: Uint8Array
  signed_at: string
  origin: string
  key_id: string
  signature: Uint8Array
}

interface LeafRow {
  leaf_index: string
  event_id: string
  event_date: string
  correlation_id: string
  event_timestamp: string
  leaf_hash: Uint8Array
  sealed_at: string
}

const CHECKPOINT_COLUMNS = sql.raw(`tree_size::text AS tree_size, root_hash,
  to_char(signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS signed_at,
  origin, key_id, signature`)

const LEAF_COLUMNS = sql.raw(`leaf_index::text AS leaf_index, event_id::text AS event_id,
  to_char(event_date, 'YYYY-MM-DD') AS event_date, correlation_id,
  to_char(event_timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS event_timestamp,
  leaf_hash,
  to_char(sealed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS sealed_at`)

function toCheckpoint(row: CheckpointRow): StoredCheckpoint {
  return {
    treeSize: Number(row.tree_size),
    rootHash: Buffer.from(row.root_hash),
    signedAt: new Date(row.signed_at),
    origin: row.origin,
    keyId: row.key_id.trim(),
    signature: Buffer.from(row.signature),
  }
}

function toLeaf(row: LeafRow): StoredLeaf {
  return {
    leafIndex: Number(row.leaf_index),
    eventId: row.event_id,
    eventDate: row.event_date,
    correlationId: row.correlation_id,
    eventTimestamp: toRfc3339(row.event_timestamp),
    leafHash: Buffer.from(row.leaf_hash),
    sealedAt: new Date(row.sealed_at),
  }
}

/** The key of a node in the maps {@link readNodeHashes} returns. */
export const nodeKey = (level: number, index: number): string => `${level}:${index}`
const key = nodeKey

/** Nodes read per query: two arrays of this many values stay far below any parameter limit. */
const NODES_PER_QUERY = 10_000

/**
 * The stored hashes of `nodes` by {@link nodeKey}: level 0 from audit_log_leaves, the levels above
 * from audit_log_nodes, one query over both tables per {@link NODES_PER_QUERY} nodes. A node the
 * tables lack is absent from the map (the merkle package's `rangeHash` then throws MissingNodeError).
 */
export async function readNodeHashes(
  db: Database,
  nodes: readonly NodeId[],
): Promise<Map<string, Uint8Array>> {
  const hashes = new Map<string, Uint8Array>()
  for (let at = 0; at < nodes.length; at += NODES_PER_QUERY) {
    const chunk = nodes.slice(at, at + NODES_PER_QUERY)
    const leafIndexes = chunk.filter((n) => n.level === 0).map((n) => String(n.index))
    const upper = chunk.filter((n) => n.level > 0)
    const rows = rowsOf<{ level: number; node_index: string; hash: Uint8Array }>(
      await db.execute(sql`
        SELECT 0 AS level, leaf_index::text AS node_index, leaf_hash AS hash
        FROM audit_log_leaves WHERE leaf_index = ANY(${sql.param(leafIndexes)}::text[]::bigint[])
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

/**
 * Reads the transparency log's tables (docs/integrity.md) for the routes and the server's own
 * verification, on PostgreSQL and PGlite alike. Proof hashes are computed from the stored perfect
 * nodes (level 0 = `audit_log_leaves.leaf_hash`, above it `audit_log_nodes`), all of a proof's
 * nodes fetched in one query; a node the tree needs but the tables lack raises the merkle
 * package's `MissingNodeError` instead of a made-up proof.
 *
 * @example
 * const reader = new LogReader(database.db)
 * const latest = await reader.latestCheckpoint()
 * if (latest) await reader.inclusionProof(0, latest.treeSize)
 */
export class LogReader {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  async #rows<T>(query: SQL): Promise<T[]> {
    return rowsOf<T>(await this.#db.execute(query))
  }

  /** The checkpoint with the largest tree size, if any was signed. */
  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const rows = await this.#rows<CheckpointRow>(
      sql`SELECT ${CHECKPOINT_COLUMNS} FROM audit_log_checkpoints ORDER BY audit_log_checkpoints.tree_size DESC LIMIT 1`,
    )
    return rows[0] && toCheckpoint(rows[0])
  }

  /** The checkpoint signed at exactly `treeSize`, if one was. */
  async checkpoint(treeSize: number): Promise<StoredCheckpoint | undefined> {
    const rows = await this.#rows<CheckpointRow>(
      sql`SELECT ${CHECKPOINT_COLUMNS} FROM audit_log_checkpoints WHERE tree_size = ${String(treeSize)}::bigint`,
    )
    return rows[0] && toCheckpoint(rows[0])
  }

  /**
   * The audit path of leaf `leafIndex` in the tree of `treeSize` leaves (RFC 6962 §2.1.1), bottom-up.
   *
   * @throws RangeError unless 0 ≤ leafIndex < treeSize.
   */
  async inclusionProof(leafIndex: number, treeSize: number): Promise<Buffer[]> {
    return this.#proof(inclusionProofRanges(leafIndex, treeSize))
  }

  /**
   * The consistency proof from `from` to `to` leaves (RFC 6962 §2.1.2); empty when they are equal.
   *
   * @throws RangeError unless 0 < from ≤ to.
   */
  async consistencyProof(from: number, to: number): Promise<Buffer[]> {
    return this.#proof(consistencyProofRanges(from, to))
  }

  async #proof(ranges: readonly Range[]): Promise<Buffer[]> {
    if (ranges.length === 0) return []
    const hashes = await this.#nodes(ranges.flatMap((range) => perfectNodes(range)))
    return ranges.map((range) => rangeHash(range, (level, index) => hashes.get(key(level, index))))
  }

  /** The stored hashes of `nodes` by `level:index`. */
  #nodes(nodes: readonly NodeId[]): Promise<Map<string, Uint8Array>> {
    return readNodeHashes(this.#db, nodes)
  }

  /** The leaf an event was sealed as, if it was. `eventId` must be a UUID. */
  async leafByEventId(eventId: string): Promise<StoredLeaf | undefined> {
    const rows = await this.#rows<LeafRow>(
      sql`SELECT ${LEAF_COLUMNS} FROM audit_log_leaves WHERE event_id = ${eventId}::uuid`,
    )
    return rows[0] && toLeaf(rows[0])
  }

  /** Leaves `start` … `start + limit - 1`, none at or past `treeSize`, in leaf order. */
  async leaves(start: number, limit: number, treeSize: number): Promise<StoredLeaf[]> {
    const end = Math.min(start + limit, treeSize)
    if (end <= start) return []
    const rows = await this.#rows<LeafRow>(sql`
      SELECT ${LEAF_COLUMNS} FROM audit_log_leaves
      WHERE leaf_index >= ${String(start)}::bigint AND leaf_index < ${String(end)}::bigint
      ORDER BY audit_log_leaves.leaf_index`)
    return rows.map(toLeaf)
  }

  /**
   * The leaves below `treeSize` of a correlation id, or whose event's timestamp lies in
   * [since, until), in leaf order. They are found by the values copied when sealing, so the leaves
   * of deleted events are found too.
   */
  async leavesOf(selection: LeafSelection, treeSize: number): Promise<StoredLeaf[]> {
    const where =
      'correlationId' in selection
        ? sql`correlation_id = ${selection.correlationId}`
        : sql`event_timestamp >= ${selection.since.toISOString()}::timestamptz
              AND event_timestamp < ${selection.until.toISOString()}::timestamptz`
    const rows = await this.#rows<LeafRow>(sql`
      SELECT ${LEAF_COLUMNS} FROM audit_log_leaves
      WHERE ${where} AND leaf_index < ${String(treeSize)}::bigint
      ORDER BY audit_log_leaves.leaf_index`)
    return rows.map(toLeaf)
  }

  /** The monthly partitions the retention job dropped, oldest month first. */
  async removals(): Promise<RetentionRemoval[]> {
    const rows = await this.#rows<{ month: string; removed_at: string }>(sql`
      SELECT to_char(partition_month, 'YYYY-MM-DD') AS month,
             to_char(removed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS removed_at
      FROM audit_retention_removals ORDER BY partition_month`)
    return rows.map((r) => ({ month: r.month, removedAt: new Date(r.removed_at) }))
  }
}
