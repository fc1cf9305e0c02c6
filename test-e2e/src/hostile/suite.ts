import { writeFileSync } from 'node:fs'
import { createTestDatabase, type TestDatabase } from '@audit-trail/test-infra'
import { Redis } from 'ioredis'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type DatastorageProcess, startDatastorage } from '../datastorage-process.js'
import { PENDING_CLASSES } from './pending.js'
import { groupOf, type HostileRunReport, runHostileInput } from './run.js'
import { createHostileTokens, type HostileTokensFile, writeTokensFile } from './tokens.js'

/** The default seed; `HOSTILE_SEED=<n>` replays another run. */
export const DEFAULT_SEED = 11_2025

/** Options of {@link hostileInputSuite}. */
export interface HostileSuiteOptions {
  /** Hostile requests in all. */
  requests: number
  /** Parallel ~4.8 MB invalid batches (part of `requests`). */
  flood: number
}

/** The counts table, the figures and the first failures, as printed after a run. */
export function formatReport(report: HostileRunReport, pending: ReadonlySet<string>): string {
  const lines: string[] = []
  const classes = [...report.counts].sort(([a], [b]) => a.localeCompare(b))
  const total = classes.reduce((n, [, c]) => n + c.sent, 0)
  const failed = classes.reduce((n, [, c]) => n + c.failed, 0)
  lines.push(
    `[hostile] seed ${report.seed} (replay: HOSTILE_SEED=${report.seed}); ${total} requests in ${report.seconds.toFixed(1)} s, ${failed} failed the oracle`,
  )
  const group = new Map<string, { sent: number; failed: number }>()
  for (const [cls, c] of classes) {
    const head = groupOf(cls)
    const g = group.get(head) ?? { sent: 0, failed: 0 }
    g.sent += c.sent
    g.failed += c.failed
    group.set(head, g)
  }
  lines.push(
    `[hostile] by group: ${[...group].map(([k, g]) => `${k} ${g.sent}${g.failed ? ` (${g.failed} failed)` : ''}`).join(', ')}`,
  )
  lines.push(
    `[hostile] by class: ${classes.map(([k, c]) => `${k} ${c.sent}${c.failed ? `/${c.failed}✗` : ''}`).join(', ')}`,
  )
  if (report.skippedPending.size > 0 || pending.size > 0) {
    lines.push(
      `[hostile] pending classes (not sent): ${[...pending].join(', ') || '(none)'}; drawn and left out: ${[...report.skippedPending].map(([k, n]) => `${k} ${n}`).join(', ') || '(none)'}`,
    )
  }
  lines.push(`[hostile] statuses: ${histogram(report.statuses)}`)
  lines.push(
    `[hostile] statuses by group: ${[...report.statusesByGroup]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([g, h]) => `${g} {${histogram(h)}}`)
      .join(', ')}`,
  )
  const selfAudit = [...report.selfAuditRows].sort(([a], [b]) => a.localeCompare(b))
  lines.push(
    `[hostile] the service's own audit rows (left out of the comparison): ${selfAudit.map(([t, n]) => `${t} ${n}`).join(', ') || '(none)'}`,
  )
  lines.push(
    `[hostile] rows: ${report.rows} in the database, ${report.expectedRows} valid events answered 201 compared field by field; ${report.apiChecked} read back through GET by id`,
  )
  lines.push(
    `[hostile] service RSS: start ${report.rssMb.start.toFixed(0)} MB, peak ${report.rssMb.peak.toFixed(0)} MB, flood peak ${report.rssMb.floodPeak.toFixed(0)} MB, end ${report.rssMb.end.toFixed(0)} MB`,
  )
  const byClass = new Map<string, string[]>()
  for (const f of report.failures) byClass.set(f.cls, [...(byClass.get(f.cls) ?? []), f.what])
  for (const [cls, whats] of [...byClass].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`[hostile] FAILED ${cls}: ${whats.length}`)
    for (const what of whats.slice(0, 3)) lines.push(`    ${what}`)
  }
  return lines.join('\n')
}

/** `201 812, 400 903, …`: statuses in order, `none` (no answer) last. */
export function histogram(statuses: ReadonlyMap<string, number>): string {
  return [...statuses]
    .sort(([a], [b]) => (Number(a) || 1000) - (Number(b) || 1000))
    .map(([status, n]) => `${status} ${n}`)
    .join(', ')
}

/** Requests answered with a status ≥ 500, by group; the flood's 503 (body budget full, Retry-After) left out. */
export function serverErrors(report: HostileRunReport): string[] {
  const out: string[] = []
  for (const [group, statuses] of report.statusesByGroup) {
    for (const [status, n] of statuses) {
      if (Number(status) >= 500 && !(group === 'resource' && status === '503'))
        out.push(`${group}: ${status} ×${n}`)
    }
  }
  return out
}

/**
 * The generated hostile-input test: a service process of its own (fresh database, a Redis DLQ under
 * this run's key prefix, so that a 202 for an unstorable event would show), `requests` generated
 * requests from a fixed seed, then the oracle over every stored row.
 */
export function hostileInputSuite(options: HostileSuiteOptions): void {
  const { postgresUrl, redisUrl, keyPrefix } = inject('e2e')
  const seed = Number(process.env.HOSTILE_SEED ?? DEFAULT_SEED)
  const pending = process.env.HOSTILE_INCLUDE_PENDING === '1' ? new Set<string>() : PENDING_CLASSES
  const dlqStream = `${keyPrefix}hostile:audit:dlq:events`
  const deadStream = `${keyPrefix}hostile:audit:dead-letter:events`
  let database: TestDatabase
  let service: DatastorageProcess
  let redis: Redis
  // Tokens mode: a tokens file of the run's own, one random token per scope.
  const tokens = createHostileTokens()
  let tokensFile: HostileTokensFile | undefined
  let report: HostileRunReport | undefined

  beforeAll(async () => {
    database = await createTestDatabase(postgresUrl, 'audit_hostile')
    redis = new Redis(redisUrl)
    tokensFile = writeTokensFile(tokens)
    service = await startDatastorage({
      databaseUrl: database.url,
      redisUrl,
      env: {
        DLQ_STREAM: dlqStream,
        DEAD_LETTER_STREAM: deadStream,
        LOG_LEVEL: 'error',
        AUTH_TOKENS_FILE: tokensFile.path,
      },
    })
  })
  afterAll(async () => {
    await service?.stop()
    redis?.disconnect()
    await database?.drop()
    tokensFile?.remove()
  })

  describe(`hostile input (${options.requests} generated requests)`, () => {
    it('no 5xx, no 2xx for invalid input or bad tokens, no 202; stored rows are exactly the valid events sent', async () => {
      const run = await runHostileInput({
        seed,
        requests: options.requests,
        serviceUrl: service.url,
        databaseUrl: database.url,
        servicePid: service.pid(),
        pending,
        flood: options.flood,
        rssLimitMb: 400,
        dlqLength: async () => (await redis.xlen(dlqStream)) + (await redis.xlen(deadStream)),
        tokens,
        log: (line) => console.log(line),
      })
      report = run
      console.log(formatReport(run, pending))
      // Every failure, one JSON line each, for a closer look: HOSTILE_FAILURES_FILE=/tmp/f.jsonl
      const file = process.env.HOSTILE_FAILURES_FILE
      if (file) writeFileSync(file, run.failures.map((f) => JSON.stringify(f)).join('\n'))
      const sent = [...run.counts.values()].reduce((n, c) => n + c.sent, 0)
      expect(run.failures.map((f) => `${f.cls}: ${f.what}`).slice(0, 20)).toEqual([])
      expect(sent).toBe(options.requests)
      expect(run.expectedRows).toBeGreaterThan(options.requests / 10)
      // Every request has its status counted once; none is a 5xx (the flood's 503 aside), every
      // answer ≥ 400 was problem+json without a stack trace (the oracle's check, in the failures).
      expect([...run.statuses.values()].reduce((a, b) => a + b, 0)).toBe(options.requests)
      expect(serverErrors(run)).toEqual([])
      expect(run.statuses.get('none') ?? 0).toBe(0)
      // The bad tokens were sent and refused: 401 and 403 each for at least 1% of the requests.
      const auth = (status: string) =>
        [...run.statusesByGroup]
          .filter(([group]) => group.startsWith('auth.'))
          .reduce((n, [, statuses]) => n + (statuses.get(status) ?? 0), 0)
      expect(auth('401')).toBeGreaterThan(options.requests / 100)
      expect(auth('403')).toBeGreaterThan(options.requests / 100)
    })

    it("the service's self-audit accounts for every 401 and 403, rate-limited but none left out", async () => {
      if (!report) throw new Error('the generated run did not complete')
      // A stop ends the self-audit's counting windows: their counts are stored before the exit.
      expect(await service.stop()).toBe(0)
      const sql = postgres(database.url, { max: 1, onnotice: () => {} })
      try {
        const rows = await sql<{ event_type: string; events: number; occurrences: number }[]>`
          SELECT event_type, count(*)::int AS events,
                 sum((event_data->>'occurrences')::int)::int AS occurrences
          FROM audit_events
          WHERE recorded_by = 'datastorage:self-audit'
            AND event_type IN ('datastorage.auth.failed', 'datastorage.auth.denied')
          GROUP BY event_type`
        const of = (type: string) => rows.find((r) => r.event_type === type)
        const answered = (status: string) =>
          [...report!.statusesByGroup.values()].reduce((n, statuses) => n + (statuses.get(status) ?? 0), 0)
        console.log(
          `[hostile] self-audit: ${answered('401')} answers 401 → ${of('datastorage.auth.failed')?.events ?? 0} ` +
            `datastorage.auth.failed events, ${answered('403')} answers 403 → ` +
            `${of('datastorage.auth.denied')?.events ?? 0} datastorage.auth.denied events`,
        )
        expect(of('datastorage.auth.failed')?.occurrences ?? 0).toBe(answered('401'))
        expect(of('datastorage.auth.denied')?.occurrences ?? 0).toBe(answered('403'))
        // Rate-limited: a few events per source, reason and window, not one per refusal.
        expect(of('datastorage.auth.failed')?.events ?? 0).toBeLessThan(answered('401'))
      } finally {
        await sql.end({ timeout: 5 })
      }
    })
  })
}
