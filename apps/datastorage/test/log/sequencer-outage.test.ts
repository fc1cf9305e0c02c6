import { rootHash, toHex } from '@audit-trail/merkle'
import { startThrowawayPostgres, type ThrowawayPostgres, waitFor } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTree } from '../../src/log/seal-batch.js'
import { captureLogger } from '../dlq/support.js'
import { RECORDED_BY, uniqueCorrelationId } from '../support/events.js'
import { type LogFixture, logEvents, openLogFixture } from './support.js'

describe('the sequencer through PostgreSQL outages', () => {
  let pgServer: ThrowawayPostgres
  let log: LogFixture
  beforeAll(async () => {
    pgServer = await startThrowawayPostgres()
    log = await openLogFixture('postgres', pgServer.url)
  }, 60_000)
  afterAll(async () => {
    await log?.close()
    await pgServer?.destroy()
  })

  const size = async () => (await readTree(log.database.db, { forUpdate: false })).size
  /** Stores events once PostgreSQL answers again (the pool reconnects on demand). */
  const store = (count: number) => {
    const events = logEvents(count, uniqueCorrelationId('outage'))
    return waitFor(
      'the events stored',
      async () => (await log.store.insert(events, RECORDED_BY)) && true,
      30_000,
    )
  }

  it('logs and retries while the database is stopped or crashed, never throws, and seals what was stored around the outages', async () => {
    const { logger, lines } = captureLogger('warn')
    const sequencer = log.sequencer({ logger })
    const failures = () => lines.filter((l) => l['msg'] === 'sequencer round failed; retrying').length

    await store(10)
    await waitFor('10 leaves', async () => (await size()) === 10)
    await pgServer.stop()
    await waitFor('the sequencer to notice the outage', () => failures() > 0 && !sequencer.leader)
    const seen = failures()
    await waitFor('it to keep retrying', () => failures() > seen)
    await pgServer.start()
    await store(10)
    await waitFor('20 leaves after the restart', async () => (await size()) === 20, 30_000)
    expect(sequencer.leader).toBe(true)

    await pgServer.kill()
    await pgServer.start()
    await store(5)
    await waitFor('25 leaves after the crash', async () => (await size()) === 25, 30_000)
    const checkpoint = await waitFor('a checkpoint of 25', async () => {
      const latest = await log.reader.latestCheckpoint()
      return latest?.treeSize === 25 ? latest : false
    })
    await sequencer.stop()
    const leaves = await log.reader.leaves(0, 100, 25)
    expect(leaves.map((l) => l.leafIndex)).toEqual([...Array(25).keys()])
    expect(toHex(rootHash(leaves.map((l) => l.leafHash)))).toBe(toHex(checkpoint.rootHash))
    expect(lines.filter((l) => Number(l['level']) >= 50)).toEqual([])
  })
})
