import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll } from 'vitest'

/** A service stand-in on loopback for child-process tests: answers 201 and records the ids it got. */
export interface RecordingServer {
  readonly baseUrl: string
  /** The event ids received since the last {@link reset}. */
  readonly received: string[]
  reset(): void
}

/** Starts one such server for the enclosing describe block (beforeAll), closed in afterAll. */
export function useRecordingServer(): RecordingServer {
  let server: Server
  const state = { baseUrl: '', received: [] as string[] }
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const raw = Buffer.concat(chunks)
        const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw
        const events = JSON.parse(body.toString('utf8')) as { event_id: string }[]
        state.received.push(...events.map((e) => e.event_id))
        res.writeHead(201, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({ event_ids: events.map((e) => e.event_id), created: events.length, duplicates: 0 }),
        )
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  return {
    get baseUrl() {
      return state.baseUrl
    },
    get received() {
      return state.received
    },
    reset() {
      state.received = []
    },
  }
}
