import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import postgres from 'postgres'
import { validatingFetch } from '../contract/validating-fetch.js'
import { differences, type StoredEvent, storedFromApi } from './compare.js'
import { type EventDraft, entriesWithId, type GenContext, namedTimestamp, validEvent } from './generators.js'
import {
  authorize,
  BATCH,
  EVENTS,
  type Expectation,
  generatePlan,
  IdSource,
  otherDayTimestamp,
  type PlannedRequest,
  type SentEvent,
  sameDayTimestamp,
  uuidOf,
} from './plan.js'
import { rawExchange } from './raw-http.js'
import { parseRawJson, type Raw, str, writeRaw } from './raw-json.js'
import { parseTimestamp } from './timestamps.js'
import { bearer, type HostileTokens } from './tokens.js'

/** Every answer is also held to the contract (test-e2e/src/contract); raw-http.ts checks its own. */
const fetch = validatingFetch()

/**
 * The hostile-input run: phase 1 sends the generated requests, phase 2 sends duplicates of events
 * phase 1 stored, phase 3 the resource cases (a batch over 300 months, a small flood of large
 * invalid batches), then the oracle compares every row of the database with the valid events sent.
 */

const PROBLEM_BASE = 'https://audit-trail.dev/problems/'

/** Options of {@link runHostileInput}. */
export interface HostileRunOptions {
  seed: number
  /** Hostile requests in all (phases 1–3). */
  requests: number
  serviceUrl: string
  /** The service's own database: every row in it must be one of the valid events sent. */
  databaseUrl: string
  servicePid: number | undefined
  /** Requests in flight at once. Default 8. */
  concurrency?: number
  /** Class labels left out (fixes not landed yet); a request with any of them is not sent. */
  pending: ReadonlySet<string>
  /** Parallel ~4.8 MB invalid batches of phase 3. */
  flood: number
  /** Service memory bound under the flood (MB of RSS). */
  rssLimitMb: number
  /** Lengths of the service's DLQ streams, which must stay empty (nothing is unavailable). */
  dlqLength?: () => Promise<number>
  /** The tokens of the service's tokens file (it runs in tokens mode). */
  tokens: HostileTokens
  log: (line: string) => void
}

/** One violation of the oracle. */
export interface Failure {
  cls: string
  what: string
  /** The request's class labels (the events' tags among them). */
  labels?: string[]
  /** The request's text (up to 20,000 characters), to reproduce it. */
  sent?: string
}

/** What a run found and measured. */
export interface HostileRunReport {
  seed: number
  counts: Map<string, { sent: number; failed: number }>
  skippedPending: Map<string, number>
  failures: Failure[]
  /** Rows of the run's own events (the service's self-audit rows left out). */
  rows: number
  /** Rows the service wrote about itself (`datastorage.*` events nobody sent), by event type. */
  selfAuditRows: Map<string, number>
  expectedRows: number
  apiChecked: number
  rssMb: { start: number; peak: number; floodPeak: number; end: number }
  seconds: number
  /** Requests by the status of their answer (`none` when there was none): every request counted once. */
  statuses: Map<string, number>
  /** The same by group of classes (see {@link groupOf}). */
  statusesByGroup: Map<string, Map<string, number>>
}

/** The group a class is counted in: `invalid.*`, `query.*` and `auth.*` by their second part, others by their first. */
export function groupOf(cls: string): string {
  const two = cls.startsWith('invalid.') || cls.startsWith('query.') || cls.startsWith('auth.')
  return cls
    .split('.')
    .slice(0, two ? 2 : 1)
    .join('.')
}

/**
 * A path as the service names it in `instance`: as its router reads it, percent-decoded as
 * `decodeURI` does (reserved characters and `%25` stay encoded), a run that is not UTF-8 left as sent.
 */
function decodedPath(path: string): string {
  const decode = (text: string) => {
    try {
      return decodeURI(text)
    } catch {
      return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
        try {
          return decodeURI(run)
        } catch {
          return run
        }
      })
    }
  }
  return decode(path.replace(/%25/g, '%2525'))
}

/** State the checks share across requests: the first 401 answer, which every other must equal. */
interface CheckState {
  unauthorized?: { body: string; cls: string }
}

/** An event that must be stored: as sent, under its (lower-case) id. */
interface Expected {
  entries: Array<[string, Raw]>
  cls: string
  labels: string[]
}

class Ledger {
  readonly expected = new Map<string, Expected>()
  /** Ids whose outcome is unknown (their request failed the oracle already): not compared. */
  readonly unknown = new Set<string>()
  /** Ids of invalid events, with their class: never stored. */
  readonly refused = new Map<string, { cls: string; labels: string[] }>()
}

const decoder = new TextDecoder()

interface Answer {
  status: number
  headers: Record<string, string>
  text: string
}

/** Sends a planned request, by fetch or on a raw socket; answers in order (pipelined raw requests give more than one). */
async function send(
  req: PlannedRequest,
  serviceUrl: string,
  port: number,
): Promise<{ answers: Answer[]; note?: string }> {
  if (req.raw) {
    const exchange = await rawExchange(port, req.raw.chunks, {
      answers: req.raw.answers ?? 1,
      waitForClose: req.raw.closes ?? false,
      timeoutMs: 20_000,
    })
    const answers = exchange.responses.map((r) => ({
      status: r.status,
      headers: r.headers,
      text: decoder.decode(r.body),
    }))
    const notes: string[] = []
    if (exchange.error && exchange.errorBeforeAnswers)
      notes.push(`connection ${exchange.error} before the answer`)
    if (req.raw.closes && !exchange.closed)
      notes.push('the server did not close the connection after the answer')
    if (req.raw.closes && exchange.error) notes.push(`connection ${exchange.error} instead of a clean close`)
    const said = exchange.responses.at(-1)?.headers.connection
    if (req.raw.closes && said?.toLowerCase() !== 'close') {
      notes.push(`the answer says Connection: ${said ?? '(none)'} but the server closes the connection`)
    }
    return { answers, ...(notes.length ? { note: notes.join('; ') } : {}) }
  }
  const res = await fetch(serviceUrl + req.path, {
    method: req.method,
    headers: req.headers,
    ...(req.body ? { body: req.body } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  })
  const text = decoder.decode(await res.arrayBuffer())
  const headers: Record<string, string> = {}
  res.headers.forEach((v, k) => {
    headers[k] = v
  })
  return { answers: [{ status: res.status, headers, text }] }
}

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s)

/** Everything wrong with an answer, against the expectation. */
function check(expect: Expectation, answer: Answer, req: PlannedRequest, state: CheckState): string[] {
  const out: string[] = []
  const { status, headers, text } = answer
  // A 5xx is a failure, but for the 503 a flood may get (too many bodies in flight, Retry-After).
  if (status >= 500 && !expect.status.includes(status)) out.push(`${status} (5xx)`)
  else if (status === 202) out.push('202: queued to the DLQ while PostgreSQL is up')
  if (!expect.status.includes(status)) {
    if (status < 300 && expect.status.every((s) => s >= 400))
      out.push(`${status} for invalid input (expected ${expect.status.join('/')})`)
    else if (status < 500 && status !== 202) out.push(`status ${status}, expected ${expect.status.join('/')}`)
  }
  if (status >= 400) {
    if (!(headers['content-type'] ?? '').startsWith('application/problem+json')) {
      out.push(`content-type ${JSON.stringify(headers['content-type'] ?? '')}, not application/problem+json`)
      return out
    }
    let problem: {
      type?: unknown
      status?: unknown
      detail?: unknown
      instance?: unknown
      errors?: Array<{ field?: unknown; index?: unknown }>
    }
    try {
      problem = JSON.parse(text)
    } catch {
      return [...out, 'problem body is not JSON']
    }
    if (typeof problem.type !== 'string' || !problem.type.startsWith(PROBLEM_BASE))
      out.push(`problem type ${JSON.stringify(problem.type)}`)
    else if (
      expect.types &&
      expect.status.includes(status) &&
      !expect.types.some((t) => problem.type === PROBLEM_BASE + t)
    ) {
      out.push(`problem type ${problem.type.slice(PROBLEM_BASE.length)}, expected ${expect.types.join('/')}`)
    }
    if (problem.status !== status) out.push(`problem status ${JSON.stringify(problem.status)} ≠ ${status}`)
    if (/\bat .+:\d+:\d+/.test(text)) out.push('a stack trace in the problem')
    if (status === 400 && expect.status.includes(400)) {
      const errors = Array.isArray(problem.errors) ? problem.errors : []
      for (const want of expect.fields ?? []) {
        const found = errors.some(
          (e) => e.field === want.field && (want.index === undefined || e.index === want.index),
        )
        if (!found)
          out.push(
            `errors do not name ${JSON.stringify(want.field)}${want.index === undefined ? '' : ` at index ${want.index}`}`,
          )
      }
      if (expect.indexes) {
        const named = [...new Set(errors.map((e) => e.index))].sort((a, b) => Number(a) - Number(b))
        if (JSON.stringify(named) !== JSON.stringify(expect.indexes))
          out.push(`errors name indexes ${JSON.stringify(named)}, expected ${JSON.stringify(expect.indexes)}`)
      }
    }
    if (status === 503 && headers['retry-after'] === undefined) out.push('503 without Retry-After')
    if (status === 403 && expect.detailIncludes !== undefined) {
      if (typeof problem.detail !== 'string' || !problem.detail.includes(expect.detailIncludes))
        out.push(`403 detail ${JSON.stringify(problem.detail)} does not name ${expect.detailIncludes}`)
    }
    if (status === 401) out.push(...checkUnauthorized(problem, headers, req, state))
    return out
  }
  if (status === 201 || status === 200) {
    let body: Record<string, unknown>
    try {
      body = JSON.parse(text)
    } catch {
      return [...out, `${status} body is not JSON`]
    }
    if (status === 201 && req.path === EVENTS && req.events.length === 1) {
      const sent = req.events[0]!
      if (expect.duplicate !== undefined && body.duplicate !== expect.duplicate)
        out.push(`duplicate: ${JSON.stringify(body.duplicate)}, expected ${expect.duplicate}`)
      if (sent.id && String(body.event_id).toLowerCase() !== (sent.duplicateOf ?? sent.id))
        out.push(`event_id ${JSON.stringify(body.event_id)} ≠ sent ${sent.id}`)
      const ts = typeof body.event_timestamp === 'string' ? parseTimestamp(body.event_timestamp) : undefined
      const sentTs = new Map(sent.entries).get('event_timestamp')
      if (!sent.duplicateOf && sentTs?.t === 'str' && ts !== parseTimestamp(sentTs.value)) {
        out.push(
          `answered event_timestamp ${JSON.stringify(body.event_timestamp)} is not the instant sent (${sentTs.value})`,
        )
      }
    }
    if (status === 201 && req.path === BATCH) {
      if (expect.created !== undefined && body.created !== expect.created)
        out.push(`created ${JSON.stringify(body.created)}, expected ${expect.created}`)
      if (expect.duplicates !== undefined && body.duplicates !== expect.duplicates)
        out.push(`duplicates ${JSON.stringify(body.duplicates)}, expected ${expect.duplicates}`)
      const ids = Array.isArray(body.event_ids) ? body.event_ids : []
      if (ids.length !== req.events.length)
        out.push(`${ids.length} event_ids for ${req.events.length} events`)
      req.events.forEach((e, i) => {
        if (e.id && String(ids[i]).toLowerCase() !== e.id)
          out.push(`event_ids[${i}] ${JSON.stringify(ids[i])} ≠ sent ${e.id}`)
      })
    }
    if (expect.page && (!Array.isArray(body.data) || typeof body.pagination !== 'object'))
      out.push('200 is not a page')
  }
  return out
}

/**
 * Every 401 is the same answer, whatever was wrong with the credentials (none, malformed, unknown,
 * tampered): the body but for `instance` (the request's path) is the first 401's byte for byte, so
 * that no answer tells a prober which of its guesses came closer.
 */
function checkUnauthorized(
  problem: Record<string, unknown>,
  headers: Record<string, string>,
  req: PlannedRequest,
  state: CheckState,
): string[] {
  const out: string[] = []
  if (!/^Bearer\b/i.test(headers['www-authenticate'] ?? '')) out.push('401 without WWW-Authenticate: Bearer')
  const { instance, ...rest } = problem
  const path = req.path.split('?')[0] ?? req.path
  if (!req.raw && instance !== path && instance !== decodedPath(path))
    out.push(`401 instance ${JSON.stringify(instance)} ≠ ${path}`)
  const body = JSON.stringify(rest)
  state.unauthorized ??= { body, cls: req.cls }
  if (body !== state.unauthorized.body)
    out.push(
      `401 body ${clip(body)} differs from the first 401's (${state.unauthorized.cls}) ${clip(state.unauthorized.body)}`,
    )
  return out
}

/** The id each valid event of a 201 got: the one sent, or the service's. */
function assignedIds(req: PlannedRequest, answer: Answer): Array<string | undefined> {
  try {
    const body = JSON.parse(answer.text) as { event_id?: unknown; event_ids?: unknown }
    if (req.path === BATCH) {
      const ids = Array.isArray(body.event_ids) ? body.event_ids : []
      return req.events.map((e, i) => e.id ?? (typeof ids[i] === 'string' ? ids[i].toLowerCase() : undefined))
    }
    return req.events.map(
      (e) => e.id ?? (typeof body.event_id === 'string' ? body.event_id.toLowerCase() : undefined),
    )
  } catch {
    return req.events.map((e) => e.id)
  }
}

/** Every id an answer names (`event_id`, `event_ids`), lower case. */
function answeredIds(answer: Answer): string[] {
  try {
    const body = JSON.parse(answer.text) as { event_id?: unknown; event_ids?: unknown }
    const ids = [body.event_id, ...(Array.isArray(body.event_ids) ? body.event_ids : [])]
    return ids.filter((id): id is string => typeof id === 'string').map((id) => id.toLowerCase())
  } catch {
    return []
  }
}

/** Reads the service's RSS from /proc (Linux); 0 elsewhere. */
function rssMb(pid: number | undefined): number {
  if (pid === undefined) return 0
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : 0
  } catch {
    return 0
  }
}

/**
 * Lets the event loop handle the I/O that arrived while a plan was built synchronously: a pooled
 * connection the server closed meanwhile (idle past its keep-alive timeout) is then seen closed
 * by the client, which opens a new one, instead of sending the next request into it (`fetch
 * failed`, UND_ERR_SOCKET). Two turns: the socket's end, then its close.
 */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve))
}

/** Runs `tasks` with at most `limit` at once. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      await run(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/** Runs the whole hostile-input test against a service; returns what it found. */
export async function runHostileInput(options: HostileRunOptions): Promise<HostileRunReport> {
  const started = performance.now()
  const { seed, serviceUrl, databaseUrl, servicePid, pending, log, tokens } = options
  const checkState: CheckState = {}
  const statuses = new Map<string, number>()
  const statusesByGroup = new Map<string, Map<string, number>>()
  const countStatus = (cls: string, status: string) => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1)
    const group = statusesByGroup.get(groupOf(cls)) ?? new Map<string, number>()
    group.set(status, (group.get(status) ?? 0) + 1)
    statusesByGroup.set(groupOf(cls), group)
  }
  const concurrency = options.concurrency ?? 8
  const port = Number(new URL(serviceUrl).port)
  const ctx: GenContext = { nowMs: Date.now() }
  const ledger = new Ledger()
  const counts = new Map<string, { sent: number; failed: number }>()
  const skippedPending = new Map<string, number>()
  const failures: Failure[] = []
  const rss = { start: rssMb(servicePid), peak: 0, floodPeak: 0, end: 0 }
  let flooding = false
  const sampler = setInterval(() => {
    const mb = rssMb(servicePid)
    rss.peak = Math.max(rss.peak, mb)
    if (flooding) rss.floodPeak = Math.max(rss.floodPeak, mb)
  }, 50)

  const count = (cls: string, failed: boolean) => {
    const c = counts.get(cls) ?? { sent: 0, failed: 0 }
    c.sent++
    if (failed) c.failed++
    counts.set(cls, c)
  }
  const isPending = (req: PlannedRequest) => req.labels.some((l) => pending.has(l))

  /** Sends one request, checks its answer, records what must (not) be stored. */
  const execute = async (req: PlannedRequest, index: number) => {
    let answers: Answer[] = []
    const problems: string[] = []
    try {
      const sent = await send(req, serviceUrl, port)
      answers = sent.answers
      if (sent.note) problems.push(sent.note)
      const expected = req.raw?.answers ?? 1
      if (answers.length < expected) problems.push(`${answers.length} answers, expected ${expected}`)
      // Pipelined: the first answer is the ordinary request's (200), the last the one under test.
      if (expected > 1 && answers[0]?.status !== 200)
        problems.push(`first pipelined answer ${answers[0]?.status}, expected 200`)
      const last = answers[expected - 1]
      if (last) problems.push(...check(req.expect, last, req, checkState))
    } catch (error) {
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause
      problems.push(
        `request failed: ${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`,
      )
    }
    const last = answers[(req.raw?.answers ?? 1) - 1]
    const ok = problems.length === 0
    if (ok && last && last.status >= 400) {
      // Refused as it had to be: none of its events may be stored.
      for (const e of req.events) if (e.id && !e.duplicateOf) ledger.refused.set(e.id, req)
    } else if (last?.status === 201 && ok) {
      assignedIds(req, last).forEach((id, i) => {
        const event = req.events[i]!
        if (!id) return
        if (event.duplicateOf) return
        ledger.expected.set(id, { entries: event.entries, cls: req.cls, labels: req.labels })
      })
    } else {
      for (const e of req.events) if (e.id && !e.duplicateOf) ledger.unknown.add(e.id)
      if (last?.status === 201) for (const id of assignedIds(req, last)) if (id) ledger.unknown.add(id)
    }
    for (const id of req.refusedIds) ledger.refused.set(id, req)
    // A request that had to be refused but was accepted: the ids the service answered with (also
    // the ones it assigned) are of events that must not be stored.
    if (last && last.status >= 200 && last.status < 300 && req.expect.status.every((s) => s >= 400)) {
      for (const id of answeredIds(last)) if (!ledger.expected.has(id)) ledger.refused.set(id, req)
    }
    count(req.cls, !ok)
    countStatus(req.cls, last ? String(last.status) : 'none')
    if (!ok) {
      failures.push({
        cls: req.cls,
        labels: req.labels,
        what: `#${index} ${req.method} ${clip(req.path, 120)}: ${problems.join('; ')}; sent ${clip(req.body ? decoder.decode(req.body.subarray(0, 400)) : req.raw ? decoder.decode(req.raw.chunks[0]!.subarray(0, 200)) : '')}; answered ${last ? `${last.status} ${clip(last.text)}` : '(nothing)'}`,
        sent: req.body
          ? decoder.decode(req.body.subarray(0, 20_000))
          : req.raw
            ? decoder.decode(req.raw.chunks[0]!.subarray(0, 20_000))
            : req.path,
      })
    }
  }

  // --- phase 1: the generated requests
  // The resource cases of phase 3 that are pending give their share to phase 1: the total stays.
  const floodCount = pending.has('resource.flood') ? 0 : options.flood
  const monthsCount = pending.has('resource.300-months') ? 0 : 1
  const duplicates = Math.round(options.requests * 0.05)
  const phase1 = options.requests - duplicates - floodCount - monthsCount
  const plan: PlannedRequest[] = []
  for (let round = 0; plan.length < phase1 && round < 20; round++) {
    const need = phase1 - plan.length
    for (const req of generatePlan({
      seed: seed + round * 7919,
      requests: Math.ceil(need * 1.25) + 10,
      ctx,
      port,
      idSeed: `${seed}:${round}`,
      tokens,
    })) {
      if (plan.length >= phase1) break
      if (isPending(req)) skippedPending.set(req.cls, (skippedPending.get(req.cls) ?? 0) + 1)
      else plan.push(req)
    }
  }
  // Drawn three times over, so that `duplicates` are left when some kinds are pending.
  const dupShapes = duplicateShapes(seed, duplicates * 3, ctx)
  const secs = (since: number) => ((performance.now() - since) / 1000).toFixed(1)
  let phaseStarted = performance.now()
  log(
    `[hostile] seed ${seed}: ${plan.length} generated requests in ${secs(started)} s (${[...skippedPending.values()].reduce((a, b) => a + b, 0)} of pending classes left out)`,
  )
  phaseStarted = performance.now()
  await settle()
  await pool(plan, concurrency, execute)
  log(`[hostile] phase 1: ${plan.length} requests answered in ${secs(phaseStarted)} s`)

  // --- phase 2: duplicates of stored events (same id: never a second row, the first event's fields stay)
  const planned = performance.now()
  const keptDups = duplicatePlan(seed, dupShapes, ledger, ctx)
    .map((req) => authorize(req, tokens))
    .filter((req) => {
      if (!isPending(req)) return true
      skippedPending.set(req.cls, (skippedPending.get(req.cls) ?? 0) + 1)
      return false
    })
    .slice(0, duplicates)
  const planSeconds = secs(planned)
  await settle()
  phaseStarted = performance.now()
  await pool(keptDups, concurrency, (req, i) => execute(req, plan.length + i))
  log(
    `[hostile] phase 2: ${keptDups.length} duplicates of stored events in ${secs(phaseStarted)} s (planned in ${planSeconds} s)`,
  )

  // --- phase 3: a batch over 300 months, a flood of large invalid batches
  const months = authorize(monthsBatch(seed, ctx), tokens)
  await settle()
  if (monthsCount === 0) skippedPending.set(months.cls, 1)
  else {
    phaseStarted = performance.now()
    await execute(months, -1)
    log(`[hostile] a batch over 300 months answered in ${secs(phaseStarted)} s`)
  }
  const flood = floodRequests(floodCount).map((req) => authorize(req, tokens))
  await settle()
  if (flood.length > 0) {
    flooding = true
    const floodStarted = performance.now()
    await Promise.all(flood.map((req, i) => execute(req, -2 - i)))
    flooding = false
    rss.floodPeak = Math.max(rss.floodPeak, rssMb(servicePid))
    log(
      `[hostile] flood: ${flood.length} parallel ${(flood[0]!.body!.length / 1e6).toFixed(1)} MB invalid batches in ${((performance.now() - floodStarted) / 1000).toFixed(1)} s, service RSS peak ${rss.floodPeak.toFixed(0)} MB`,
    )
    if (servicePid !== undefined && rss.floodPeak >= options.rssLimitMb) {
      failures.push({
        cls: 'resource.flood',
        what: `service RSS peaked at ${rss.floodPeak.toFixed(0)} MB under the flood (bound ${options.rssLimitMb} MB)`,
      })
    }
  } else if (options.flood > 0) skippedPending.set('resource.flood', options.flood)

  // --- the oracle: every row is a valid event sent, stored exactly once, exactly as sent
  const dlq = (await options.dlqLength?.()) ?? 0
  if (dlq !== 0)
    failures.push({
      cls: 'dlq',
      what: `${dlq} messages in the service's DLQ streams: something was queued while PostgreSQL was up`,
    })
  phaseStarted = performance.now()
  const { rows, selfAuditRows, apiChecked } = await compareStored(
    databaseUrl,
    serviceUrl,
    ledger,
    failures,
    tokens,
  )
  log(`[hostile] ${rows} rows read and compared in ${secs(phaseStarted)} s`)
  clearInterval(sampler)
  rss.end = rssMb(servicePid)
  rss.peak = Math.max(rss.peak, rss.end)
  return {
    seed,
    counts,
    skippedPending,
    failures,
    rows,
    selfAuditRows,
    expectedRows: ledger.expected.size,
    apiChecked,
    rssMb: rss,
    seconds: (performance.now() - started) / 1000,
    statuses,
    statusesByGroup,
  }
}

/**
 * Reads every row of the database and compares the run's own with the ledger; then GETs a sample
 * through the API. The service writes audit events about itself into the same table (an
 * authentication failure, a read …): those are the rows of a `datastorage.*` type whose id the run
 * never sent, counted apart. The id matters, not the type alone: the run's valid events may have a
 * `datastorage.*` type too (`datastorage.workflow.created`), and they are compared as any other.
 */
async function compareStored(
  databaseUrl: string,
  serviceUrl: string,
  ledger: Ledger,
  failures: Failure[],
  tokens: HostileTokens,
) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  let rows: Array<Record<string, string | null>>
  try {
    // Who wrote each event (the token's holder), once the service records it.
    const recordedBy = await sql`
      select 1 from information_schema.columns
      where table_name = 'audit_events' and column_name = 'recorded_by' and table_schema = current_schema()`
    rows = await sql`
      select event_id::text as event_id, to_char(event_date, 'YYYY-MM-DD') as event_date,
        to_char(event_timestamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as ts,
        version, event_type, event_category, event_action, event_outcome, correlation_id,
        event_data::text as event_data, actor_type, actor_id, actor_ip, resource_type, resource_id,
        resource_name, parent_event_id::text as parent_event_id, namespace, cluster_id, severity,
        duration_ms::text as duration_ms, error_code, error_message, trace_id, span_id,
        retention_days::text as retention_days, is_sensitive::text as is_sensitive,
        ${recordedBy.length > 0 ? sql`recorded_by::text` : sql`null::text`} as recorded_by
      from audit_events`
  } finally {
    await sql.end({ timeout: 5 })
  }
  const seen = new Map<string, number>()
  const selfAudit = new Map<string, number>()
  for (const row of rows) {
    const id = String(row.event_id)
    const type = String(row.event_type)
    if (
      type.startsWith('datastorage.') &&
      !ledger.expected.has(id) &&
      !ledger.unknown.has(id) &&
      !ledger.refused.has(id)
    ) {
      selfAudit.set(type, (selfAudit.get(type) ?? 0) + 1)
      continue
    }
    seen.set(id, (seen.get(id) ?? 0) + 1)
    if (seen.get(id) === 2) {
      failures.push({
        cls: ledger.expected.get(id)?.cls ?? ledger.refused.get(id)?.cls ?? 'unknown',
        labels: ledger.expected.get(id)?.labels ?? ledger.refused.get(id)?.labels ?? [],
        what: `event_id ${id} has more than one row`,
      })
    }
    if (seen.get(id)! > 1) continue
    const expected = ledger.expected.get(id)
    if (!expected) {
      if (ledger.unknown.has(id)) continue
      const refused = ledger.refused.get(id)
      failures.push({
        cls: refused?.cls ?? 'unknown',
        labels: refused?.labels ?? [],
        what: refused
          ? `event ${id} of an invalid request is stored`
          : `a row nobody sent validly: ${id} ${clip(String(row.correlation_id), 60)}`,
      })
      continue
    }
    const stored: StoredEvent = {
      event_id: id,
      event_timestamp: parseTimestamp(`${row.ts}Z`) ?? -1n,
      event_date: String(row.event_date),
      fields: row,
      event_data: parseRawJson(String(row.event_data)),
    }
    const diff = differences(expected.entries, id, stored)
    if (row.recorded_by !== null && row.recorded_by !== tokens.writer.name)
      diff.push(`recorded_by ${JSON.stringify(row.recorded_by)} ≠ the writer ${tokens.writer.name}`)
    if (diff.length > 0)
      failures.push({
        cls: expected.cls,
        labels: expected.labels,
        what: `row ${id} differs from the event sent: ${diff.join('; ')}`,
      })
  }
  for (const [id, e] of ledger.expected) {
    if (!seen.has(id))
      failures.push({ cls: e.cls, labels: e.labels, what: `event ${id} was answered 201 but has no row` })
  }
  // The API must give back the same: a sample read by id, in upper case half the time.
  const sample = [...ledger.expected].filter(
    (_, i) => i % Math.max(1, Math.floor(ledger.expected.size / 200)) === 0,
  )
  await pool(sample, 8, async ([id, e], i) => {
    const res = await fetch(`${serviceUrl}${EVENTS}/${i % 2 ? id.toUpperCase() : id}`, {
      headers: { authorization: bearer(tokens.reader) },
    })
    const text = await res.text()
    if (res.status !== 200) {
      failures.push({ cls: e.cls, labels: e.labels, what: `GET ${id}: ${res.status} ${clip(text)}` })
      return
    }
    const stored = storedFromApi(parseRawJson(text))
    const diff = differences(e.entries, id, stored)
    const by = stored.fields.recorded_by
    if (by !== undefined && by !== tokens.writer.name)
      diff.push(`recorded_by ${JSON.stringify(by)} ≠ the writer ${tokens.writer.name}`)
    if (diff.length > 0)
      failures.push({
        cls: e.cls,
        labels: e.labels,
        what: `GET ${id} differs from the event sent: ${diff.join('; ')}`,
      })
  })
  const selfAuditRows = [...selfAudit.values()].reduce((a, b) => a + b, 0)
  return { rows: rows.length - selfAuditRows, selfAuditRows: selfAudit, apiChecked: sample.length }
}

// ---------------------------------------------------------------------------------------------
// Phase 2 and 3 requests

type DupKind = 'same' | 'other-fields' | 'same-day' | 'other-day'

/** Duplicates of events phase 1 stored, sent alone or in a batch with new events. */
interface DupShape {
  pick: number
  kind: DupKind
  upper: boolean
  r: number
  fresh: EventDraft[] | null
}

/**
 * The shapes of the duplicates, drawn before phase 1: drawing thousands takes seconds of blocked
 * event loop, and drawn between the phases they would leave the client's pooled connections idle
 * past the server's keep-alive timeout, unseen closed, and the first requests of phase 2 would fail.
 */
function duplicateShapes(seed: number, count: number, ctx: GenContext): DupShape[] {
  if (count === 0) return []
  const shape = fc.record({
    pick: fc.nat(),
    kind: fc.constantFrom<DupKind>('same', 'other-fields', 'same-day', 'other-day'),
    upper: fc.boolean(),
    r: fc.nat(),
    fresh: fc.option(fc.array(validEvent(ctx), { minLength: 1, maxLength: 4 }), { freq: 3 }),
  })
  return fc.sample(shape, { seed: seed + 1, numRuns: count })
}

function duplicatePlan(seed: number, shapes: DupShape[], ledger: Ledger, ctx: GenContext): PlannedRequest[] {
  const stored = [...ledger.expected].filter(([, e]) => {
    const ts = new Map(e.entries).get('event_timestamp')
    return ts?.t === 'str'
  })
  if (stored.length === 0 || shapes.length === 0) return []
  const ids = new IdSource(`hostile-dup:${seed}`)
  return shapes.map(({ pick, kind, upper, r, fresh }) => {
    const [id, original] = stored[pick % stored.length]!
    const ts = new Map(original.entries).get('event_timestamp') as { value: string }
    const generated = namedTimestamp(ts.value, [])
    let entries = original.entries.map(([k, v]): [string, Raw] => [k, v])
    entries = entries.filter(([k]) => k !== 'event_id')
    entries.unshift(['event_id', str(upper ? id.toUpperCase() : id)])
    const replace = (name: string, value: Raw) => {
      entries = entries.map(([k, v]): [string, Raw] => (k === name ? [k, value] : [k, v]))
    }
    if (kind === 'other-fields') {
      // Fields anyone may change (a typed event_data has required keys: left as it is).
      replace('correlation_id', str(`another ${r}`))
      replace('event_action', str('changed'))
    }
    if (kind === 'same-day') replace('event_timestamp', str(sameDayTimestamp(generated, r, ctx.nowMs)))
    if (kind === 'other-day') replace('event_timestamp', str(otherDayTimestamp(generated, r, ctx.nowMs)))
    const cls = `dup.${kind}`
    const dup: SentEvent = { entries, id, index: 0, duplicateOf: id }
    if (!fresh) {
      return {
        cls,
        labels: [cls],
        method: 'POST',
        path: EVENTS,
        headers: { 'content-type': 'application/json' },
        body: new TextEncoder().encode(writeRaw({ t: 'obj', entries })),
        expect: { status: [201], duplicate: true },
        events: [dup],
        refusedIds: [],
      } satisfies PlannedRequest
    }
    const events: SentEvent[] = fresh.map((draft: EventDraft, i) => {
      const newId = ids.hex()
      return {
        entries: entriesWithId(
          { ...draft, id: draft.id ?? { casing: { style: 'lower' }, position: 0 } },
          newId,
        ),
        id: uuidOf(newId),
        index: i,
      }
    })
    const at = r % (events.length + 1)
    events.splice(at, 0, dup)
    events.forEach((e, i) => {
      e.index = i
    })
    return {
      cls: 'dup.batch-mixed',
      labels: ['dup.batch-mixed', cls, ...fresh.flatMap((d) => d.tags)],
      method: 'POST',
      path: BATCH,
      headers: { 'content-type': 'application/json' },
      body: new TextEncoder().encode(
        `[${events.map((e) => writeRaw({ t: 'obj', entries: e.entries })).join(',')}]`,
      ),
      expect: { status: [201], created: events.length - 1, duplicates: 1 },
      events,
      refusedIds: [],
    } satisfies PlannedRequest
  })
}

/** One batch of 300 valid events in 300 different months: stored, or refused with a 4xx problem. */
function monthsBatch(seed: number, ctx: GenContext): PlannedRequest {
  const drafts = fc.sample(validEvent(ctx), { seed: seed + 3, numRuns: 300 })
  const ids = new IdSource(`hostile-months:${seed}`)
  const now = new Date(ctx.nowMs)
  const events: SentEvent[] = drafts.map((draft, i) => {
    const id = ids.hex()
    const month = now.getUTCFullYear() * 12 + now.getUTCMonth() - (i + 1)
    const y = Math.floor(month / 12)
    const m = (month % 12) + 1
    const entries = entriesWithId(
      { ...draft, id: draft.id ?? { casing: { style: 'lower' }, position: 0 } },
      id,
    ).map(([k, v]): [string, Raw] =>
      k === 'event_timestamp'
        ? [k, str(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-15T12:00:00Z`)]
        : [k, v],
    )
    return { entries, id: uuidOf(id), index: i }
  })
  return {
    cls: 'resource.300-months',
    labels: ['resource.300-months'],
    method: 'POST',
    path: BATCH,
    headers: { 'content-type': 'application/json' },
    body: new TextEncoder().encode(
      `[${events.map((e) => writeRaw({ t: 'obj', entries: e.entries })).join(',')}]`,
    ),
    // Stored (the bound allows it), or refused whole with a 4xx problem; never a 5xx.
    expect: { status: [201, 400, 413, 422, 429], created: 300, duplicates: 0 },
    events,
    refusedIds: [],
  }
}

/** `count` requests of one ~4.8 MB batch of invalid events (the body shared; under the 5 MiB limit). */
function floodRequests(count: number): PlannedRequest[] {
  if (count === 0) return []
  const events = 4000
  const event = (i: number, padding: number) =>
    JSON.stringify({
      version: '1.0',
      event_type: 'flood.test.event',
      event_timestamp: '2024-06-01T00:00:00Z',
      event_category: 'gateway',
      event_action: 'flood',
      event_outcome: 'maybe',
      correlation_id: `flood-${String(i).padStart(4, '0')}`,
      event_data: { padding: 'x'.repeat(padding) },
    })
  const padding = Math.floor(4_800_000 / events) - event(0, 0).length - 1
  const body = new TextEncoder().encode(
    `[${Array.from({ length: events }, (_, i) => event(i, padding)).join(',')}]`,
  )
  return Array.from({ length: count }, () => ({
    cls: 'resource.flood',
    labels: ['resource.flood'],
    method: 'POST',
    path: BATCH,
    headers: { 'content-type': 'application/json' },
    body,
    // Refused as invalid, or not read at all when too many bodies are in flight (503, Retry-After).
    expect: { status: [400, 503] },
    events: [],
    refusedIds: [],
  }))
}
