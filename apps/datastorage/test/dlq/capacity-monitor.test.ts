import { Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import { createCapacityMonitor } from '../../src/dlq/capacity-monitor.js'
import { createDeadLetterWriter } from '../../src/dlq/dead-letter-writer.js'
import { DlqFullError } from '../../src/dlq/errors.js'
import { createDlqMetrics } from '../../src/metrics/dlq-metrics.js'
import { RECORDED_BY } from '../support/events.js'
import {
  addMessages,
  captureLogger,
  clientMessage,
  makeEvent,
  testRedis,
  useDlqTestContext,
} from './support.js'

const dlq = useDlqTestContext()

const events = (n: number) => Array.from({ length: n }, () => makeEvent())

describe('capacity monitor (runbook: docs/operations.md#the-dlq-is-full)', () => {
  it('warns at 80%, alerts at 90%, 95% and 100% once per crossing, and 100% refuses writes', async () => {
    const { redis, streams } = dlq
    const { logger, lines } = captureLogger()
    const registry = new Registry()
    const metrics = createDlqMetrics(registry)
    const monitor = createCapacityMonitor({ redis, logger, stream: streams.stream, capacity: 100, metrics })
    const writer = createDeadLetterWriter({ redis, stream: streams.stream, capacity: 100, monitor, metrics })
    const capacityLogs = () =>
      lines.filter((l) => String(l['msg']).includes('capacity') || String(l['msg']).includes('full'))

    await writer.write(events(79), 'down', { recordedBy: RECORDED_BY })
    expect(capacityLogs()).toEqual([])
    expect(monitor.state).toMatchObject({ depth: 79, level: 0, full: false })

    // One log per crossing, however many writes land above the threshold.
    for (let i = 0; i < 5; i++) await writer.write(events(1), 'down', { recordedBy: RECORDED_BY }) // 80..84
    expect(capacityLogs().map((l) => [l['level'], l['msg']])).toEqual([
      [40, 'dead-letter queue above 80% of capacity'],
    ])

    await writer.write(events(6), 'down', { recordedBy: RECORDED_BY }) // 90
    await writer.write(events(5), 'down', { recordedBy: RECORDED_BY }) // 95
    await writer.write(events(5), 'down', { recordedBy: RECORDED_BY }) // 100
    expect(capacityLogs().map((l) => [l['level'], l['msg']])).toEqual([
      [40, 'dead-letter queue above 80% of capacity'],
      [50, 'dead-letter queue above 90% of capacity'],
      [50, 'dead-letter queue above 95% of capacity'],
      [50, 'dead-letter queue is full: writes answer 503 until it drains'],
    ])
    expect(capacityLogs()[3]).toMatchObject({ depth: 100, capacity: 100, ratio: 1, stream: streams.stream })
    expect(monitor.state).toMatchObject({ depth: 100, ratio: 1, full: true, level: 1 })
    expect((await metrics.depth.get()).values[0]?.value).toBe(100)
    expect((await metrics.capacityRatio.get()).values[0]?.value).toBe(1)
    expect(await registry.metrics()).toMatch(/^audit_dlq_capacity_ratio 1$/m)

    await expect(writer.write(events(1), 'down', { recordedBy: RECORDED_BY })).rejects.toBeInstanceOf(
      DlqFullError,
    )
    expect(await redis.xlen(streams.stream)).toBe(100)
    expect(capacityLogs()).toHaveLength(4)
  })

  it('logs again only after the depth fell clearly below a threshold (hysteresis), and says so', () => {
    const { redis, streams } = dlq
    const { logger, lines } = captureLogger()
    const monitor = createCapacityMonitor({ redis, logger, stream: streams.stream, capacity: 1000 })
    for (const depth of [800, 799, 801, 795, 805]) monitor.observe(depth)
    expect(lines.map((l) => l['msg'])).toEqual(['dead-letter queue above 80% of capacity'])
    monitor.observe(700)
    monitor.observe(800)
    expect(lines.map((l) => [l['level'], l['msg']])).toEqual([
      [40, 'dead-letter queue above 80% of capacity'],
      [30, 'dead-letter queue back below 80% of capacity'],
      [40, 'dead-letter queue above 80% of capacity'],
    ])
  })

  it('check() measures what clients added directly to the stream, and survives an unreachable Redis', async () => {
    const { redis, streams } = dlq
    const { logger } = captureLogger()
    const registry = new Registry()
    const metrics = createDlqMetrics(registry)
    const monitor = createCapacityMonitor({
      redis,
      logger,
      stream: streams.stream,
      deadLetterStream: streams.deadLetterStream,
      capacity: 50,
      metrics,
    })
    await addMessages(
      redis,
      streams.stream,
      events(45).map((e) => clientMessage(e)),
    )
    await addMessages(
      redis,
      streams.deadLetterStream,
      events(3).map((e) => clientMessage(e)),
    )
    expect(await monitor.check()).toMatchObject({
      depth: 45,
      ratio: 0.9,
      level: 0.9,
      full: false,
      reachable: true,
    })
    expect((await metrics.deadLetterDepth.get()).values[0]?.value).toBe(3)

    const broken = testRedis('redis://127.0.0.1:1')
    try {
      const offline = createCapacityMonitor({
        redis: broken,
        logger,
        stream: streams.stream,
        capacity: 50,
        timeoutMs: 300,
      })
      expect(await offline.check()).toMatchObject({ reachable: false, depth: 0 })
    } finally {
      broken.disconnect()
    }
  })

  it('rejects thresholds outside (0, 1) at construction', () => {
    const { redis } = dlq
    const { logger } = captureLogger()
    expect(() => createCapacityMonitor({ redis, logger, thresholds: [0.8, 1.2] })).toThrow(/thresholds/)
  })
})
