import { CompactRange, type NodeRef } from '@audit-trail/merkle'
import { sql } from 'drizzle-orm'
import { type Database, rowsOf } from '../db/client.js'
import { DataStorageError } from '../errors.js'
import { EVENT_SELECT_FROM, type SelectedEventRow } from '../store/audit-event-row.js'
import { eventLeafHashOfRow } from './leaf-hash.js'
import { textArray } from './text-array.js'

/** What one {@link sealBatch} did. */
export interface SealedBatch {
  /** Pending rows taken (sealed, or dropped from the queue as below). */
  taken: number
  /** Leaves appended. */
  sealed: number
  /** The tree's size after the batch. */
  treeSize: number
  /** `stored_at` of each sealed event (epoch ms), to measure the seal delay. */
  storedAt: number[]
  /** Queued events whose row is gone: nothing to seal; dropped from the queue. */
  missing: string[]
  /** Queued events that already have a leaf (a duplicate queue row): dropped from the queue. */
  alreadySealed: string[]
}

/** The log grew between reading its state and writing a batch (another appender): nothing written. */
export class ConcurrentAppendError extends DataStorageError {
  override readonly name = 'ConcurrentAppendError'
  constructor(size: number) {
    super(
      'LOG_CONCURRENT_APPEND',
      `the log is no longer ${size} leaves long: another sequencer appended; batch not written`,
    )
  }
}

interface StateRow {
  tree_size: string
  peaks: string
}

interface PendingRow {
  seq: string
  event_id: string
  event_date: string
}

/**
 * The log's tree as `audit_log_state` holds it (size and peaks). `forUpdate` locks the row until
 * the transaction ends: one batch at a time, in any replica, each seeing the queue as the previous
 * one left it.
 */
export async function readTree(db: Database, { forUpdate }: { forUpdate: boolean }): Promise<CompactRange> {
  const [state] = rowsOf<StateRow>(
    await db.execute(sql`
      SELECT tree_size::text AS tree_size,
        coalesce((SELECT string_agg(encode(p, 'hex'), ',' ORDER BY o)
                  FROM unnest(peaks) WITH ORDINALITY AS t(p, o)), '') AS peaks
      FROM audit_log_state WHERE id = 1 ${forUpdate ? sql`FOR UPDATE` : sql``}`),
  )
  if (!state) throw new Error('audit_log_state has no row: migration 0008 did not run')
  const peaks = state.peaks === '' ? [] : state.peaks.split(',').map((h) => Buffer.from(h, 'hex'))
  return new CompactRange({ size: Number(state.tree_size), peaks })
}

/** The events of the pending rows, by id; read by id and day, so only their partitions are read. */
async function readEvents(
  tx: Database,
  pending: readonly PendingRow[],
): Promise<Map<string, SelectedEventRow>> {
  const ids = pending.map((p) => p.event_id)
  const days = [...new Set(pending.map((p) => p.event_date))]
  // The store's pre-rendered select list: no select builder or row mapping for thousands of rows.
  const rows = rowsOf<SelectedEventRow>(
    await tx.execute(sql`${EVENT_SELECT_FROM}
      WHERE "audit_events"."event_id" = ANY(${plainArray(ids)}::text[]::uuid[])
        AND "audit_events"."event_date" = ANY(${plainArray(days)}::text[]::date[])`),
  )
  return new Map(rows.map((row) => [row.eventId.toLowerCase(), row]))
}

async function sealedAlready(tx: Database, ids: readonly string[]): Promise<Set<string>> {
  const rows = rowsOf<{ event_id: string }>(
    await tx.execute(sql`
      SELECT event_id::text AS event_id FROM audit_log_leaves
      WHERE event_id = ANY(${plainArray(ids)}::text[]::uuid[])`),
  )
  return new Set(rows.map((r) => r.event_id))
}

/**
 * An array literal of values that need no quoting: UUIDs, dates, decimal integers and hex digits
 * as PostgreSQL prints them (no comma, brace, quote, backslash or space, and never the word NULL).
 * {@link textArray} quotes and escapes every element, which costs a regex pass per value; the
 * sequencer's ids, indexes and hashes are thousands of such values per batch.
 */
function plainArray(values: readonly string[]): string {
  return `{${values.join(',')}}`
}

const hex = (hashes: readonly Buffer[]) => hashes.map((h) => h.toString('hex'))

/**
 * Seals up to `limit` pending events, oldest queue row first, inside the caller's transaction
 * `tx` (all or nothing: a failure or a lost connection rolls the whole batch back). It locks
 * `audit_log_state` first, so concurrent callers, even outside the leader election, append one
 * after the other and each sees the queue as the previous one left it; then it takes whatever is
 * committed in `audit_log_pending` (never a range of ids), hashes each event as the API returns
 * it, and in one statement appends the leaves, stores the perfect nodes they complete, advances
 * the state and empties those queue rows, only if the state still has the size it read (else
 * {@link ConcurrentAppendError}, nothing written). Leaves and nodes are written with `unnest` over
 * text arrays: one parameter per column whatever the batch size.
 *
 * @example
 * const batch = await session.transaction((tx) => sealBatch(tx, 5000))
 */
export async function sealBatch(tx: Database, limit: number): Promise<SealedBatch> {
  const tree = await readTree(tx, { forUpdate: true })
  const sizeBefore = tree.size
  const pending = rowsOf<PendingRow>(
    await tx.execute(sql`
      SELECT seq::text AS seq, event_id::text AS event_id, to_char(event_date, 'YYYY-MM-DD') AS event_date
      FROM audit_log_pending ORDER BY audit_log_pending.seq LIMIT ${String(limit)}::int`),
  )
  const result: SealedBatch = {
    taken: pending.length,
    sealed: 0,
    treeSize: tree.size,
    storedAt: [],
    missing: [],
    alreadySealed: [],
  }
  if (pending.length === 0) return result

  const [events, sealed] = await Promise.all([
    readEvents(tx, pending),
    sealedAlready(
      tx,
      pending.map((p) => p.event_id),
    ),
  ])
  const leaves = {
    index: [] as string[],
    id: [] as string[],
    date: [] as string[],
    correlation: [] as string[],
    timestamp: [] as string[],
    hash: [] as Buffer[],
  }
  const nodes: NodeRef[] = []
  const seen = new Set<string>()
  for (const { event_id: id } of pending) {
    const row = events.get(id)
    if (sealed.has(id) || seen.has(id)) {
      result.alreadySealed.push(id)
      continue
    }
    if (!row) {
      result.missing.push(id)
      continue
    }
    seen.add(id)
    const leafHash = eventLeafHashOfRow(row)
    const completed = tree.append(leafHash)
    leaves.index.push(String(tree.size - 1))
    leaves.id.push(id)
    leaves.date.push(row.eventDate)
    leaves.correlation.push(row.correlationId)
    leaves.timestamp.push(row.eventTimestamp)
    leaves.hash.push(leafHash)
    for (const node of completed) if (node.level > 0) nodes.push(node)
    result.storedAt.push(Date.parse(row.storedAt))
  }

  // One statement, a compare-and-set on the size read above: atomic even if the connection was
  // replaced since (it then runs outside the locked transaction), and a no-op if anything else
  // appended meanwhile.
  const [written] = rowsOf<{ updated: number }>(
    await tx.execute(sql`
      WITH state AS (
        UPDATE audit_log_state
        SET tree_size = ${String(tree.size)}::bigint,
            peaks = ARRAY(SELECT decode(h, 'hex') FROM unnest(${plainArray(hex(tree.peaks()))}::text[])
                          WITH ORDINALITY AS t(h, o) ORDER BY o)
        WHERE id = 1 AND tree_size = ${String(sizeBefore)}::bigint
        RETURNING 1
      ), leaves AS (
        INSERT INTO audit_log_leaves (leaf_index, event_id, event_date, correlation_id, event_timestamp, leaf_hash)
        SELECT u.i::bigint, u.e::uuid, u.d::date, u.c, u.t::timestamptz, decode(u.h, 'hex')
        FROM unnest(${plainArray(leaves.index)}::text[], ${plainArray(leaves.id)}::text[],
                    ${plainArray(leaves.date)}::text[], ${textArray(leaves.correlation)}::text[],
                    ${textArray(leaves.timestamp)}::text[], ${plainArray(hex(leaves.hash))}::text[])
          AS u(i, e, d, c, t, h)
        WHERE EXISTS (SELECT 1 FROM state)
      ), nodes AS (
        INSERT INTO audit_log_nodes (level, node_index, hash)
        SELECT u.l::smallint, u.i::bigint, decode(u.h, 'hex')
        FROM unnest(${plainArray(nodes.map((n) => String(n.level)))}::text[],
                    ${plainArray(nodes.map((n) => String(n.index)))}::text[],
                    ${plainArray(hex(nodes.map((n) => n.hash)))}::text[]) AS u(l, i, h)
        WHERE EXISTS (SELECT 1 FROM state)
      ), taken AS (
        DELETE FROM audit_log_pending
        WHERE seq = ANY(${plainArray(pending.map((p) => p.seq))}::text[]::bigint[]) AND EXISTS (SELECT 1 FROM state)
      )
      SELECT count(*)::int AS updated FROM state`),
  )
  if (Number(written?.updated) !== 1) throw new ConcurrentAppendError(sizeBefore)
  result.sealed = leaves.id.length
  result.treeSize = tree.size
  return result
}

/** Stored events not yet sealed. */
export async function countPending(db: Database): Promise<number> {
  const [row] = rowsOf<{ n: string }>(
    await db.execute(sql`SELECT count(*)::text AS n FROM audit_log_pending`),
  )
  return Number(row?.n ?? 0)
}
