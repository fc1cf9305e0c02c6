import { randomUUID } from 'node:crypto'
import { type AuditEventQuery, createDataStorageClient } from '@audit-trail/datastorage-client'
import postgres from 'postgres'
import type { BenchRun } from './bench-run.js'
import { copyIntoAuditEvents, copyLine, countBenchRows, ensureMonthPartitions } from './copy-rows.js'
import { processCpuSeconds } from './cpu.js'
import { SAMPLE_ACTORS, SAMPLE_EVENT_TYPES, sampleEvent, seededRandom } from './events.js'
import type { BenchReport, ReportLine } from './report.js'
import { scaled } from './scale.js'
import { type LatencySummary, summarize } from './stats.js'

const SPAN_DAYS = 30
const EVENTS_PER_CORRELATION = 10
const PAGE = 100
const WARMUP = 10
const DAY_MS = 86_400_000

// The statement the service's store runs (its EVENT_SELECTION columns and keyset order; the store
// names each column by an alias, which costs PostgreSQL nothing), so that the ratio is what HTTP,
// validation, row mapping and JSON add on top of PostgreSQL.
const SELECT = `select "event_id", "version", "event_type", to_char("event_timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), "event_category", "event_action", "event_outcome", "correlation_id", "event_data", "actor_type", "actor_id", "actor_ip", "resource_type", "resource_id", "resource_name", "parent_event_id", "namespace", "cluster_id", "severity", "duration_ms", "error_code", "error_message", "trace_id", "span_id", "retention_days", "is_sensitive", to_char("event_date", 'YYYY-MM-DD'), to_char("stored_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') from "audit_events"`
const ORDER = `order by "audit_events"."event_timestamp" desc, "audit_events"."event_id" desc`

/** One typical query: its API parameters and the same query in SQL, for request number `k`. */
interface QueryCase {
  name: string
  api(k: number): AuditEventQuery
  sql(k: number): { where: string; params: (string | number)[] }
}

/** What {@link explainSamples} measured. */
interface PlanSamples {
  planning: LatencySummary
  execution: LatencySummary
  hit: LatencySummary
  read: LatencySummary
  /** The first sample's plan, one line: node types, index names, rows. */
  shape: string
}

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  Plans?: PlanNode[]
}

/** A plan as one line: `Limit(101) → Sort(10) → Append(10)[5× Index Scan …_correlation_idx(2)]`. */
function planShape(node: PlanNode): string {
  const self = `${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ''}(${node['Actual Rows'] ?? '?'})`
  const children = node.Plans ?? []
  if (children.length === 0) return self
  if (children.length === 1) return `${self} → ${planShape(children[0]!)}`
  // Partitions: group identical shapes (rows aside) so a 5-partition Append stays short.
  const counts = new Map<string, number>()
  for (const child of children) {
    const shape = planShape(child).replace(/\(\d+\)/g, '')
    counts.set(shape, (counts.get(shape) ?? 0) + 1)
  }
  return `${self}[${[...counts].map(([shape, n]) => (n > 1 ? `${n}× ${shape}` : shape)).join(', ')}]`
}

/**
 * The case's statement under `EXPLAIN (ANALYZE, BUFFERS)` for 20 of its requests (after the timed
 * ones, so the cache is as warm as the API's): PostgreSQL's own planning and execution time and
 * the buffers touched, which tell the server's share of a latency from what the client and the
 * machine add.
 */
async function explainSamples(sql: postgres.Sql, c: QueryCase, requests: number): Promise<PlanSamples> {
  const planning: number[] = []
  const execution: number[] = []
  const hit: number[] = []
  const read: number[] = []
  let shape = ''
  for (let k = 0; k < 20; k++) {
    const { where, params } = c.sql(requests + k)
    const [row] = await sql.unsafe<{ 'QUERY PLAN': unknown }[]>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${SELECT} where ${where} ${ORDER} limit $${params.length + 1}`,
      [...params, PAGE + 1],
    )
    const raw = row?.['QUERY PLAN']
    const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      Plan: PlanNode & { 'Shared Hit Blocks': number; 'Shared Read Blocks': number }
      'Planning Time': number
      'Execution Time': number
    }[]
    if (!plan) throw new Error(`query ${c.name}: EXPLAIN returned no plan`)
    planning.push(plan['Planning Time'])
    execution.push(plan['Execution Time'])
    hit.push(plan.Plan['Shared Hit Blocks'])
    read.push(plan.Plan['Shared Read Blocks'])
    if (k === 0) shape = planShape(plan.Plan)
  }
  return {
    planning: summarize(planning),
    execution: summarize(execution),
    hit: summarize(hit),
    read: summarize(read),
    shape,
  }
}

/** Rows spread evenly over the last SPAN_DAYS (oldest first), in COPY text, generated lazily in chunks of 1,000. */
export function* generateRows(count: number, now: number): Generator<string> {
  const random = seededRandom(42)
  const step = (SPAN_DAYS * DAY_MS) / count
  let chunk = ''
  for (let i = 0; i < count; i++) {
    const timestamp = new Date(now - SPAN_DAYS * DAY_MS + i * step + random() * step * 0.9).toISOString()
    const event = sampleEvent(i, `corr-${Math.floor(i / EVENTS_PER_CORRELATION)}`, {
      kind: Math.floor(random() * SAMPLE_EVENT_TYPES.length),
      actor: Math.floor(random() * SAMPLE_ACTORS),
    })
    chunk += copyLine({
      ...event,
      event_id: randomUUID(),
      event_date: timestamp.slice(0, 10),
      version: '1.0',
      event_timestamp: timestamp,
      retention_days: 2555,
      is_sensitive: false,
    })
    if (i % 1000 === 999) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}

export function monthsBetween(from: number, to: number): string[] {
  const months: string[] = []
  for (let t = from; t <= to + DAY_MS; t += DAY_MS) months.push(new Date(t).toISOString().slice(0, 7))
  return [...new Set(months)]
}

const pair = (s: LatencySummary) => `${s.p50.toFixed(2)} / ${s.p99.toFixed(2)}`

/**
 * Benchmark 4: query latency on a large table (rows loaded by COPY, then VACUUM ANALYZE) through
 * the query API, for typical filters, against the same SQL statement run directly with postgres.js.
 */
export async function queryBenchmark(run: BenchRun): Promise<BenchReport> {
  // Issue 14's target is the correlation_id p99 on 1,000,000 rows (300,000 before).
  const rowCount = scaled(1_000_000, run.scale, 3_000)
  const requests = scaled(200, run.scale, 10)
  const now = Date.now()
  const correlations = Math.ceil(rowCount / EVENTS_PER_CORRELATION)

  const db = await run.freshDatabase('query')
  // Migrates, creates this month + 3 ahead. The log is on, as by default: the COPY'd rows are not
  // queued, so it only seals the service's own read records (one per query, self-audit).
  const service = await run.startService(db.url, 'query', { TRANSPARENCY_LOG: 'on' })
  const sql = postgres(db.url, { max: 1, onnotice: () => {} })
  run.defer(() => sql.end({ timeout: 5 }))
  await ensureMonthPartitions(sql, monthsBetween(now - SPAN_DAYS * DAY_MS, now))
  const t0 = performance.now()
  await copyIntoAuditEvents(db.url, generateRows(rowCount, now))
  const loadSeconds = (performance.now() - t0) / 1000
  await sql`VACUUM ANALYZE audit_events`
  const n = await countBenchRows(sql)
  if (n !== rowCount) throw new Error(`query: loaded ${n} rows, expected ${rowCount}`)

  const ds = createDataStorageClient({ baseUrl: service.url, token: service.tokens.reader })

  // Deep pages: the position of a row 40–60% down the table, asked for through the API (`until`
  // then `next_cursor`), so the cursor is one the service issued.
  const deep: { cursor: string; timestamp: string; id: string }[] = []
  for (let j = 0; j < 10; j++) {
    const offset = Math.floor(rowCount * (0.4 + 0.02 * j))
    const [row] = await sql<{ ts: string }[]>`
      SELECT to_char(event_timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts
      FROM audit_events ORDER BY event_timestamp DESC, event_id DESC OFFSET ${offset} LIMIT 1`
    const { data } = await ds.GET('/api/v1/audit/events', { params: { query: { until: row!.ts, limit: 1 } } })
    const last = data?.data[0]
    if (!data?.pagination.next_cursor || !last) throw new Error('query: no cursor for a deep page')
    deep.push({ cursor: data.pagination.next_cursor, timestamp: last.event_timestamp, id: last.event_id })
  }

  const pick = (k: number, n: number) => (k * 7919) % n
  const cases: QueryCase[] = [
    {
      name: 'correlation_id',
      api: (k) => ({ correlation_id: `corr-${pick(k, correlations)}`, limit: PAGE }),
      sql: (k) => ({
        where: `"audit_events"."correlation_id" = $1`,
        params: [`corr-${pick(k, correlations)}`],
      }),
    },
    {
      name: 'event_type + since 24h',
      api: (k) => ({
        event_type: SAMPLE_EVENT_TYPES[k % SAMPLE_EVENT_TYPES.length]!,
        since: '24h',
        limit: PAGE,
      }),
      sql: (k) => {
        const since = new Date(Date.now() - DAY_MS).toISOString()
        return {
          where: `("audit_events"."event_type" = $1 and "audit_events"."event_timestamp" >= $2::timestamptz and "audit_events"."event_date" >= $3::date)`,
          params: [SAMPLE_EVENT_TYPES[k % SAMPLE_EVENT_TYPES.length]!, since, since.slice(0, 10)],
        }
      },
    },
    {
      name: 'actor_id',
      api: (k) => ({ actor_id: `svc-${pick(k, SAMPLE_ACTORS)}`, limit: PAGE }),
      sql: (k) => ({ where: `"audit_events"."actor_id" = $1`, params: [`svc-${pick(k, SAMPLE_ACTORS)}`] }),
    },
    {
      name: 'deep keyset page (cursor)',
      api: (k) => ({ cursor: deep[k % deep.length]!.cursor, limit: PAGE }),
      sql: (k) => {
        const { timestamp, id } = deep[k % deep.length]!
        return {
          where: `(("audit_events"."event_timestamp", "audit_events"."event_id") < ($1::timestamptz, $2::uuid) and "audit_events"."event_date" <= $3::date)`,
          params: [timestamp, id, timestamp.slice(0, 10)],
        }
      },
    },
  ]

  const lines: ReportLine[] = []
  const returned: string[] = []
  const shapes: string[] = []
  const summaries = new Map<string, { api: LatencySummary; sql: LatencySummary }>()
  for (const c of cases) {
    const viaApi = async (k: number) => {
      const t = performance.now()
      const { data, response } = await ds.GET('/api/v1/audit/events', { params: { query: c.api(k) } })
      const elapsed = performance.now() - t
      if (!data) throw new Error(`query ${c.name}: API answered ${response.status}`)
      return { elapsed, ids: data.data.map((e) => e.event_id) }
    }
    const viaSql = async (k: number) => {
      const { where, params } = c.sql(k)
      const t = performance.now()
      const rows = await sql
        .unsafe(`${SELECT} where ${where} ${ORDER} limit $${params.length + 1}`, [...params, PAGE + 1])
        .values()
      const elapsed = performance.now() - t
      return { elapsed, ids: rows.slice(0, PAGE).map((r) => String(r[0])) }
    }
    for (let k = 0; k < WARMUP; k++) {
      await viaApi(k)
      await viaSql(k)
    }
    const api: number[] = []
    const direct: number[] = []
    const cpu0 = processCpuSeconds(service.pid())
    let rows = 0
    let mismatches = 0
    for (let k = 0; k < requests; k++) {
      // Interleaved, so both see the same machine noise.
      const a = await viaApi(k)
      const s = await viaSql(k)
      api.push(a.elapsed)
      direct.push(s.elapsed)
      rows += a.ids.length
      if (a.ids.length !== s.ids.length || a.ids.some((id, i) => id !== s.ids[i])) mismatches++
    }
    // The since-24h window moves between the two calls; anything beyond a stray edge row is a bug.
    if (rows === 0 || mismatches > Math.ceil(requests / 10)) {
      throw new Error(`query ${c.name}: ${rows} rows returned, ${mismatches} API/SQL mismatches`)
    }
    const plans = await explainSamples(sql, c, requests)
    const serviceCpuMs =
      (((processCpuSeconds(service.pid()) ?? Number.NaN) - (cpu0 ?? Number.NaN)) * 1000) / requests
    const a = summarize(api)
    const s = summarize(direct)
    summaries.set(c.name, { api: a, sql: s })
    lines.push(
      { kind: 'figure', label: `${c.name}: API`, value: pair(a), unit: 'ms p50 / p99' },
      { kind: 'baseline', label: `${c.name}: same SQL, postgres.js`, value: pair(s), unit: 'ms p50 / p99' },
      {
        kind: 'ratio',
        label: `${c.name}: API / SQL`,
        value: `${(a.p50 / s.p50).toFixed(1)} / ${(a.p99 / s.p99).toFixed(1)}`,
        unit: '× p50 / p99',
      },
      // CPU time is steadier than latency on a shared machine: what one answer costs the service.
      {
        kind: 'info',
        label: `${c.name}: service CPU per API request`,
        value: serviceCpuMs,
        unit: 'ms',
        digits: 2,
      },
      {
        kind: 'info',
        label: `${c.name}: EXPLAIN ANALYZE planning / execution`,
        value: `${pair(plans.planning)} / ${pair(plans.execution)}`,
        unit: 'ms p50 / p99 each',
      },
      {
        kind: 'info',
        label: `${c.name}: shared buffers hit / read per statement`,
        value: `${plans.hit.p50.toFixed(0)} / ${plans.read.p50.toFixed(0)}`,
        unit: 'median',
      },
    )
    returned.push(
      `${c.name} ${(rows / requests).toFixed(0)}${mismatches ? ` (${mismatches} edge mismatches)` : ''}`,
    )
    shapes.push(`${c.name}: ${plans.shape}`)
  }
  return {
    title: '4. query latency on a large table',
    parameters: {
      rows: rowCount,
      span: `${SPAN_DAYS} days`,
      'requests per query': `${requests} + ${WARMUP} warm-up, sequential, API and SQL interleaved`,
      limit: PAGE,
      auth: 'tokens (audit:read bearer token on every request)',
      load: `COPY ${Math.round(rowCount / loadSeconds).toLocaleString('en-US')} rows/s, then VACUUM ANALYZE`,
      'transparency log': 'on (seals the self-audit read records only)',
    },
    lines,
    notes: [
      `rows per answer: ${returned.join(' · ')}`,
      'API = typed client → HTTP → validation → store → PostgreSQL → JSON → client; SQL = the same statement',
      `plans (EXPLAIN ANALYZE, first sample): ${shapes.join(' · ')}`,
    ],
    metrics: {
      query_correlation_p50_ms: summaries.get('correlation_id')?.api.p50 ?? null,
      query_correlation_p99_ms: summaries.get('correlation_id')?.api.p99 ?? null,
      query_correlation_sql_p99_ms: summaries.get('correlation_id')?.sql.p99 ?? null,
      query_rows: rowCount,
    },
  }
}
