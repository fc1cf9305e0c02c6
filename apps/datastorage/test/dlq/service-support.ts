import type { AuditEventRequest } from '@audit-trail/datastorage-client'
import { loadConfig } from '../../src/env.js'
import { type ServerHandle, type StartServerOptions, startServer } from '../../src/server.js'
import { captureLogger, REDIS_URL, type TestStreams } from './support.js'

/** Starts the service in-process on a free loopback port, against `databaseUrl` and the test streams. */
export async function startService(
  databaseUrl: string,
  streams: TestStreams,
  env: Record<string, string> = {},
  options: StartServerOptions = {},
): Promise<ServerHandle & { logs: Array<Record<string, unknown>> }> {
  const { logger, lines } = captureLogger('info')
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    DLQ_STREAM: streams.stream,
    DEAD_LETTER_STREAM: streams.deadLetterStream,
    LOG_LEVEL: 'info',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...env,
  })
  const server = await startServer(config, {
    logger,
    dlqWorker: { blockMs: 200, backoffBaseMs: 100, backoffMaxMs: 1000 },
    ...options,
  })
  return Object.assign(server, { logs: lines })
}

/** Counts of what a writer saw. */
export interface WriteCounts {
  created: number
  accepted: number
  /** 503 answers that were retried. */
  retried503: number
  networkErrors: number
}

/**
 * POSTs a batch, retrying on 503 and network errors like an audit client would. `Retry-After` is
 * honoured but capped at `maxWaitMs` so the test stays short. Gives up after `deadline`.
 */
export async function postBatchWithRetry(
  baseUrl: string,
  events: readonly AuditEventRequest[],
  counts: WriteCounts,
  { maxWaitMs = 300, deadline = Date.now() + 60_000 } = {},
): Promise<number> {
  for (;;) {
    if (Date.now() > deadline) throw new Error('gave up: the service did not accept the batch in time')
    let response: Response
    try {
      response = await fetch(`${baseUrl}/api/v1/audit/events/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(events),
        signal: AbortSignal.timeout(15_000),
      })
    } catch {
      counts.networkErrors += 1
      await sleep(100)
      continue
    }
    const body = await response.text()
    if (response.status === 201) counts.created += 1
    else if (response.status === 202) counts.accepted += 1
    else if (response.status === 503) {
      counts.retried503 += 1
      const retryAfter = Number(response.headers.get('retry-after') ?? '1')
      await sleep(Math.min(maxWaitMs, retryAfter * 1000))
      continue
    } else throw new Error(`unexpected ${response.status}: ${body.slice(0, 500)}`)
    return response.status
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Every event id the query API returns for a correlation id, following the cursor. */
export async function queryAllIds(baseUrl: string, correlationId: string): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const url = new URL(`${baseUrl}/api/v1/audit/events`)
    url.searchParams.set('correlation_id', correlationId)
    url.searchParams.set('limit', '1000')
    if (cursor) url.searchParams.set('cursor', cursor)
    const response = await fetch(url)
    if (response.status !== 200)
      throw new Error(`query answered ${response.status}: ${await response.text()}`)
    const page = (await response.json()) as {
      data: Array<{ event_id: string }>
      pagination: { next_cursor: string | null }
    }
    ids.push(...page.data.map((e) => e.event_id))
    cursor = page.pagination.next_cursor
  } while (cursor)
  return ids
}
