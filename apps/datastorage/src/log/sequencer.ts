import { sql } from 'drizzle-orm'
import { DrizzleQueryError } from 'drizzle-orm/errors'
import type { Logger } from 'pino'
import type { Database, DatabaseHandle, DatabaseSession } from '../db/client.js'
import { rowsOf, SessionLostError } from '../db/client.js'
import { isConnectionError } from '../db/connection-errors.js'
import { backoffDelay } from '../dlq/backoff.js'
import { withTimeout } from '../dlq/with-timeout.js'
import { DataStorageError } from '../errors.js'
import type { TransparencyLogMetrics } from '../metrics/service-metrics.js'
import { checkpointIfGrown } from './checkpointer.js'
import { ConcurrentAppendError, countPending, type SealedBatch, sealBatch } from './seal-batch.js'
import type { SigningKey } from './signing-key.js'

/**
 * The session advisory lock the replicas elect their sequencer with: `pg_try_advisory_lock(int4,
 * int4)` on the keys 'audt' and 'log' in ASCII. Advisory locks are per database, so services on
 * different databases never contend.
 */
export const SEQUENCER_LOCK = { classId: 0x61756474, objId: 0x6c6f67 } as const

/** `application_name` of the sequencer's own connection, apart from the pool's in pg_stat_activity. */
export const SEQUENCER_APPLICATION_NAME = 'audit-trail-datastorage-sequencer'

/** Options of {@link startSequencer}. */
export interface SequencerOptions {
  database: Pick<DatabaseHandle, 'kind' | 'openSession'>
  key: SigningKey
  /** `LOG_ORIGIN`. */
  origin: string
  /** `SEQUENCER_BATCH_SIZE`: pending events sealed per transaction. */
  batchSize: number
  /** `SEQUENCER_INTERVAL_MS`: the wait after a batch that was not full. */
  intervalMs: number
  /** `CHECKPOINT_INTERVAL_MS`: the least time between two checkpoints. */
  checkpointIntervalMs: number
  logger: Logger
  metrics: TransparencyLogMetrics
  /** How often a replica that is not the leader tries to become it. [3000] */
  electionIntervalMs?: number
  /** First and largest wait after a failed round (doubling, with jitter). [500, 30000] */
  backoff?: { baseMs: number; maxMs: number }
  /** The most time {@link Sequencer.stop} spends sealing and checkpointing the last events. [5000] */
  stopTimeoutMs?: number
  /**
   * The most time one round (a batch, a checkpoint, an election) may take. postgres.js holds a
   * query while it reconnects, for as long as the server refuses, and a query on a connection the
   * server dropped may never settle: past this the round fails like any other, and closing its
   * session ends both. [30000]
   */
  roundTimeoutMs?: number
}

/** The leader lost its lock while it still had a session (its connection was replaced). */
export class LeadershipLostError extends DataStorageError {
  override readonly name = 'LeadershipLostError'
  constructor() {
    super('SEQUENCER_LEADERSHIP_LOST', 'the sequencer no longer holds the leader lock')
  }
}

/** A round did not finish within `roundTimeoutMs` (the database does not answer). */
export class RoundTimeoutError extends DataStorageError {
  override readonly name = 'RoundTimeoutError'
  constructor(ms: number) {
    super('SEQUENCER_ROUND_TIMEOUT', `a sequencer round took more than ${ms} ms`)
  }
}

/** A running sequencer; see {@link startSequencer}. */
export interface Sequencer {
  /** Whether this replica's sequencer is the leader now. */
  readonly leader: boolean
  /**
   * Stops the loop after its current round; as the leader, seals what is pending (a few batches at
   * most) and signs a checkpoint if the tree grew, within `stopTimeoutMs`; then closes its
   * connection, which frees the lock for another replica. Idempotent; never rejects.
   */
  stop(): Promise<void>
}

const errorOf = (error: unknown): unknown =>
  error instanceof DrizzleQueryError && error.cause ? error.cause : error

async function holdsLock(db: Database): Promise<boolean> {
  const [row] = rowsOf<{ held: boolean }>(
    await db.execute(sql`
      SELECT EXISTS (
        SELECT 1 FROM pg_locks
        WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted AND objsubid = 2
          AND classid = ${sql.raw(String(SEQUENCER_LOCK.classId))}
          AND objid = ${sql.raw(String(SEQUENCER_LOCK.objId))}
      ) AS held`),
  )
  return row?.held === true
}

/**
 * Starts the transparency log's sequencer (docs/integrity.md#sequencing) in the background. Among
 * the replicas of one database a single leader, elected with a session advisory lock on a
 * connection of its own, seals pending events in batches (each one transaction on that connection,
 * which also checks that it still holds the lock) and signs a checkpoint every
 * `checkpointIntervalMs` while the tree grew; the others try to take the lock every
 * `electionIntervalMs`. If the leader's connection dies its lock frees, its half-done batch rolls
 * back, and another replica takes over. PGlite is one process: it always leads.
 *
 * Failures (the database down, a query refused) are logged and retried with backoff; they never
 * reject or throw out of the loop, so the service keeps serving while its log waits.
 *
 * @example
 * const sequencer = startSequencer({ database, key, origin: 'audit-trail', batchSize: 5000, intervalMs: 200, checkpointIntervalMs: 10_000, logger, metrics: metrics.log })
 * await sequencer.stop()
 */
export function startSequencer(options: SequencerOptions): Sequencer {
  const {
    database,
    key,
    origin,
    batchSize,
    intervalMs,
    checkpointIntervalMs,
    logger,
    metrics,
    electionIntervalMs = 3000,
    backoff = { baseMs: 500, maxMs: 30_000 },
    stopTimeoutMs = 5000,
    roundTimeoutMs = 30_000,
  } = options
  const log = logger.child({ component: 'sequencer' })
  let session: DatabaseSession | undefined
  let leader = false
  let stopping = false
  let lastCheckpointAt = performance.now()
  let wake: (() => void) | undefined
  let timer: NodeJS.Timeout | undefined

  const setLeader = (value: boolean) => {
    if (value !== leader)
      log.info({ leader: value }, value ? 'sequencer elected leader' : 'sequencer is no longer the leader')
    leader = value
    metrics.leader.set(value ? 1 : 0)
  }

  // A leader that lost its session waits two election intervals before it tries again, so that a
  // replica already waiting (trying every interval) takes over instead of the same one flapping back.
  let retryElectionAt = 0
  const dropSession = async () => {
    const closing = session
    session = undefined
    if (leader) retryElectionAt = performance.now() + 2 * electionIntervalMs
    setLeader(false)
    await closing?.close()
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping) return resolve()
      wake = resolve
      timer = setTimeout(resolve, ms)
    }).finally(() => {
      clearTimeout(timer)
      wake = undefined
    })

  /** Opens a session if needed and tries the lock; PGlite is always elected. */
  const elect = async (): Promise<boolean> => {
    session ??= await database.openSession({ applicationName: SEQUENCER_APPLICATION_NAME })
    if (database.kind === 'pglite') {
      setLeader(true)
      return true
    }
    const current = session
    const [row] = rowsOf<{ locked: boolean }>(
      await current.db.execute(
        sql`SELECT pg_try_advisory_lock(${sql.raw(String(SEQUENCER_LOCK.classId))}, ${sql.raw(String(SEQUENCER_LOCK.objId))}) AS locked`,
      ),
    )
    // A round abandoned on timeout must not crown a session that was closed since.
    setLeader(row?.locked === true && session === current && !current.lost)
    return leader
  }

  const sealOnce = async (current: DatabaseSession): Promise<SealedBatch> => {
    const batch = await current.transaction(async (tx) => {
      if (database.kind === 'postgres' && !(await holdsLock(tx))) throw new LeadershipLostError()
      return sealBatch(tx, batchSize)
    })
    const now = Date.now()
    for (const storedAt of batch.storedAt) metrics.sealDelay.observe(Math.max(0, now - storedAt) / 1000)
    metrics.treeSize.set(batch.treeSize)
    if (batch.missing.length > 0) {
      log.error(
        { event_ids: batch.missing.slice(0, 20), count: batch.missing.length },
        'queued events have no stored row: they cannot be sealed and were dropped from the queue',
      )
    }
    if (batch.alreadySealed.length > 0) {
      log.warn({ count: batch.alreadySealed.length }, 'queued events already had a leaf: queue rows dropped')
    }
    if (batch.sealed > 0) log.debug({ sealed: batch.sealed, tree_size: batch.treeSize }, 'events sealed')
    return batch
  }

  const checkpoint = async (current: DatabaseSession) => {
    lastCheckpointAt = performance.now()
    const signed = await checkpointIfGrown(current.db, key, origin)
    if (!signed) return
    metrics.checkpoints.inc()
    log.info({ tree_size: signed.treeSize, root_hash: signed.rootHash.toString('hex') }, 'checkpoint signed')
  }

  /** One round; returns how long to wait before the next. */
  const round = async (): Promise<number> => {
    if (session?.lost) {
      log.warn('the sequencer lost its database connection')
      await dropSession()
    }
    if (!leader) {
      const wait = retryElectionAt - performance.now()
      if (wait > 0 && database.kind === 'postgres') return wait
      if (!(await elect())) return electionIntervalMs
    }
    const current = session!
    const batch = await sealOnce(current)
    if (batch.taken < batchSize) metrics.pending.set(0)
    else metrics.pending.set(await countPending(current.db))
    if (performance.now() - lastCheckpointAt >= checkpointIntervalMs) await checkpoint(current)
    return batch.taken >= batchSize ? 0 : intervalMs
  }

  const boundedRound = (): Promise<number> => {
    let timer: NodeJS.Timeout | undefined
    const pending = round()
    pending.catch(() => {})
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RoundTimeoutError(roundTimeoutMs)), roundTimeoutMs)
    })
    return Promise.race([pending, timeout]).finally(() => clearTimeout(timer))
  }

  const run = async () => {
    let failures = 0
    while (!stopping) {
      let waitMs: number
      try {
        waitMs = await boundedRound()
        failures = 0
      } catch (caught) {
        failures++
        waitMs = backoffDelay(failures, backoff)
        const error = errorOf(caught)
        const expected =
          isConnectionError(error) ||
          error instanceof LeadershipLostError ||
          error instanceof SessionLostError ||
          error instanceof ConcurrentAppendError ||
          error instanceof RoundTimeoutError
        const level = expected ? 'warn' : 'error'
        log[level]({ err: error, retry_in_ms: waitMs, failures }, 'sequencer round failed; retrying')
        // Whatever the session held may be gone: start over with a fresh connection and election.
        await dropSession().catch(() => {})
      }
      if (waitMs > 0) await sleep(waitMs)
      else await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }

  const loop = run()
  let stopped: Promise<void> | undefined

  const finish = async () => {
    stopping = true
    wake?.()
    await loop
    const current = session
    if (!leader || !current || current.lost) return
    // Events stored during the drain are sealed, and signed, before the process goes.
    for (let i = 0; i < 10; i++) {
      const batch = await sealOnce(current)
      if (batch.taken < batchSize) break
    }
    await checkpoint(current)
  }

  return {
    get leader() {
      return leader
    },
    stop() {
      stopped ??= withTimeout(
        finish(),
        stopTimeoutMs,
        `the sequencer did not finish within ${stopTimeoutMs} ms`,
      )
        .catch((error) => log.warn({ err: errorOf(error) }, 'sequencer: the last seal or checkpoint failed'))
        .finally(() => dropSession().catch(() => {}))
      return stopped
    },
  }
}
