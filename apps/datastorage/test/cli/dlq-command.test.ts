import { describe, expect, it } from 'vitest'
import { createProgressReporter } from '../../src/cli/progress-reporter.js'
import { dlqStats, inspectDlq } from '../../src/dlq/dlq-admin.js'
import { addMessages, clientMessage, makeEvent, useDlqTestContext } from '../dlq/support.js'
import { dlqCli, sink } from './dlq-cli.js'

const dlq = useDlqTestContext({ postgres: true })

const cli = dlqCli(dlq, { env: { DLQ_CAPACITY: '1000' } })

describe('datastorage dlq (operator CLI)', () => {
  /**
   * 1,200 client messages and one undecodable entry in the DLQ, one parked message in the
   * dead-letter stream, and a replica that read the first 5 and went silent.
   */
  async function seedStreams() {
    const { redis, streams } = dlq
    const events = Array.from({ length: 1200 }, (_, i) => makeEvent({ correlation_id: `cli-${i}` }))
    await addMessages(
      redis,
      streams.stream,
      events.map((e) => clientMessage(e)),
    )
    await redis.xadd(streams.stream, '*', 'v', '0', 'junk', 'x')
    await addMessages(redis, streams.deadLetterStream, [
      clientMessage(makeEvent(), { reason: 'invalid event: x' }),
    ])
    await redis.xgroup('CREATE', streams.stream, 'datastorage', '0', 'MKSTREAM')
    const silentReadAt = Date.now()
    await redis.xreadgroup(
      'GROUP',
      'datastorage',
      'silent-replica',
      'COUNT',
      5,
      'STREAMS',
      streams.stream,
      '>',
    )
    return { events, silentReadAt }
  }

  it('stats and inspect describe the stream, the group and the dead-letter stream without changing them', async () => {
    const { redis, streams } = dlq
    const { events } = await seedStreams()

    const stats = await dlqStats({
      redis,
      stream: streams.stream,
      deadLetterStream: streams.deadLetterStream,
      capacity: 1000,
    })
    expect(stats).toMatchObject({
      length: 1201,
      capacity: 1000,
      capacityRatio: 1.201,
      deadLetter: { length: 1 },
      group: { name: 'datastorage', pending: 5, consumers: [{ name: 'silent-replica', pending: 5 }] },
    })
    expect(stats.oldestEnqueuedAt).toMatch(/^\d{4}-\d\d-\d\dT/)

    const text = await cli(['stats'])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('length            1201 of 1000 (120.10%)')
    expect(text.stdout).toContain('silent-replica: 5 pending')
    expect(JSON.parse((await cli(['stats', '--json'])).stdout)).toMatchObject({ length: 1201 })

    const first = await inspectDlq({ redis, stream: streams.stream }, { count: 2 })
    expect(first.map((e) => e.message?.event.event_id)).toEqual([events[0]!.event_id, events[1]!.event_id])
    const inspected = await cli(['inspect', '--count', '3', '--dead-letter'])
    expect(inspected.stdout).toMatch(/client\/billing {2}attempts=4 {2}reason="invalid event: x"/)
    expect(await redis.xlen(streams.stream)).toBe(1201)
  })

  it("replay drains the stream into PostgreSQL with progress on stderr, waiting for a silent consumer's messages to become claimable", async () => {
    const { pg, redis, streams } = dlq
    const { events, silentReadAt } = await seedStreams()
    // The silent replica's 5 messages were read just now: the replay must wait until they have been
    // idle for DLQ_CLAIM_IDLE_MS, however fast it drains the rest.
    const result = await cli(['replay'], { DLQ_CLAIM_IDLE_MS: '1500' })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      'messages pending with other consumers are claimed once idle 1500 ms; gives up after 60000 ms without progress',
    )
    // Not a TTY: plain progress lines, no carriage returns.
    expect(result.stderr).toMatch(/^replay: 100% {2}1201\/1201 {2}\d+\/s {2}1 parked$/m)
    expect(result.stderr).not.toContain('\r')
    expect(result.stdout).toMatch(
      /^replayed 1201 message\(s\) in \d+ ms: 1200 new row\(s\), 0 already stored, 1 parked as poison; 0 left in \S+\n$/,
    )
    // It claimed them, so it ran until they had been idle that long.
    expect(Date.now() - silentReadAt).toBeGreaterThanOrEqual(1500)
    expect(await pg.countRows(events.map((e) => e.event_id))).toBe(1200)
    expect(await redis.xlen(streams.stream)).toBe(0)
    expect(await redis.xlen(streams.deadLetterStream)).toBe(2)
    expect(await dlqStats({ redis, stream: streams.stream })).toMatchObject({ group: { pending: 0 } })
  })

  it('replay gives up at --max-wait and says what it left with which consumer, and why', async () => {
    const { pg, redis, streams } = dlq
    const { events } = await seedStreams()
    // Claimable only after an hour: far beyond the bound, whatever the machine's speed.
    const result = await cli(['replay', '--max-wait', '300', '--json'], { DLQ_CLAIM_IDLE_MS: '3600000' })
    expect(result.code).toBe(0)
    const summary = JSON.parse(result.stdout)
    expect(summary).toMatchObject({
      done: 1196,
      created: 1195,
      poisoned: 1,
      remaining: 5,
      gaveUp: true,
      maxWaitMs: 300,
      left: { retrying: 0, unread: 0, heldElsewhere: [{ consumer: 'silent-replica', count: 5 }] },
    })
    expect(summary.left.heldElsewhere[0].claimableInMs).toBeGreaterThan(3_000_000)
    expect(await pg.countRows(events.map((e) => e.event_id))).toBe(1195)
    expect(await redis.xlen(streams.stream)).toBe(5)

    const text = await cli(['replay', '--max-wait', '0'], { DLQ_CLAIM_IDLE_MS: '3600000' })
    expect(text.stdout).toMatch(
      /^replayed 0 message\(s\) in \d+ ms: 0 new row\(s\), 0 already stored, 0 parked as poison; 5 left in \S+\n {2}5 pending with consumer silent-replica: not idle long enough to claim within 0 ms \(first claimable in \d+ ms\); replay again or let the service claim them\n$/,
    )
  })

  it('draws a bar on a TTY', () => {
    const tty = sink(true)
    let t = 0
    const progress = createProgressReporter({ output: tty, now: () => (t += 1000) })
    progress.update(250, 1000)
    progress.finish(1000, 1000)
    expect(tty.text()).toMatch(/^\r\[#{10}-{30}\] {2}25% {2}250\/1000/)
    expect(tty.text()).toMatch(/\r\[#{40}\] 100% {2}1000\/1000 .*\n$/)
  })

  it('answers bad usage and configuration with exit code 2 and a message naming the problem', async () => {
    expect(await cli(['purge'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "purge"'),
    })
    expect(await cli(['inspect', '--count', 'many'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--count'),
    })
    expect(await cli(['stats'], { REDIS_URL: undefined })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('REDIS_URL'),
    })
    expect(await cli(['replay', '--max-wait', 'soon'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--max-wait'),
    })
    expect(await cli(['stats'], { DLQ_CAPACITY: '0' })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('DLQ_CAPACITY'),
    })
  })
})
