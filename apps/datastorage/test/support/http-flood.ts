import { readdirSync, readFileSync, statSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createTestDatabase,
  type ServiceProcess,
  startServiceProcess,
  type TestDatabase,
  waitFor,
} from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validEvent } from './events.js'
import { ADMIN_URL } from './postgres.js'

// The flood of issue 11: parallel batches of 4.8 MB, every event invalid, against the real service
// process with its defaults (BODY_LIMIT_BYTES 5 MiB, BODY_READ_BUDGET_BYTES 32 MiB).
// node:http is the client: it reports the answer as soon as it arrives (fetch waits for its upload
// to end) and reports a connection closed under its upload (EPIPE, ECONNRESET), which fetch hides.
const RSS_LIMIT_MB = 400

const packageRoot = fileURLToPath(new URL('../..', import.meta.url))

/** Options of {@link defineFloodSuite}. */
export interface FloodSuiteOptions {
  /** Requests sent at once. */
  parallel: number
  /**
   * `sources`: src/cli.ts through tsx, as the CLI tests run it (always the current code; the RSS
   * then includes tsx's own, some 60 MB, so the service has that much more room than checked).
   * `build`: dist/cli.js, the process as deployed (`pnpm build` first; turbo does it before tests).
   */
  run: 'sources' | 'build'
  /** Every request must be over by then: generous, a loaded machine included. */
  deadlineMs: number
}

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return latest
}

function serviceScript(run: FloodSuiteOptions['run']): { script: string; env: Record<string, string> } {
  if (run === 'sources')
    return { script: join(packageRoot, 'src', 'cli.ts'), env: { NODE_OPTIONS: '--import tsx' } }
  const script = join(packageRoot, 'dist', 'cli.js')
  // A build older than the sources would test old code.
  if (newest(join(packageRoot, 'src')) > (statSync(script, { throwIfNoEntry: false })?.mtimeMs ?? 0)) {
    throw new Error(
      `${script} is missing or older than src/: run pnpm --filter @audit-trail/datastorage build`,
    )
  }
  return { script, env: {} }
}

/** `VmRSS` / `VmHWM` (peak RSS since start) of a process, in MB. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1])
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 }
}

/** A batch of `count` events, each invalid (outcome outside the enum, signal_name too long): about 4.8 MB. */
function invalidBatch(count: number): Buffer {
  const event = validEvent({
    correlation_id: 'flood',
    event_outcome: 'bogus' as never,
    event_data: { signal_name: 'x'.repeat(700), signal_source: 'prometheus', fingerprint: 'fp' },
  })
  return Buffer.from(JSON.stringify(Array.from({ length: count }, () => event)))
}

interface Answer {
  status: number
  type?: string
  retryAfter?: string | undefined
  connection?: string | undefined
  /** From the start of the request to the answer's headers. */
  answeredMs: number
  /** Errors of the request: a reset shows here even after an answer. */
  errors: string[]
}

/** POSTs `body`; resolves once the request is over (answered and the connection done with). */
function post(url: string, body: Buffer, deadlineMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    const started = performance.now()
    const answer: Answer = { status: 0, answeredMs: Number.NaN, errors: [] }
    const req = request(`${url}/api/v1/audit/events/batch`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': body.length },
      signal: AbortSignal.timeout(deadlineMs),
    })
    req.on('error', (error: NodeJS.ErrnoException) => answer.errors.push(error.code ?? error.message))
    req.on('response', (res) => {
      answer.answeredMs = performance.now() - started
      answer.status = res.statusCode ?? 0
      answer.retryAfter = res.headers['retry-after']
      answer.connection = res.headers.connection
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () => {
        answer.type = (JSON.parse(text) as { type: string }).type
      })
    })
    req.on('close', () => resolve(answer))
    req.end(body)
  })
}

/**
 * `parallel` batches of 4.8 MB at once against a fresh service process on a fresh database: every
 * one is answered 400 (read, every event invalid) or 503 (the body budget, unread), none reset,
 * within a generous deadline; the service's RSS (VmHWM) stays under 400 MB. Prints the figures.
 */
export function defineFloodSuite({ parallel, run, deadlineMs }: FloodSuiteOptions): void {
  describe(`a flood of ${parallel} large invalid batches (${run})`, () => {
    let database: TestDatabase
    let service: ServiceProcess
    beforeAll(async () => {
      database = await createTestDatabase(ADMIN_URL)
      const { script, env } = serviceScript(run)
      service = await startServiceProcess({
        script,
        args: ['serve'],
        env: { DATABASE_URL: database.url, REDIS_URL: undefined, LOG_LEVEL: 'warn', ...env },
      })
    })
    afterAll(async () => {
      await service?.stop()
      await database?.drop()
    })

    it(`answers ${parallel} parallel 4.8 MB batches with 400 or 503, none reset, RSS under ${RSS_LIMIT_MB} MB`, async () => {
      const pid = service.pid()!
      const body = invalidBatch(5000)
      expect(body.length).toBeGreaterThan(4.8e6)
      expect(body.length).toBeLessThan(5 * 1024 * 1024)
      // Warm up (first request compiles the validator's paths), then take the resting RSS.
      const warm = await fetch(`${service.url}/api/v1/audit/events/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      expect(warm.status).toBe(400)
      await warm.arrayBuffer()
      const before = memory(pid).rss

      let sampledPeak = before
      const sampler = setInterval(() => {
        sampledPeak = Math.max(sampledPeak, memory(pid).rss)
      }, 25)
      const started = performance.now()
      const answers = await Promise.all(
        Array.from({ length: parallel }, () => post(service.url, body, deadlineMs)),
      )
      const elapsed = performance.now() - started
      clearInterval(sampler)
      // Idle again: every connection answered, the lingering ones closed.
      await waitFor('the service to answer /readyz', async () => (await fetch(`${service.url}/readyz`)).ok)
      const { rss: after, hwm: peak } = memory(pid)

      const times = answers.map((a) => a.answeredMs).sort((a, b) => a - b)
      const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!)
      const count = (status: number) => answers.filter((a) => a.status === status).length
      const figures = {
        answered400: count(400),
        answered503: count(503),
        errors: answers.flatMap((a) => a.errors),
        rssMb: {
          before: Math.round(before),
          peak: Math.round(peak),
          sampledPeak: Math.round(sampledPeak),
          after: Math.round(after),
        },
        answerMs: {
          min: at(0),
          p50: at(0.5),
          p90: at(0.9),
          p99: at(0.99),
          max: at(1),
        },
        allSentAndClosedMs: Math.round(elapsed),
        answerMsByStatus: Object.fromEntries(
          [400, 503].map((status) => {
            const own = answers.filter((a) => a.status === status).map((a) => Math.round(a.answeredMs))
            return [status, { min: Math.min(...own), max: Math.max(...own) }]
          }),
        ),
      }
      console.info(`flood figures: ${JSON.stringify(figures)}`)

      expect(figures.errors).toEqual([])
      expect(count(400) + count(503)).toBe(parallel)
      // Both happened: some bodies were read and refused for their events, the rest unread for the budget.
      expect(count(400)).toBeGreaterThan(0)
      expect(count(503)).toBeGreaterThan(0)
      for (const a of answers.filter((x) => x.status === 400)) {
        expect(a.type).toBe('https://audit-trail.dev/problems/validation-error')
      }
      for (const a of answers.filter((x) => x.status === 503)) {
        expect(a).toMatchObject({
          type: 'https://audit-trail.dev/problems/body-budget-exhausted',
          retryAfter: '1',
          connection: 'close',
        })
      }
      expect(times.at(-1)).toBeLessThan(deadlineMs)
      expect(peak).toBeLessThan(RSS_LIMIT_MB)
    })
  })
}
