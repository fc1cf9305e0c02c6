import { createServer, type Server } from 'node:http'
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
  /** Event texts as served, by event id; defaults to JSON.stringify of the event. */
  readonly texts: Map<string, string>
  close(): Promise<void>
}

const json = (body: unknown) => JSON.stringify(body)

/**
 * Starts the fake. Events are served newest first, in pages of the requested limit, with a cursor
 * that is the offset in base64url; filters by correlation_id, since and until as the service does.
 */
export async function startFakeService(initial: MemoryLog): Promise<FakeService> {
  const token = 'at_test-token'
  const requests: string[] = []
  const texts = new Map<string, string>()
  const state = { log: initial }
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
    if (path === '/api/v1/audit/events') {
      const since = q.get('since')
      const until = q.get('until')
      const selected = log.events
        .filter((e) => !q.has('correlation_id') || e.correlation_id === q.get('correlation_id'))
        .filter((e) => since === null || Date.parse(e.event_timestamp) >= Date.parse(since))
        .filter((e) => until === null || Date.parse(e.event_timestamp) < Date.parse(until))
        .reverse()
      const offset = q.has('cursor') ? Number(Buffer.from(q.get('cursor')!, 'base64url').toString()) : 0
      const limit = Number(q.get('limit') ?? 100)
      const page = selected.slice(offset, offset + limit)
      const more = offset + page.length < selected.length
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
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
