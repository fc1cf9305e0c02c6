import { eventLeafHash, toHex, verifyCheckpoint } from '@audit-trail/merkle'
import { waitFor } from '@audit-trail/test-infra'
import { sql } from 'drizzle-orm'
import type { Gauge, Histogram } from 'prom-client'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { rowsOf } from '../../src/db/client.js'
import { checkpointBody } from '../../src/log/log-reader.js'
import { countPending, readTree } from '../../src/log/seal-batch.js'
import { SEQUENCER_LOCK } from '../../src/log/sequencer.js'
import {
  type SequencerThread,
  type SequencerThreadOptions,
  startSequencerThread,
} from '../../src/log/sequencer-thread.js'
import { createLogger } from '../../src/logger.js'
import { createMetrics, type TransparencyLogMetrics } from '../../src/metrics/service-metrics.js'
import { logCapture } from '../support/app.js'
import { RECORDED_BY, uniqueCorrelationId } from '../support/events.js'
import { type LogFixture, logEvents, openLogFixture } from './support.js'

const gaugeValue = async (gauge: Gauge) => (await gauge.get()).values[0]?.value
const observations = async (histogram: Histogram) =>
  (await histogram.get()).values.find((v) => v.metricName?.endsWith('_count'))?.value ?? 0

describe('the sequencer in a worker thread, on PostgreSQL', () => {
  let log: LogFixture
  const running: SequencerThread[] = []
  beforeAll(async () => {
    log = await openLogFixture('postgres')
  }, 60_000)
  afterEach(async () => {
    for (const sequencer of running.splice(0)) await sequencer.stop()
  })
  afterAll(async () => {
    await log?.close()
  })

  const treeSize = async () => (await readTree(log.database.db, { forUpdate: false })).size
  const sealedSize = (size: number) =>
    waitFor(`a tree of ${size} leaves`, async () => (await treeSize()) === size)
  const insert = async (count: number, label: string) => {
    const events = logEvents(count, uniqueCorrelationId(label))
    for (let i = 0; i < events.length; i += 7) await log.store.insert(events.slice(i, i + 7), RECORDED_BY)
    return events
  }
  const lockHolders = async () =>
    rowsOf<{ pid: number }>(
      await log.database.db.execute(sql`
        SELECT l.pid FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
          AND l.classid = ${sql.raw(String(SEQUENCER_LOCK.classId))}
          AND l.objid = ${sql.raw(String(SEQUENCER_LOCK.objId))}
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`),
    ).length

  /** A threaded sequencer on the fixture's database with fast intervals; its log lines captured. */
  function thread(overrides: Partial<SequencerThreadOptions> = {}) {
    const capture = logCapture()
    const metrics = createMetrics({ defaultMetrics: false }).log
    const sequencer = startSequencerThread({
      database: { url: log.pg!.url, maxConnections: 2, connectTimeoutSeconds: 2 },
      key: log.key,
      origin: 'audit-trail-test',
      batchSize: 50,
      intervalMs: 10,
      checkpointIntervalMs: 50,
      logger: createLogger({ level: 'debug', destination: capture.stream, format: 'json' }),
      metrics,
      electionIntervalMs: 50,
      backoff: { baseMs: 20, maxMs: 200 },
      roundTimeoutMs: 2000,
      restartBackoff: { baseMs: 50, maxMs: 200 },
      ...overrides,
    })
    running.push(sequencer)
    const logs = () => capture.lines()
    return { sequencer, metrics: (overrides.metrics ?? metrics) as TransparencyLogMetrics, logs }
  }

  it('seals committed events with the reference leaf hashes, signs with the given key, and forwards its metrics and logs', async () => {
    const before = await treeSize()
    const { sequencer, metrics, logs } = thread()
    await waitFor('the worker to lead', () => sequencer.leader)
    const events = await insert(120, 'thread')
    await sealedSize(before + 120)
    const checkpoint = await waitFor('a checkpoint of every event', async () => {
      const latest = await log.reader.latestCheckpoint()
      return latest?.treeSize === before + 120 ? latest : false
    })
    expect(verifyCheckpoint(checkpointBody(checkpoint), log.key.publicKey)).toBe(true)
    expect(checkpoint.keyId).toBe(log.key.keyId)
    for (const event of events) {
      const leaf = (await log.reader.leafByEventId(event.event_id))!
      expect(toHex(leaf.leafHash)).toBe(toHex(eventLeafHash(await log.store.get(event.event_id))))
    }

    await waitFor('the metrics of the last round', async () => {
      expect(await gaugeValue(metrics.treeSize)).toBe(before + 120)
      expect(await observations(metrics.sealDelay)).toBe(120)
      expect(await gaugeValue(metrics.pending)).toBe(0)
      expect(await gaugeValue(metrics.leader)).toBe(1)
      expect(await gaugeValue(metrics.checkpoints as unknown as Gauge)).toBeGreaterThanOrEqual(1)
      return true
    })
    const elected = logs().find((line) => line['msg'] === 'sequencer elected leader')
    expect(elected).toMatchObject({ level: 30, component: 'sequencer', thread: 'worker', leader: true })
    expect(
      logs().some((line) => line['msg'] === 'checkpoint signed' && line['component'] === 'sequencer'),
    ).toBe(true)

    await sequencer.stop()
    expect(sequencer.leader).toBe(false)
    expect(await gaugeValue(metrics.leader)).toBe(0)
    expect(await lockHolders()).toBe(0)
  })

  it('stop() seals what is pending and signs a final checkpoint; it is idempotent', async () => {
    const before = await treeSize()
    const metrics = createMetrics({ defaultMetrics: false }).log
    const treeSizeSet = vi.spyOn(metrics.treeSize, 'set')
    // After its first batch the worker sleeps for a minute and would not sign for an hour.
    const { sequencer } = thread({ metrics, intervalMs: 60_000, checkpointIntervalMs: 3_600_000 })
    await waitFor('the first round', () => sequencer.leader && treeSizeSet.mock.calls.length > 0)
    await insert(37, 'thread-stop')
    expect(await countPending(log.database.db)).toBe(37)
    expect(await treeSize()).toBe(before)

    const stopping = sequencer.stop()
    expect(sequencer.stop()).toBe(stopping)
    await stopping
    expect(await treeSize()).toBe(before + 37)
    expect(await countPending(log.database.db)).toBe(0)
    const checkpoint = (await log.reader.latestCheckpoint())!
    expect(checkpoint.treeSize).toBe(before + 37)
    expect(verifyCheckpoint(checkpointBody(checkpoint), log.key.publicKey)).toBe(true)
    expect(sequencer.leader).toBe(false)
    expect(await lockHolders()).toBe(0)
    await sequencer.stop()
  })

  it('elects one leader among two threaded sequencers; when it stops the other takes over', async () => {
    const before = await treeSize()
    const a = thread()
    const b = thread()
    await waitFor(
      'one leader',
      async () => a.sequencer.leader !== b.sequencer.leader && (await lockHolders()) === 1,
    )
    // Several election intervals later there is still exactly one.
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 60))
      expect(Number(a.sequencer.leader) + Number(b.sequencer.leader)).toBe(1)
      expect(await lockHolders()).toBe(1)
    }
    await insert(50, 'thread-two')
    await sealedSize(before + 50)
    const [leader, other] = a.sequencer.leader ? [a, b] : [b, a]
    await leader.sequencer.stop()
    await waitFor('the other to take over', () => other.sequencer.leader)
    await insert(10, 'thread-two-after')
    await sealedSize(before + 60)
    expect(await countPending(log.database.db)).toBe(0)
  })

  it('starts another worker after one crashed (logged at error), which leads and seals', async () => {
    const before = await treeSize()
    const { sequencer, logs } = thread({
      entry: new URL('./crash-once-sequencer-worker.ts', import.meta.url),
    })
    await waitFor('a restart', () => sequencer.restarts === 1)
    const crashed = logs().find((line) => line['msg'] === 'the sequencer worker crashed')
    expect(crashed).toMatchObject({ level: 50, component: 'sequencer', thread: 'worker' })
    expect((crashed!['err'] as { message: string }).message).toBe(
      'injected crash of the first sequencer worker',
    )
    expect(
      logs().find((line) => line['msg'] === 'the sequencer worker exited; starting another'),
    ).toMatchObject({
      level: 50,
      exit_code: 1,
      failures: 1,
    })
    await waitFor('the new worker to lead', () => sequencer.leader)
    await insert(20, 'thread-crash')
    await sealedSize(before + 20)
    await sequencer.stop()
    expect(sequencer.restarts).toBe(1)
    expect(await lockHolders()).toBe(0)
  })

  it('terminates a worker that does not exit within stopTimeoutMs and a margin, and logs it', async () => {
    const { sequencer, logs } = thread({
      entry: new URL('./deaf-sequencer-worker.ts', import.meta.url),
      stopTimeoutMs: 300,
      exitMarginMs: 200,
    })
    const started = performance.now()
    await sequencer.stop()
    const took = performance.now() - started
    expect(took).toBeGreaterThanOrEqual(490)
    expect(took).toBeLessThan(5000)
    expect(logs().find((line) => String(line['msg']).includes('did not exit within 500 ms'))).toMatchObject({
      level: 50,
      wait_ms: 500,
    })
    expect(sequencer.restarts).toBe(0)
  })
})
