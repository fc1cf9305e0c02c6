import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { consistencyProofFromLeaves, fromHex, inclusionProofFromLeaves, toHex } from '@audit-trail/merkle'
import type { MemoryLog } from './memory-log.js'

/** A stand-in for the DataStorage integrity API over a {@link MemoryLog}, on a loopback port. */
export interface FakeService {
  readonly url: string
  readonly token: string
  /** Request paths with their query, in order. */
  readonly requests: string[]
  /** Replaces the served log (a later state of the same service). */
  log: MemoryLog
  /**
   * `GET /events/export` writes this many rows, then cuts the connection without ending the
   * chunked body (a service that lost its database mid-export). Undefined: the whole export.
   */
  breakExportAfter: number | undefined
  /** The DLQ behind `/api/v1/audit/dlq*`. */
  readonly dlq: FakeDlq
  /** Event texts as served, by event id; defaults to JSON.stringify of the event. */
  readonly texts: Map<string, string>
  close(): Promise<void>
}

const json = (body: unknown) => JSON.stringify(body)

/** A message of the fake DLQ: decodable (`message` set) or not (parked by a replay as poison). */
export interface FakeDlqMessage {
  id: string
  message?: Record<string, unknown>
  error?: string
  extra?: Record<string, string>
}

/**
 * The DLQ the fake serves. Its replay takes one message each time the depth is read
 * (`GET /api/v1/audit/dlq`) while the replay runs, so a test sees every step of the progress
 * without depending on timing, and answers when nothing it can take is left.
 */
export interface FakeDlq {
  /** False: the service runs without REDIS_URL (stats say `enabled: false`, the others 404). */
  enabled: boolean
  messages: FakeDlqMessage[]
  deadLetter: FakeDlqMessage[]
  /** Messages at the head of `messages` held by another consumer: a replay gives up on them. */
  heldElsewhere: number
  /** True while a replay runs: another one is refused with 409. */
  replaying: boolean
  /** `max_wait_ms` of each replay request (undefined: the body had none). */
  readonly replayBodies: unknown[]
}

/** A decodable message whose event is `event`. */
export function fakeDlqMessage(i: number, event: Record<string, unknown>): FakeDlqMessage {
  return {
    id: `1764583200000-${i}`,
    message: {
      event,
      source: 'client',
      service: 'billing',
      reason: 'connect ECONNREFUSED 127.0.0.1:8080',
      attempts: 3,
      enqueued_at: '2026-12-01T10:00:00.000Z',
    },
  }
}

const CSV_COLUMNS = ['event_id', 'event_timestamp', 'event_type', 'correlation_id', 'event_data'] as const

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return ''
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * Starts the fake. Events are served newest first, in pages of the requested limit, with a cursor
 * that is the offset in base64url, or all at once by the export (NDJSON, or CSV of a few columns);
 * filters by correlation_id, trace_id, since and until as the service does.
 */
export async function startFakeService(initial: MemoryLog): Promise<FakeService> {
  const token = 'at_test-token'
  const requests: string[] = []
  const texts = new Map<string, string>()
  const state: { log: MemoryLog; breakExportAfter: number | undefined } = {
    log: initial,
    breakExportAfter: undefined,
  }
  const dlq: FakeDlq = {
    enabled: true,
    messages: [],
    deadLetter: [],
    heldElsewhere: 0,
    replaying: false,
    replayBodies: [],
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    requests.push(`${url.pathname}${url.search}`)
    const send = (status: number, body: string) => {
      res.writeHead(status, {
        'content-type': status < 400 ? 'application/json' : 'application/problem+json',
      })
      res.end(body)
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      send(401, json({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'bad token' }))
      return
    }
    const log = state.log
    const q = url.searchParams
    const path = url.pathname
    if (path === '/api/v1/audit/checkpoints/latest') return send(200, json(log.checkpoint))
    if (path === '/api/v1/audit/log/leaves') {
      const start = Number(q.get('start') ?? 0)
      const limit = Number(q.get('limit') ?? 1000)
      const size = log.checkpoint.tree_size
      const leaves = log.leaves.slice(start, Math.min(start + limit, size))
      const next = start + leaves.length < size ? start + leaves.length : null
      return send(200, json({ tree_size: size, leaves, next_start: next }))
    }
    if (path === '/api/v1/audit/checkpoints/consistency') {
      const from = Number(q.get('from'))
      const to = Number(q.get('to'))
      const hashes = log.leaves.slice(0, to).map((l) => fromHex(l.leaf_hash))
      return send(200, json({ from, to, proof: consistencyProofFromLeaves(from, hashes).map(toHex) }))
    }
    const proof = /^\/api\/v1\/audit\/events\/([^/]+)\/proof$/.exec(path)
    if (proof) {
      const size = Number(q.get('tree_size') ?? log.checkpoint.tree_size)
      const leaf = log.leaves.find((l) => l.event_id === proof[1] && l.leaf_index < size)
      if (!leaf) return send(404, json({ type: 'about:blank', title: 'Not Found', status: 404 }))
      const hashes = log.leaves.slice(0, size).map((l) => fromHex(l.leaf_hash))
      return send(
        200,
        json({
          event_id: leaf.event_id,
          leaf_index: leaf.leaf_index,
          tree_size: size,
          leaf_hash: leaf.leaf_hash,
          proof: inclusionProofFromLeaves(leaf.leaf_index, hashes).map(toHex),
        }),
      )
    }
    const since = q.get('since')
    const until = q.get('until')
    const selected = () =>
      log.events
        .filter((e) => !q.has('correlation_id') || e.correlation_id === q.get('correlation_id'))
        .filter((e) => !q.has('trace_id') || e['trace_id'] === q.get('trace_id'))
        .filter((e) => since === null || Date.parse(e.event_timestamp) >= Date.parse(since))
        .filter((e) => until === null || Date.parse(e.event_timestamp) < Date.parse(until))
        .reverse()
    if (path === '/api/v1/audit/events/export') {
      const csv = q.get('format') === 'csv'
      const rows = selected().slice(0, q.has('limit') ? Number(q.get('limit')) : undefined)
      res.writeHead(200, {
        'content-type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
        'content-disposition': `attachment; filename="audit-events.${csv ? 'csv' : 'ndjson'}"`,
      })
      const lines = [
        ...(csv ? [`${CSV_COLUMNS.join(',')}\r\n`] : []),
        ...rows.map((e) =>
          csv
            ? `${CSV_COLUMNS.map((c) => csvCell(e[c])).join(',')}\r\n`
            : `${texts.get(e.event_id) ?? json(e)}\n`,
        ),
      ]
      const cutAt = state.breakExportAfter === undefined ? undefined : state.breakExportAfter + (csv ? 1 : 0)
      // One write at a time, each flushed before the next, so a cut comes after the rows before it.
      const next = (i: number): void => {
        if (i === cutAt) {
          res.destroy()
          return
        }
        const line = lines[i]
        if (line === undefined) return void res.end()
        res.write(line, () => next(i + 1))
      }
      next(0)
      return
    }
    if (path.startsWith('/api/v1/audit/dlq')) return serveDlq(req, res, path, q, dlq)
    if (path === '/api/v1/audit/events') {
      const matching = selected()
      const offset = q.has('cursor') ? Number(Buffer.from(q.get('cursor')!, 'base64url').toString()) : 0
      const limit = Number(q.get('limit') ?? 100)
      const page = matching.slice(offset, offset + limit)
      const more = offset + page.length < matching.length
      const data = page.map((e) => texts.get(e.event_id) ?? json(e))
      const cursor = more ? Buffer.from(String(offset + page.length)).toString('base64url') : null
      // Laid out over several lines, as a pretty-printing proxy might: the texts must survive.
      return send(
        200,
        `{\n  "data": [\n    ${data.join(',\n    ')}\n  ],\n  "pagination": ${json({ limit, next_cursor: cursor, has_more: more })}\n}`,
      )
    }
    const one = /^\/api\/v1\/audit\/events\/([^/]+)$/.exec(path)
    if (one) {
      const event = log.events.find((e) => e.event_id === one[1])
      if (event) return send(200, texts.get(String(event.event_id)) ?? json(event))
    }
    send(404, json({ type: 'about:blank', title: 'Not Found', status: 404 }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    texts,
    get log() {
      return state.log
    },
    set log(next: MemoryLog) {
      state.log = next
    },
    get breakExportAfter() {
      return state.breakExportAfter
    },
    set breakExportAfter(rows: number | undefined) {
      state.breakExportAfter = rows
    },
    dlq,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}

const problem = (status: number, title: string) => json({ type: 'about:blank', title, status })

/** Pending replays of the fake: each read of the depth moves one of them a step. */
const steppers = new WeakMap<FakeDlq, () => void>()

function serveDlq(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  q: URLSearchParams,
  dlq: FakeDlq,
): void {
  const send = (status: number, body: string) => {
    res.writeHead(status, {
      'content-type': status < 400 ? 'application/json' : 'application/problem+json',
    })
    res.end(body)
  }
  if (path === '/api/v1/audit/dlq') {
    if (!dlq.enabled) {
      send(200, json({ enabled: false }))
      return
    }
    steppers.get(dlq)?.()
    const length = dlq.messages.length
    send(
      200,
      json({
        enabled: true,
        stream: 'audit:dlq:events',
        length,
        capacity: 1000,
        capacity_ratio: length / 1000,
        group:
          dlq.heldElsewhere > 0
            ? {
                name: 'datastorage',
                pending: dlq.heldElsewhere,
                last_delivered_id: '0-0',
                consumers: [{ name: 'replica-2', pending: dlq.heldElsewhere, idle_ms: 1200 }],
              }
            : null,
        dead_letter: { stream: 'audit:dead-letter:events', length: dlq.deadLetter.length },
        oldest_enqueued_at: length > 0 ? '2026-12-01T10:00:00.000Z' : null,
      }),
    )
    return
  }
  if (!dlq.enabled) {
    send(404, problem(404, 'Not Found'))
    return
  }
  if (path === '/api/v1/audit/dlq/messages') {
    const dead = q.get('stream') === 'dead-letter'
    const count = Number(q.get('count') ?? 10)
    const stream = dead ? 'audit:dead-letter:events' : 'audit:dlq:events'
    send(200, json({ stream, messages: (dead ? dlq.deadLetter : dlq.messages).slice(0, count) }))
    return
  }
  if (path === '/api/v1/audit/dlq/replay' && req.method === 'POST') {
    if (dlq.replaying) {
      send(409, problem(409, 'Conflict'))
      return
    }
    let body = ''
    req.setEncoding('utf8').on('data', (chunk: string) => {
      body += chunk
    })
    req.on('end', () => {
      const maxWait = (JSON.parse(body || '{}') as { max_wait_ms?: number }).max_wait_ms
      dlq.replayBodies.push(maxWait)
      dlq.replaying = true
      const total = dlq.messages.length
      let done = 0
      let created = 0
      let poisoned = 0
      const finish = () => {
        steppers.delete(dlq)
        dlq.replaying = false
        const held = dlq.heldElsewhere
        send(
          200,
          json({
            stream: 'audit:dlq:events',
            done,
            total,
            created,
            poisoned,
            waiting: 0,
            remaining: dlq.messages.length,
            left: {
              held_elsewhere:
                held > 0 ? [{ consumer: 'replica-2', count: held, claimable_in_ms: 28_800 }] : [],
              retrying: 0,
              unread: 0,
            },
            gave_up: held > 0,
            max_wait_ms: maxWait ?? 60_000,
            duration_ms: 12,
          }),
        )
      }
      const step = () => {
        const next = dlq.messages[dlq.heldElsewhere]
        if (next === undefined) return finish()
        dlq.messages.splice(dlq.heldElsewhere, 1)
        done++
        if (next.message) created++
        else {
          poisoned++
          dlq.deadLetter.push({
            ...next,
            extra: { dlq_id: next.id, poisoned_at: '2026-12-01T11:00:00.000Z' },
          })
        }
        if (dlq.messages.length === dlq.heldElsewhere) finish()
      }
      if (dlq.messages.length === dlq.heldElsewhere) finish()
      else steppers.set(dlq, step)
    })
    return
  }
  send(404, problem(404, 'Not Found'))
}
