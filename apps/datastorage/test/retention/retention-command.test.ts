import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RETENTION_USAGE, runRetentionCommand } from '../../src/cli/retention-command.js'
import { monthOf, partitionNameOf } from '../../src/db/partitions.js'
import { createLogger } from '../../src/logger.js'
import type { RetentionRunResult } from '../../src/retention/retention-job.js'
import { RETENTION_LOCK_KEY } from '../../src/retention/retention-job.js'
import { eventAt, type LogDatabase, openLogDatabase } from '../integrity/log-database.js'

let log: LogDatabase
let url: string
const run = randomUUID().slice(0, 8)
const now = new Date()
const twoMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 5, 8))
const partition = partitionNameOf(monthOf(twoMonthsAgo))

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = []
  return {
    stream: new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk))
        done()
      },
    }),
    text: () => chunks.join(''),
  }
}

async function cli(args: string[], env: Record<string, string> = {}) {
  const stdout = sink()
  const stderr = sink()
  const code = await runRetentionCommand(args, {
    env: { DATABASE_URL: url, ...env },
    stdout: stdout.stream,
    stderr: stderr.stream,
    logger: createLogger({ level: 'silent' }),
  })
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

const exists = async (name: string) =>
  (await log.sql<Array<{ present: boolean }>>`SELECT to_regclass(${name}) IS NOT NULL AS present`)[0]!.present

beforeAll(async () => {
  log = await openLogDatabase('audit_retention_cli')
  url = log.url
  await log.insert([
    eventAt(`cli-${run}`, twoMonthsAgo, { retention_days: 1 }),
    eventAt(`cli-${run}`, twoMonthsAgo, { retention_days: 1 }),
  ])
  await log.checkpoint()
})

afterAll(async () => {
  await log?.close()
})

describe('datastorage retention', () => {
  it('help, and 2 for bad usage', async () => {
    expect(await cli(['help'])).toMatchObject({ code: 0, stdout: RETENTION_USAGE })
    const bad = await cli(['prune'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('unknown command "prune"')
    expect((await cli(['run', '--force'])).code).toBe(2)
  })

  it('run --dry-run lists what would go and drops nothing', async () => {
    const result = await cli(['run', '--dry-run'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`^would drop  ${partition}  2 event\\(s\\)$`, 'm'))
    expect(result.stdout).toMatch(/^kept {8}audit_events_y\d{4}m\d{2}.*\(current_or_future\)$/m)
    expect(await exists(partition)).toBe(true)
  })

  it('exits 1 and does nothing while a replica runs the job', async () => {
    const other = await log.sql.reserve()
    try {
      await other`SELECT pg_advisory_lock(${RETENTION_LOCK_KEY})`
      const result = await cli(['run'])
      expect(result).toMatchObject({ code: 1 })
      expect(result.stdout).toContain('nothing was done')
    } finally {
      await other`SELECT pg_advisory_unlock(${RETENTION_LOCK_KEY})`
      other.release()
    }
    expect(await exists(partition)).toBe(true)
  })

  it('run drops it, records the removal and a self-audit event', async () => {
    const result = await cli(['run', '--json'])
    expect(result.code).toBe(0)
    const body = JSON.parse(result.stdout) as RetentionRunResult
    expect(body.ran).toBe(true)
    expect(body.partitions.find((d) => d.partition === partition)).toMatchObject({
      action: 'dropped',
      events: 2,
    })
    expect(await exists(partition)).toBe(false)
    const rows = await log.sql`
      SELECT event_data, recorded_by FROM audit_events WHERE event_type = 'datastorage.retention.partition_dropped'`
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      recorded_by: 'datastorage:self-audit',
      event_data: { partition, month: monthOf(twoMonthsAgo), events: 2 },
    })
  })
})
