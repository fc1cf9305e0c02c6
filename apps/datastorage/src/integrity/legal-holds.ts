import { uuidv7 } from '@audit-trail/datastorage-client'
import { type SQL, sql } from 'drizzle-orm'
import { type Database, rowsOf } from '../db/client.js'
import { DataStorageError } from '../errors.js'

/** A legal hold as stored in `audit_legal_holds`, with the events its correlation id has now. */
export interface LegalHoldRecord {
  id: string
  correlationId: string
  reason: string
  placedBy: string
  /** RFC 3339 UTC with milliseconds, as PostgreSQL stored it. */
  placedAt: string
  releasedBy: string | null
  releasedAt: string | null
  releaseReason: string | null
  /** Events of the correlation id stored now (dropped ones are not counted). */
  eventsAffected: number
}

/** Which holds {@link LegalHoldStore.list} returns. */
export type LegalHoldStatus = 'active' | 'released' | 'all'

/** No legal hold has this id. */
export class LegalHoldNotFoundError extends DataStorageError {
  override readonly name = 'LegalHoldNotFoundError'
  constructor(readonly holdId: string) {
    super('LEGAL_HOLD_NOT_FOUND', `no legal hold with id ${holdId}`)
  }
}

/** The hold was released before: a hold is released once, and stays listed as it was released. */
export class LegalHoldAlreadyReleasedError extends DataStorageError {
  override readonly name = 'LegalHoldAlreadyReleasedError'
  constructor(
    readonly holdId: string,
    readonly releasedAt: string,
  ) {
    super('LEGAL_HOLD_ALREADY_RELEASED', `legal hold ${holdId} was released at ${releasedAt}`)
  }
}

const utcMs = (column: string) =>
  sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)

/** The columns every query returns, in the row shape {@link toRecord} reads. */
const HOLD_COLUMNS = sql`id::text AS id, correlation_id, reason, placed_by, ${utcMs('placed_at')} AS placed_at,
  released_by, ${utcMs('released_at')} AS released_at, release_reason`

interface HoldRow {
  id: string
  correlation_id: string
  reason: string
  placed_by: string
  placed_at: string
  released_by: string | null
  released_at: string | null
  release_reason: string | null
}

function toRecord(row: HoldRow, counts: ReadonlyMap<string, number>): LegalHoldRecord {
  return {
    id: row.id,
    correlationId: row.correlation_id,
    reason: row.reason,
    placedBy: row.placed_by,
    placedAt: row.placed_at,
    releasedBy: row.released_by,
    releasedAt: row.released_at,
    releaseReason: row.release_reason,
    eventsAffected: counts.get(row.correlation_id) ?? 0,
  }
}

/**
 * Legal holds (`audit_legal_holds`, migration 0008): while a hold on a correlation id is active,
 * the retention job drops no partition holding one of its events. A hold is never deleted; its one
 * change is its release, once (the table's trigger refuses anything else, so a release racing
 * another finds the row released and reports it as such).
 */
export class LegalHoldStore {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  async #rows(query: SQL): Promise<HoldRow[]> {
    return rowsOf<HoldRow>(await this.#db.execute(query))
  }

  /** Events stored now per correlation id (one grouped query over the correlation id index). */
  async eventCounts(correlationIds: Iterable<string>): Promise<Map<string, number>> {
    const ids = [...new Set(correlationIds)]
    if (ids.length === 0) return new Map()
    const rows = rowsOf<{ correlation_id: string; events: string | number }>(
      await this.#db.execute(sql`
        SELECT correlation_id, count(*) AS events FROM audit_events
        WHERE correlation_id = ANY(${sql.param(ids)}::text[])
        GROUP BY correlation_id`),
    )
    return new Map(rows.map((r) => [r.correlation_id, Number(r.events)]))
  }

  async #withCounts(rows: readonly HoldRow[]): Promise<LegalHoldRecord[]> {
    const counts = await this.eventCounts(rows.map((r) => r.correlation_id))
    return rows.map((row) => toRecord(row, counts))
  }

  /** Places a hold, active from now; its id is a UUIDv7 (time-ordered). */
  async place(hold: { correlationId: string; reason: string; placedBy: string }): Promise<LegalHoldRecord> {
    const rows = await this.#rows(sql`
      INSERT INTO audit_legal_holds (id, correlation_id, reason, placed_by)
      VALUES (${uuidv7()}::uuid, ${hold.correlationId}, ${hold.reason}, ${hold.placedBy})
      RETURNING ${HOLD_COLUMNS}`)
    const [record] = await this.#withCounts(rows)
    return record!
  }

  /** The hold of that id, or undefined. */
  async get(id: string): Promise<LegalHoldRecord | undefined> {
    const rows = await this.#rows(sql`SELECT ${HOLD_COLUMNS} FROM audit_legal_holds WHERE id = ${id}::uuid`)
    return (await this.#withCounts(rows))[0]
  }

  /** The holds of a status (and correlation id), active ones first, newest first. */
  async list(filter: {
    status: LegalHoldStatus
    correlationId?: string | undefined
  }): Promise<LegalHoldRecord[]> {
    const conditions: SQL[] = []
    if (filter.status === 'active') conditions.push(sql`released_at IS NULL`)
    if (filter.status === 'released') conditions.push(sql`released_at IS NOT NULL`)
    if (filter.correlationId !== undefined) conditions.push(sql`correlation_id = ${filter.correlationId}`)
    const where = conditions.length === 0 ? sql`` : sql`WHERE ${sql.join(conditions, sql` AND `)}`
    const rows = await this.#rows(sql`
      SELECT ${HOLD_COLUMNS} FROM audit_legal_holds ${where}
      ORDER BY (released_at IS NULL) DESC, placed_at DESC, id DESC`)
    return this.#withCounts(rows)
  }

  /**
   * Releases one hold.
   *
   * @throws LegalHoldNotFoundError for an unknown id; LegalHoldAlreadyReleasedError for a hold
   *   released before (by this call's racer too).
   */
  async release(
    id: string,
    release: { releasedBy: string; reason: string | null },
  ): Promise<LegalHoldRecord> {
    const rows = await this.#rows(sql`
      UPDATE audit_legal_holds
      SET released_by = ${release.releasedBy}, released_at = now(), release_reason = ${release.reason}
      WHERE id = ${id}::uuid AND released_at IS NULL
      RETURNING ${HOLD_COLUMNS}`)
    if (rows.length === 0) {
      const existing = await this.get(id)
      if (!existing) throw new LegalHoldNotFoundError(id)
      throw new LegalHoldAlreadyReleasedError(id, existing.releasedAt ?? '')
    }
    return (await this.#withCounts(rows))[0]!
  }

  /** Releases every active hold of a correlation id; returns them (none when it had none). */
  async releaseAll(
    correlationId: string,
    release: { releasedBy: string; reason: string | null },
  ): Promise<LegalHoldRecord[]> {
    const rows = await this.#rows(sql`
      UPDATE audit_legal_holds
      SET released_by = ${release.releasedBy}, released_at = now(), release_reason = ${release.reason}
      WHERE correlation_id = ${correlationId} AND released_at IS NULL
      RETURNING ${HOLD_COLUMNS}`)
    return this.#withCounts(rows)
  }
}
