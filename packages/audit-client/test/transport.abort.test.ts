import { afterEach, expect, it, vi } from 'vitest'
import { createAuditClient } from '../src/index.js'
import { MemoryDeadLetterQueue, validEvent } from './helpers/harness.js'

afterEach(() => {
  vi.useRealTimers()
})

// A fetch that never settles and ignores its abort signal: the replaced client hung on such peers.
const deafFetch = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch

it('a request whose fetch ignores the abort still times out, so close() dead-letters and returns', async () => {
  vi.useFakeTimers()
  const dlq = new MemoryDeadLetterQueue()
  const client = createAuditClient({
    baseUrl: 'http://ds.test',
    service: 'deaf',
    fetch: deafFetch,
    requestTimeoutMs: 100,
    maxRetries: 1,
    retryBaseMs: 10,
    deadLetter: dlq,
  })
  for (let i = 0; i < 3; i++) client.emit(validEvent(i))
  let stats: Awaited<ReturnType<typeof client.close>> | undefined
  void client.close({ timeoutMs: 5000 }).then((s) => {
    stats = s
  })
  await vi.advanceTimersByTimeAsync(1000)
  expect(stats).toMatchObject({ emitted: 3, deadLettered: 3, pending: 0, retries: 1 })
  expect(dlq.messages[0]?.reason).toMatch(/timed out after 100 ms/)
})
