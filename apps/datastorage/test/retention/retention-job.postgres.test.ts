import { randomUUID } from 'node:crypto'
import type { AuditEventWithId, EventDataByType } from '@audit-trail/datastorage-client'
import { Registry } from 'prom-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { monthOf, partitionNameOf } from '../../src/db/partitions.js'
import { LegalHoldStore } from '../../src/integrity/legal-holds.js'
import { verifySelection } from '../../src/integrity/verify.js'
import { LogReader } from '../../src/log/log-reader.js'
import { createLogger } from '../../src/logger.js'
import {
  type PartitionDecision,
  RETENTION_LOCK_KEY,
  type RetentionOptions,
  runRetention,
} from '../../src/retention/retention-job.js'
import { createRetentionMetrics } from '../../src/retention/retention-metrics.js'
import type { SelfAudit } from '../../src/self-audit/self-audit.js'
import { eventAt, type LogDatabase, openLogDatabase } from '../integrity/log-database.js'
import { logCapture } from '../support/app.js'

type Dropped = EventDataByType['datastorage.retention.partition_dropped']

let log: LogDatabase
let options: RetentionOptions
const dropped: Dropped[] = []
const registry = new Registry()
const capture = logCapture()
const run = randomUUID().slice(0, 8)
const now = new Date()

/** The 10th of the month `back` months before the current one, noon UTC. */
const monthsAgo = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 10, 12))
const partitionOf = (back: number) => partitionNameOf(monthOf(monthsAgo(back)))

/** Each case lives in its own month. */
const expired = Array.from({ length: 3 }, (_, i) =>
  eventAt(`ret-${run}-expired`, monthsAgo(3), { retention_days: 1, event_action: `a${i}` }),
)
const held = Array.from({ length: 2 }, () => eventAt(`ret-${run}-held`, monthsAgo(4), { retention_days: 1 }))
const heldNeighbour = eventAt(`ret-${run}-neighbour`, monthsAgo(4), { retention_days: 1 })
const kept = [
  eventAt(`ret-${run}-kept`, monthsAgo(5), { retention_days: 30 }),
  eventAt(`ret-${run}-kept`, monthsAgo(5), { retention_days: 2555 }),
]
const unsealed = [eventAt(`ret-${run}-unsealed`, monthsAgo(6), { retention_days: 1 })]
const current = [eventAt(`ret-${run}-current`, new Date(now.getTime() - 1000), { retention_days: 1 })]

const decisionOf = (decisions: PartitionDecision[], back: number) =>
  decisions.find((d) => d.partition === partitionOf(back))
const exists = async (name: string) =>
  (await log.sql<Array<{ present: boolean }>>`SELECT to_regclass(${name}) IS NOT NULL AS present`)[0]!.present

beforeAll(async () => {
  log = await openLogDatabase('audit_retention')
  options = {
    db: log.database.db,
    logger: createLogger({ level: 'debug', destination: capture.stream }),
    transparencyLog: true,
    selfAudit: { retentionPartitionDropped: (data: Dropped) => dropped.push(data) } as unknown as SelfAudit,
    metrics: createRetentionMetrics(registry),
    partitions: log.partitions,
  }
  await log.insert([...expired, ...held, heldNeighbour, ...kept, ...current])
  await log.checkpoint()
  // Stored after the last seal: still pending when the job looks.
  await log.insert(unsealed)
  // An empty past month.
  await log.partitions.ensureMonths([monthOf(monthsAgo(7))])
  await new LegalHoldStore(log.database.db).place({
    correlationId: `ret-${run}-held`,
    reason: 'litigation',
    placedBy: 'test',
  })
})

afterAll(async () => {
  await log?.close()
})

describe('the retention job', () => {
  it('a dry run drops nothing and says what it would drop', async () => {
    const result = await runRetention(options, { dryRun: true })
    expect(result.ran).toBe(true)
    expect(decisionOf(result.partitions, 3)).toMatchObject({ action: 'would_drop', events: 3 })
    expect(await exists(partitionOf(3))).toBe(true)
    expect(dropped).toEqual([])
  })

  it('drops the expired, sealed, unheld month and keeps every other one, saying why', async () => {
    const leavesBefore = Number((await log.sql`SELECT count(*) AS n FROM audit_log_leaves`)[0]!.n)
    const result = await runRetention(options)
    expect(result.ran).toBe(true)
    const byMonth = (back: number) => decisionOf(result.partitions, back)
    expect(byMonth(3)).toMatchObject({ action: 'dropped', events: 3 })
    expect(byMonth(4)).toMatchObject({
      action: 'skipped',
      reason: 'legal_hold',
      heldCorrelationIds: [`ret-${run}-held`],
    })
    expect(byMonth(5)).toMatchObject({ action: 'skipped', reason: 'retention', events: 2 })
    expect(byMonth(6)).toMatchObject({ action: 'skipped', reason: 'unsealed', events: 1 })
    expect(byMonth(7)).toMatchObject({ action: 'skipped', reason: 'empty', events: 0 })
    expect(byMonth(0)).toMatchObject({ action: 'skipped', reason: 'current_or_future' })
    expect(result.partitions.filter((d) => d.action === 'dropped')).toHaveLength(1)

    expect(await exists(partitionOf(3))).toBe(false)
    for (const back of [0, 4, 5, 6, 7]) expect(await exists(partitionOf(back))).toBe(true)
    const [removal] =
      await log.sql`SELECT partition_name, events, to_char(partition_month, 'YYYY-MM') AS month FROM audit_retention_removals`
    expect(removal).toEqual({ partition_name: partitionOf(3), events: 3, month: monthOf(monthsAgo(3)) })
    // The leaves stay.
    expect(Number((await log.sql`SELECT count(*) AS n FROM audit_log_leaves`)[0]!.n)).toBe(leavesBefore)

    expect(dropped).toEqual([
      {
        partition: partitionOf(3),
        month: monthOf(monthsAgo(3)),
        events: 3,
        oldest_expiry: `${new Date(monthsAgo(3).getTime() + 86_400_000).toISOString().slice(0, 10)}T00:00:00.000Z`,
      },
    ])
    const text = await registry.metrics()
    expect(text).toMatch(/^audit_retention_partitions_dropped_total 1$/m)
    expect(text).toMatch(/^audit_retention_events_dropped_total 3$/m)
    expect(text).toMatch(/^audit_retention_last_run_timestamp_seconds \d+/m)
    const lines = capture.lines()
    expect(
      lines.some((l) => l.level === 30 && String(l.msg).includes(`dropped partition ${partitionOf(3)}`)),
    ).toBe(true)
    expect(
      lines.some(
        (l) => l.level === 20 && String(l.msg).includes(`kept partition ${partitionOf(4)} (legal_hold)`),
      ),
    ).toBe(true)
  })

  it('verification lists the dropped events as removed, and stays valid', async () => {
    const reader = new LogReader(log.database.db)
    const result = await verifySelection(log.database.db, reader, { correlationId: `ret-${run}-expired` })
    expect(result.failures).toEqual([])
    expect(result.removed.map((r) => r.eventId).sort()).toEqual(expired.map((e) => e.event_id).sort())
    const removedAt = result.removed[0]!.removedAt
    expect(Date.now() - removedAt.getTime()).toBeLessThan(60_000)
    expect(result.checked).toBe(3)
  })

  it('does nothing while another replica holds the retention lock', async () => {
    const other = await log.sql.reserve()
    try {
      await other`SELECT pg_advisory_lock(${RETENTION_LOCK_KEY})`
      const result = await runRetention(options)
      expect(result).toEqual({ ran: false, partitions: [] })
    } finally {
      await other`SELECT pg_advisory_unlock(${RETENTION_LOCK_KEY})`
      other.release()
    }
  })

  it('keeps the held month until the hold is released, then drops it', async () => {
    const holds = new LegalHoldStore(log.database.db)
    expect(decisionOf((await runRetention(options)).partitions, 4)).toMatchObject({ reason: 'legal_hold' })
    const [hold] = await holds.list({ status: 'active', correlationId: `ret-${run}-held` })
    await holds.release(hold!.id, { releasedBy: 'test', reason: null })
    const result = await runRetention(options)
    expect(decisionOf(result.partitions, 4)).toMatchObject({ action: 'dropped', events: 3 })
    expect(await exists(partitionOf(4))).toBe(false)
    const verified = await verifySelection(log.database.db, new LogReader(log.database.db), {
      correlationId: heldNeighbour.correlation_id,
    })
    expect(verified).toMatchObject({ failures: [], checked: 1 })
    expect(verified.removed.map((r) => r.eventId)).toEqual([heldNeighbour.event_id])
  })

  it('drops the unsealed month once it is sealed, never the current month', async () => {
    await log.sealAll()
    const result = await runRetention(options)
    expect(decisionOf(result.partitions, 6)).toMatchObject({ action: 'dropped', events: 1 })
    expect(decisionOf(result.partitions, 0)).toMatchObject({ reason: 'current_or_future' })
    expect(await exists(partitionOf(0))).toBe(true)
    // A later write into a dropped month makes its partition again; the store is not stuck.
    const late: AuditEventWithId = eventAt(`ret-${run}-late`, monthsAgo(3), { retention_days: 1 })
    await log.insert([late])
    expect(await exists(partitionOf(3))).toBe(true)
    await log.sealAll()
    // The month's one removal record stays as it was: the new partition is kept.
    expect(decisionOf((await runRetention(options)).partitions, 3)).toMatchObject({
      reason: 'already_removed',
    })
  })

  it('with the log off, an event without a leaf does not keep its month', async () => {
    const noLog = eventAt(`ret-${run}-nolog`, monthsAgo(8), { retention_days: 1 })
    // Written behind the service's back: no pending row, never sealed.
    await log.partitions.ensureMonths([monthOf(monthsAgo(8))])
    await log.tamper(
      (sql) => sql`
        INSERT INTO audit_events (event_id, event_date, version, event_type, event_timestamp, event_category,
          event_action, event_outcome, correlation_id, event_data, retention_days)
        VALUES (${noLog.event_id}::uuid, ${noLog.event_timestamp.slice(0, 10)}::date, '1.0', ${noLog.event_type},
          ${noLog.event_timestamp}::timestamptz, 'gateway', 'received', 'success', ${noLog.correlation_id},
          '{}'::jsonb, 1)`,
    )
    expect(decisionOf((await runRetention(options)).partitions, 8)).toMatchObject({ reason: 'unsealed' })
    const result = await runRetention({ ...options, transparencyLog: false })
    expect(decisionOf(result.partitions, 8)).toMatchObject({ action: 'dropped', events: 1 })
  })
})
