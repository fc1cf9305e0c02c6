import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ServiceError } from '../src/errors.js'
import { ApiLogSource } from '../src/source/api-source.js'
import { ALL_EVENTS } from '../src/verify/selection.js'
import { verifyLog } from '../src/verify/verify-log.js'
import { type FakeService, startFakeService } from './support/fake-service.js'
import { buildLog, makeEvents } from './support/memory-log.js'

let service: FakeService

beforeEach(async () => {
  service = await startFakeService(buildLog(makeEvents(11), 10))
})

afterEach(async () => {
  await service.close()
})

async function collect<T>(pages: AsyncIterable<readonly T[]>): Promise<T[][]> {
  const out: T[][] = []
  for await (const page of pages) out.push([...page])
  return out
}

describe('ApiLogSource', () => {
  it('pages the leaves up to the asked size, and no further', async () => {
    const source = new ApiLogSource({ url: service.url, token: service.token, leafPageLimit: 4 })
    const pages = await collect(source.leafPages(9))
    expect(pages.map((p) => p.map((l) => l.leaf_index))).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8]])
    expect(service.requests.filter((r) => r.startsWith('/api/v1/audit/log/leaves'))).toEqual([
      '/api/v1/audit/log/leaves?start=0&limit=4',
      '/api/v1/audit/log/leaves?start=4&limit=4',
      '/api/v1/audit/log/leaves?start=8&limit=1',
    ])
  })

  it('follows the events cursor until has_more is false, keeping each text', async () => {
    const source = new ApiLogSource({ url: service.url, token: service.token, eventPageLimit: 3 })
    const pages = await collect(source.eventPages(ALL_EVENTS))
    expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 2])
    const received = pages.flat()
    expect(new Set(received.map((e) => (e.value as { event_id: string }).event_id)).size).toBe(11)
    for (const e of received) expect(JSON.parse(e.text)).toEqual(e.value)
    const cursors = service.requests.filter((r) => r.includes('cursor='))
    expect(cursors).toHaveLength(3)
  })

  it('verifies a log read in small pages', async () => {
    service.log.events[7]!['event_type'] = 'edited'
    const source = new ApiLogSource({
      url: service.url,
      token: service.token,
      leafPageLimit: 3,
      eventPageLimit: 2,
    })
    const report = await verifyLog({ source, publicKey: service.log.key.publicKey })
    expect(report.failures.map((f) => f.message)).toEqual([
      `altered ${service.log.events[7]!.event_id} (leaf 7)`,
    ])
    expect(report.leaves.read).toBe(10)
    expect(report.events.unsealed).toBe(1)
  })

  it('answers undefined for an event the service has no proof of', async () => {
    const source = new ApiLogSource({ url: service.url, token: service.token })
    expect(await source.inclusionProof(service.log.events[10]!.event_id, 10)).toBeUndefined()
    const proof = await source.inclusionProof(service.log.events[3]!.event_id, 10)
    expect(proof?.leaf_index).toBe(3)
  })

  it('refuses an http(s) URL that holds the API path, as a ServiceError', () => {
    expect(() => new ApiLogSource({ url: `${service.url}/api/v1` })).toThrow(ServiceError)
  })

  it('gives up on a service that does not answer within the request timeout', async () => {
    const hanging = new ApiLogSource({
      url: service.url,
      requestTimeoutMs: 50,
      fetch: (input, init) =>
        new Promise((_, reject) => {
          const signal = (input instanceof Request ? input.signal : init?.signal) as AbortSignal
          signal.addEventListener('abort', () => reject(signal.reason))
        }),
    })
    await expect(hanging.latestCheckpoint()).rejects.toThrow(
      /^GET \/api\/v1\/audit\/checkpoints\/latest: cannot reach http:\/\/127.0.0.1:\d+ \(.*time/,
    )
  })
})
