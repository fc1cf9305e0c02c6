import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

/** What fixtures/memory.mjs printed: the heap after forced GC before and after the stream. */
export interface MemoryRun {
  events: number
  heapBeforeMb: number
  heapAfterMb: number
  growthMb: number
  stats: { persisted: number }
  seconds: number
}

/**
 * Streams `events` events through one audit client in a process of its own (`--expose-gc`, so
 * the heap holds only the client) and returns its heap figures. `token` (audit:write) reaches it as
 * AUDIT_TOKEN, as a deployment would pass it.
 */
export async function runMemoryFixture(
  serviceUrl: string,
  token: string | undefined,
  correlationId: string,
  events: number,
  timeoutMs: number,
) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--expose-gc',
      join(import.meta.dirname, '../fixtures/memory.mjs'),
      serviceUrl,
      correlationId,
      String(events),
    ],
    {
      maxBuffer: 1 << 20,
      timeout: timeoutMs,
      env: { ...process.env, AUDIT_TOKEN: token },
    },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as MemoryRun
}
