import { setTimeout as sleep } from 'node:timers/promises'
import { ServiceError } from '../errors.js'
import type { Progress } from '../progress.js'
import type { DlqReplaySummary, DlqStats } from './dlq-api.js'

/** The DLQ API as {@link replayWithProgress} uses it (a `DlqApi`, or a fake in tests). */
export interface ReplayApi {
  stats(): Promise<DlqStats>
  replay(maxWaitMs?: number): Promise<DlqReplaySummary>
}

/** Options of {@link replayWithProgress}. */
export interface ReplayOptions {
  readonly api: ReplayApi
  /** Sent as `max_wait_ms`; the service's default when undefined. */
  readonly maxWaitMs?: number | undefined
  readonly progress: Progress
  /** Time between two reads of the DLQ's depth while the replay runs (default 500 ms). */
  readonly pollIntervalMs?: number | undefined
}

/**
 * Runs `POST /api/v1/audit/dlq/replay` and, while it runs (it answers only when the replay ends),
 * drives `progress` by reading the DLQ's depth (`GET /api/v1/audit/dlq`) every `pollIntervalMs`:
 * the messages handled so far are the depth at the start less the depth now (messages queued
 * meanwhile make that an underestimate, never an overestimate of what is left). The bar ends at
 * the replay's own count (`done`). A failed depth read only skips that update; the replay's answer
 * is the result.
 *
 * @throws ServiceError when the service has no DLQ (`enabled: false`), or from the requests.
 */
export async function replayWithProgress(options: ReplayOptions): Promise<DlqReplaySummary> {
  const { api, progress } = options
  const before = await api.stats()
  if (!before.enabled) {
    throw new ServiceError('the service has no dead-letter queue (it runs without REDIS_URL)')
  }
  const startDepth = before.length ?? 0
  progress.start('replay', startDepth)
  let shown = 0
  const show = (handled: number) => {
    if (handled > shown) {
      progress.advance(handled - shown)
      shown = handled
    }
  }
  const ended = new AbortController()
  const replaying = api.replay(options.maxWaitMs).finally(() => ended.abort())
  // The replay's rejection is awaited below; this keeps it from being reported as unhandled
  // while the poll loop runs.
  replaying.catch(() => {})
  const interval = options.pollIntervalMs ?? 500
  while (!ended.signal.aborted) {
    try {
      await sleep(interval, undefined, { signal: ended.signal })
    } catch {
      break
    }
    try {
      const now = await api.stats()
      if (!ended.signal.aborted && now.length !== undefined) show(startDepth - now.length)
    } catch {
      // A missed reading: the bar waits for the next one.
    }
  }
  try {
    const summary = await replaying
    show(summary.done)
    return summary
  } finally {
    progress.finish()
  }
}

/**
 * Why a replay's outcome is a failure (exit status 1), or an empty list: it gave up at
 * `max_wait_ms` with messages it could not take, or it parked poison messages in the dead-letter
 * stream, whose events are not stored until someone looks at them.
 */
export function replayProblems(summary: DlqReplaySummary): string[] {
  const problems: string[] = []
  if (summary.gave_up) {
    const held = summary.left.held_elsewhere.reduce((n, h) => n + h.count, 0)
    const parts = [
      held > 0 ? `${held} held by other consumers` : undefined,
      summary.left.retrying > 0 ? `${summary.left.retrying} retrying` : undefined,
      summary.left.unread > 0 ? `${summary.left.unread} unread` : undefined,
    ].filter((p) => p !== undefined)
    problems.push(
      `gave up after ${summary.max_wait_ms} ms without progress; ${summary.remaining} left in ${summary.stream}` +
        (parts.length > 0 ? ` (${parts.join(', ')})` : ''),
    )
  }
  if (summary.poisoned > 0) {
    problems.push(
      `${summary.poisoned} poison message${summary.poisoned === 1 ? '' : 's'} moved to the dead-letter stream: ` +
        'audit-trail dlq inspect --dead-letter',
    )
  }
  return problems
}
