import { sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import { Counter, Gauge, type Registry } from 'prom-client'
import { StoreUnavailableError } from '../errors.js'
import type { AuditEventStore } from '../store/audit-event-store.js'
import { type Database, rowsOf } from './client.js'

/** The reads a replica can serve: the events query and the read by id. */
export type EventReader = Pick<AuditEventStore, 'query' | 'get' | 'histogram'>

/** Which server a read asks for: `replica` may be behind the primary, `primary` sees every commit. */
export type ReadConsistency = 'replica' | 'primary'

/** How a service reads events: {@link ReadRouting.reader} picks the store for one request. */
export interface ReadRouting {
  /** The store that serves a read of the given consistency. */
  reader(consistency: ReadConsistency): EventReader
}

/** Reads without `READ_DATABASE_URL`: every read on the primary's store. */
export function primaryOnly(primary: EventReader): ReadRouting {
  return { reader: () => primary }
}

/** Why a read meant for the replica was served by the primary. */
export type FallbackReason = 'unreachable' | 'recovery_conflict'

/** Options of {@link routeReads}. */
export interface ReadReplicaOptions {
  /** The primary's store (the service's request store: writes, error counting). */
  primary: EventReader
  /** The store over the read pool (`openReadDatabase`). */
  replica: EventReader
  /** The read pool's database, for the lag metric. */
  replicaDb: Database
  /** Where the replica's metrics are registered (once per registry). */
  registry: Registry
  logger: Logger
  /**
   * After the replica was found unreachable, how long reads go straight to the primary before the
   * replica is tried again: without it every read would first wait out the connect timeout. [5000]
   */
  retryAfterMs?: number
  /** Clock, for tests. [Date.now] */
  now?: () => number
}

/** Longest a scrape waits for the replica's lag before reporting it unknown. */
const LAG_QUERY_TIMEOUT_MS = 1000

/**
 * SQLSTATE 40001 on a hot standby: PostgreSQL cancelled the query because WAL replay had to remove
 * rows it could still see (`max_standby_streaming_delay`). The primary answers the same read.
 */
const RECOVERY_CONFLICT = '40001'

function isRecoveryConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === RECOVERY_CONFLICT
}

/**
 * Replication lag as the replica sees it: 0 when it replayed everything it received (an idle
 * primary sends nothing, so "time since the last replayed commit" would grow without any lag),
 * else the age of the last transaction it replayed. 0 on a server that is not in recovery.
 */
export async function replicaLagSeconds(db: Database): Promise<number> {
  const [row] = rowsOf<{ lag: number | string | null }>(
    await db.execute(sql`SELECT CASE
      WHEN NOT pg_is_in_recovery() THEN 0
      WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
      ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
    END::float8 AS lag`),
  )
  return Math.max(0, Number(row?.lag ?? 0))
}

/** The replica's lag, or undefined when it does not answer within {@link LAG_QUERY_TIMEOUT_MS}. */
async function sampleLag(db: Database): Promise<number | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), LAG_QUERY_TIMEOUT_MS)
  })
  try {
    return await Promise.race([replicaLagSeconds(db), timeout])
  } catch {
    return undefined
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Reads routed to a streaming replica (`READ_DATABASE_URL`), with the primary behind it. A lagging
 * replica is normal and serves reads as it is (a caller that must see its own write sends
 * `Consistency: primary`); an unreachable one, or a query the standby cancelled for a recovery
 * conflict, is not a reason to fail an audit read the primary can answer: the read is served by
 * the primary, counted in `audit_read_replica_fallbacks_total{reason}` and logged once per outage,
 * and for `retryAfterMs` after an outage reads go straight to the primary.
 *
 * Metrics: `audit_read_replica_reads_total{served_by}`, `audit_read_replica_fallbacks_total{reason}`,
 * and on each scrape `audit_read_replica_up` and `audit_read_replica_lag_seconds` (NaN while the
 * replica does not answer).
 *
 * @example
 * const reads = routeReads({ primary: store.requests, replica: createAuditEventStore(readDatabase),
 *   replicaDb: readDatabase.db, registry: metrics.registry, logger })
 * const page = await reads.reader('replica').query(filter)
 */
export function routeReads(options: ReadReplicaOptions): ReadRouting {
  const { primary, replica, replicaDb, registry, logger, retryAfterMs = 5000, now = Date.now } = options
  const registers = [registry]
  const served = new Counter({
    name: 'audit_read_replica_reads_total',
    help: 'Event reads (query, get, histogram) by the server that answered them: replica or primary.',
    labelNames: ['served_by'] as const,
    registers,
  })
  const fallbacks = new Counter({
    name: 'audit_read_replica_fallbacks_total',
    help: 'Reads meant for the replica that the primary served: replica unreachable, or a query cancelled by a recovery conflict.',
    labelNames: ['reason'] as const,
    registers,
  })
  // One lag query per scrape for both gauges: prom-client collects a registry's metrics
  // concurrently, so the second collect joins the query the first started.
  let probing: Promise<number | undefined> | undefined
  const probe = () => {
    probing ??= sampleLag(replicaDb).finally(() => {
      probing = undefined
    })
    return probing
  }
  new Gauge({
    name: 'audit_read_replica_lag_seconds',
    help: 'Age of the last transaction the replica replayed while it has WAL left to replay; 0 when caught up; NaN while the replica does not answer.',
    registers,
    async collect() {
      const lag = await probe()
      // NaN, not 0, while unknown: a dead replica must not look caught up.
      this.set(lag ?? Number.NaN)
    },
  })
  new Gauge({
    name: 'audit_read_replica_up',
    help: '1 when the read replica answered the lag query of this scrape, else 0.',
    registers,
    async collect() {
      this.set((await probe()) === undefined ? 0 : 1)
    },
  })
  served.inc({ served_by: 'replica' }, 0)
  served.inc({ served_by: 'primary' }, 0)
  fallbacks.inc({ reason: 'unreachable' }, 0)
  fallbacks.inc({ reason: 'recovery_conflict' }, 0)

  let downUntil = 0

  async function read<T>(run: (store: EventReader) => Promise<T>): Promise<T> {
    if (now() < downUntil) {
      fallbacks.inc({ reason: 'unreachable' })
      served.inc({ served_by: 'primary' })
      return run(primary)
    }
    try {
      const result = await run(replica)
      if (downUntil !== 0) {
        downUntil = 0
        logger.info('read replica answers again: reads are served by it')
      }
      served.inc({ served_by: 'replica' })
      return result
    } catch (error) {
      let reason: FallbackReason
      if (error instanceof StoreUnavailableError) {
        reason = 'unreachable'
        if (downUntil === 0) {
          logger.warn(
            { err: error, retry_after_ms: retryAfterMs },
            'read replica unreachable: reads are served by the primary',
          )
        }
        downUntil = now() + retryAfterMs
      } else if (isRecoveryConflict(error)) {
        reason = 'recovery_conflict'
      } else {
        // The read itself is at fault (a bad cursor, a refused statement): the primary would refuse it too.
        throw error
      }
      fallbacks.inc({ reason })
      served.inc({ served_by: 'primary' })
      return run(primary)
    }
  }

  const viaReplica: EventReader = {
    query: (filter) => read((store) => store.query(filter)),
    get: (eventId) => read((store) => store.get(eventId)),
    histogram: (filter, intervalMs) => read((store) => store.histogram(filter, intervalMs)),
  }
  const viaPrimary: EventReader = {
    query: (filter) => {
      served.inc({ served_by: 'primary' })
      return primary.query(filter)
    },
    get: (eventId) => {
      served.inc({ served_by: 'primary' })
      return primary.get(eventId)
    },
    histogram: (filter, intervalMs) => {
      served.inc({ served_by: 'primary' })
      return primary.histogram(filter, intervalMs)
    },
  }
  return { reader: (consistency) => (consistency === 'primary' ? viaPrimary : viaReplica) }
}
