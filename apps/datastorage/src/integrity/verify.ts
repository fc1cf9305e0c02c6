import { toHex, verifyInclusion } from '@audit-trail/merkle'
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm'
import { type Database, rowsOf } from '../db/client.js'
import { auditEvents } from '../db/schema.js'
import { DataStorageError } from '../errors.js'
import { eventLeafHashOfRow } from '../log/leaf-hash.js'
import type { LogReader, StoredCheckpoint, StoredLeaf } from '../log/log-reader.js'
import { EVENT_SELECTION, type SelectedEventRow, toRfc3339 } from '../store/audit-event-row.js'
import { inclusionProofsOf } from './proof-batch.js'

/** What to verify: the events of a correlation id, or of a window of event_timestamp [since, until). */
export type VerifySelection = { correlationId: string } | { since: Date; until: Date }

/** Why an event or leaf failed (the contract's `VerifyFailure.reason`). */
export type VerifyReason = 'altered' | 'missing' | 'not_in_log' | 'leaf_mismatch'

/** One failure, with what the verify-chain shape of the replaced system reports besides. */
export interface VerifyFinding {
  eventId: string
  reason: VerifyReason
  detail: string
  leafIndex?: number
  /** The event's timestamp as the API writes it (from the event, else as sealed). */
  eventTimestamp?: string
  /** The leaf hash the event was sealed with, hex. */
  leafHash?: string
  /** The leaf hash recomputed from the stored event, hex. */
  eventHash?: string
}

/** What {@link verifySelection} found. */
export interface Verification {
  /** The checkpoint checked against. */
  checkpoint: StoredCheckpoint
  /** Events and leaves checked against the checkpoint. */
  checked: number
  /** Events stored after the checkpoint (pending, or sealed beyond its tree size). */
  unsealed: number
  /** Events of the selection the retention job dropped, with when. */
  removed: Array<{ eventId: string; removedAt: Date }>
  /** In leaf order, then events without a leaf by timestamp. */
  failures: VerifyFinding[]
  /** Stored events that hash to their leaf, which proves into the checkpoint's root. */
  verified: number
  /** Events of the selection found stored. */
  events: number
}

/** There is no signed checkpoint yet: nothing can be verified (404 `no-checkpoint`). */
export class NoCheckpointError extends DataStorageError {
  override readonly name = 'NoCheckpointError'
  constructor() {
    super(
      'NO_CHECKPOINT',
      'The log has no signed checkpoint yet; nothing can be verified before the first one.',
    )
  }
}

/** Leaves asked for without a cut: the ones past the checkpoint count as unsealed, not as absent. */
const EVERY_LEAF = Number.MAX_SAFE_INTEGER

/** The selection's events as the API returns them (the store's row selection), by event id. */
async function eventsOf(db: Database, selection: VerifySelection): Promise<SelectedEventRow[]> {
  const t = auditEvents
  let where: SQL | undefined
  if ('correlationId' in selection) {
    where = eq(t.correlationId, selection.correlationId)
  } else {
    const since = selection.since.toISOString()
    const until = selection.until.toISOString()
    // Repeated on event_date, the partition key, so PostgreSQL reads only the window's partitions.
    where = and(
      gte(t.eventTimestamp, sql`${since}::timestamptz`),
      lt(t.eventTimestamp, sql`${until}::timestamptz`),
      gte(t.eventDate, sql`${since.slice(0, 10)}::date`),
      sql`${t.eventDate} <= ${until.slice(0, 10)}::date`,
    )
  }
  return (await db.select(EVENT_SELECTION).from(t).where(where)) as SelectedEventRow[]
}

/** Of `eventIds`, those still waiting in audit_log_pending (stored, not sealed yet). */
async function pendingOf(db: Database, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set()
  const rows = rowsOf<{ event_id: string }>(
    await db.execute(sql`
      SELECT DISTINCT event_id::text AS event_id FROM audit_log_pending
      WHERE event_id = ANY(${sql.param([...eventIds])}::text[]::uuid[])`),
  )
  return new Set(rows.map((r) => r.event_id))
}

const monthStart = (day: string): string => `${day.slice(0, 7)}-01`

/**
 * The server's own check of a selection of events against the newest signed checkpoint
 * (docs/integrity.md#what-verification-reports). Read in this order, so that an event sealed while
 * the check runs is never taken for one that was never logged: the checkpoint, the events, the
 * pending rows, then the leaves (an event not pending when read was sealed before, and its leaf is
 * visible to the later read).
 *
 * For each leaf of the selection below the checkpoint's size: its stored hash must prove into the
 * checkpoint's root (else `leaf_mismatch`, the log's tables were altered); its event, if stored,
 * must hash to it (else `altered`; a recomputed hash that proves while the stored one does not
 * means the leaf row was changed: `leaf_mismatch`); an event that is gone is `missing`, or listed in
 * `removed` when the retention job dropped its month. An event with no leaf is `unsealed` when
 * pending or stored after the checkpoint, else `not_in_log`.
 *
 * @throws NoCheckpointError before the first checkpoint.
 */
export async function verifySelection(
  db: Database,
  reader: LogReader,
  selection: VerifySelection,
): Promise<Verification> {
  const checkpoint = await reader.latestCheckpoint()
  if (!checkpoint) throw new NoCheckpointError()
  const { treeSize, rootHash } = checkpoint

  const rows = await eventsOf(db, selection)
  const events = new Map(rows.map((row) => [row.eventId, row]))
  const pending = await pendingOf(
    db,
    rows.map((r) => r.eventId),
  )
  const leaves = new Map<string, StoredLeaf>()
  for (const leaf of await reader.leavesOf(selection, EVERY_LEAF)) leaves.set(leaf.eventId, leaf)
  // An event of the selection whose leaf is not: its correlation id or timestamp was edited after
  // sealing. Found by id (rare: only for events that would otherwise count as never logged).
  for (const row of rows) {
    if (leaves.has(row.eventId) || pending.has(row.eventId)) continue
    const leaf = await reader.leafByEventId(row.eventId)
    if (leaf) leaves.set(leaf.eventId, leaf)
  }
  const removals = new Map((await reader.removals()).map((r) => [r.month, r.removedAt]))

  const sealed = [...leaves.values()]
    .filter((l) => l.leafIndex < treeSize)
    .sort((a, b) => a.leafIndex - b.leafIndex)
  const proofs = await inclusionProofsOf(
    db,
    sealed.map((l) => l.leafIndex),
    treeSize,
  )

  const failures: VerifyFinding[] = []
  const removed: Verification['removed'] = []
  let checked = 0
  let unsealed = 0
  let verified = 0

  for (const leaf of sealed) {
    checked += 1
    const row = events.get(leaf.eventId)
    const planned = proofs.get(leaf.leafIndex)!
    const base = {
      eventId: leaf.eventId,
      leafIndex: leaf.leafIndex,
      eventTimestamp: row ? toRfc3339(row.eventTimestamp) : leaf.eventTimestamp,
      leafHash: toHex(leaf.leafHash),
    }
    const proves = (hash: Uint8Array): boolean =>
      'proof' in planned &&
      verifyInclusion({ leafHash: hash, index: leaf.leafIndex, treeSize, proof: planned.proof, rootHash })
    const leafProves = proves(leaf.leafHash)
    const unprovable =
      'missing' in planned
        ? `its audit path needs the node at level ${planned.missing.level}, index ${planned.missing.index}, which the log's tables lack`
        : `its stored hash does not prove into the root of the checkpoint of tree size ${treeSize}`

    if (!row) {
      const removedAt = removals.get(monthStart(leaf.eventDate))
      if (removedAt) removed.push({ eventId: leaf.eventId, removedAt })
      else {
        failures.push({
          ...base,
          reason: 'missing',
          detail: `leaf ${leaf.leafIndex} is in the log but its event is no longer stored`,
        })
      }
      if (!leafProves)
        failures.push({ ...base, reason: 'leaf_mismatch', detail: `leaf ${leaf.leafIndex}: ${unprovable}` })
      continue
    }
    const eventHash = eventLeafHashOfRow(row)
    const withHash = { ...base, eventHash: toHex(eventHash) }
    if (eventHash.equals(leaf.leafHash)) {
      if (leafProves) verified += 1
      else {
        failures.push({
          ...withHash,
          reason: 'leaf_mismatch',
          detail: `leaf ${leaf.leafIndex}: ${unprovable}`,
        })
      }
    } else if (leafProves) {
      failures.push({
        ...withHash,
        reason: 'altered',
        detail: `the stored event no longer hashes to leaf ${leaf.leafIndex}, which it was sealed as`,
      })
    } else if (proves(eventHash)) {
      failures.push({
        ...withHash,
        reason: 'leaf_mismatch',
        detail: `leaf ${leaf.leafIndex} was changed in the log: the stored event proves into the checkpoint's root, its stored leaf hash does not`,
      })
    } else {
      failures.push({
        ...withHash,
        reason: 'altered',
        detail: `the stored event no longer hashes to leaf ${leaf.leafIndex}`,
      })
      failures.push({ ...withHash, reason: 'leaf_mismatch', detail: `leaf ${leaf.leafIndex}: ${unprovable}` })
    }
  }

  // Leaves sealed after the checkpoint: not checkable against it yet, but a leaf whose event is
  // already gone (and not by retention) is a deletion all the same.
  for (const leaf of leaves.values()) {
    if (leaf.leafIndex < treeSize) continue
    if (events.has(leaf.eventId)) unsealed += 1
    else {
      const removedAt = removals.get(monthStart(leaf.eventDate))
      if (removedAt) removed.push({ eventId: leaf.eventId, removedAt })
      else {
        failures.push({
          eventId: leaf.eventId,
          leafIndex: leaf.leafIndex,
          eventTimestamp: leaf.eventTimestamp,
          leafHash: toHex(leaf.leafHash),
          reason: 'missing',
          detail: `leaf ${leaf.leafIndex} (sealed after the checkpoint of tree size ${treeSize}) is in the log but its event is no longer stored`,
        })
      }
    }
  }

  const notLogged = rows
    .filter((row) => !leaves.has(row.eventId))
    .sort((a, b) => (a.eventTimestamp < b.eventTimestamp ? -1 : a.eventTimestamp > b.eventTimestamp ? 1 : 0))
  for (const row of notLogged) {
    if (pending.has(row.eventId) || new Date(row.storedAt).getTime() > checkpoint.signedAt.getTime()) {
      unsealed += 1
      continue
    }
    checked += 1
    failures.push({
      eventId: row.eventId,
      eventTimestamp: toRfc3339(row.eventTimestamp),
      eventHash: toHex(eventLeafHashOfRow(row)),
      reason: 'not_in_log',
      detail: `stored at ${toRfc3339(row.storedAt)}, before the checkpoint of ${checkpoint.signedAt.toISOString()}, yet it has no leaf and is not waiting to be sealed`,
    })
  }

  return { checkpoint, checked, unsealed, removed, failures, verified, events: rows.length }
}
