import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpTransport } from '../src/transport.js'
import { validEvent } from './helpers/harness.js'

interface Seen {
  encoding: string | undefined
  bytes: number
  ids: string[]
}

/** A loopback service that records how each body came (encoding, bytes on the wire) and decodes it. */
async function startServer(refuseGzip = false) {
  const seen: Seen[] = []
  let refused = 0
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      const encoding = req.headers['content-encoding']
      if (encoding === 'gzip' && refuseGzip) {
        refused++
        res.writeHead(415, { 'content-type': 'application/problem+json' })
        res.end(JSON.stringify({ type: 'about:blank', title: 'Unsupported Media Type', status: 415 }))
        return
      }
      const text = (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')
      const events = JSON.parse(text) as { event_id: string }[]
      seen.push({ encoding, bytes: raw.length, ids: events.map((e) => e.event_id) })
      res.writeHead(201, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ event_ids: events.map((e) => e.event_id), created: events.length, duplicates: 0 }),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    refused: () => refused,
    stop: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

const events = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    ...validEvent(i),
    version: '1.0' as const,
    event_id: `01890a5d-ac96-774b-bcce-${String(i).padStart(12, '0')}`,
    event_timestamp: '2024-05-01T10:00:00.000Z',
  }))

describe('request compression', () => {
  let stop: (() => Promise<void>) | undefined
  afterEach(async () => {
    await stop?.()
    stop = undefined
  })

  it('gzips a body from the threshold up, and the service reads the same events', async () => {
    const server = await startServer()
    stop = server.stop
    const transport = createHttpTransport({
      baseUrl: server.baseUrl,
      requestTimeoutMs: 5000,
      compression: 'gzip',
      compressionThresholdBytes: 4096,
    })
    const big = events(100)
    const small = events(2)
    expect(await transport.send(big)).toEqual({ status: 'created', created: 100, duplicates: 0 })
    await transport.send(small)
    await transport.close()
    const [gz, plain] = server.seen
    expect(gz).toMatchObject({ encoding: 'gzip', ids: big.map((e) => e.event_id) })
    expect(gz!.bytes).toBeLessThan(Buffer.byteLength(JSON.stringify(big)) / 5)
    expect(plain).toEqual({
      encoding: undefined,
      bytes: Buffer.byteLength(JSON.stringify(small)),
      ids: small.map((e) => e.event_id),
    })
  })

  it("sends bodies as they are with compression 'none'", async () => {
    const server = await startServer()
    stop = server.stop
    const transport = createHttpTransport({
      baseUrl: server.baseUrl,
      requestTimeoutMs: 5000,
      compression: 'none',
      compressionThresholdBytes: 0,
    })
    await transport.send(events(100))
    await transport.close()
    expect(server.seen.map((s) => s.encoding)).toEqual([undefined])
  })

  it('falls back to plain bodies, at once and from then on, when the service answers 415 to gzip', async () => {
    const server = await startServer(true)
    stop = server.stop
    const transport = createHttpTransport({
      baseUrl: server.baseUrl,
      requestTimeoutMs: 5000,
      compression: 'gzip',
      compressionThresholdBytes: 0,
    })
    expect(await transport.send(events(3))).toMatchObject({ status: 'created', created: 3 })
    expect(await transport.send(events(4))).toMatchObject({ status: 'created', created: 4 })
    await transport.close()
    expect(server.seen.map((s) => [s.encoding, s.ids.length])).toEqual([
      [undefined, 3],
      [undefined, 4],
    ])
    expect(server.refused()).toBe(1)
  })
})
