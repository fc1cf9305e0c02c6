import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { freePort } from '@audit-trail/test-infra'
import { describe, expect, it } from 'vitest'
import { useRecordingServer } from './helpers/recording-server.js'

/**
 * What a user sees without a logger or onError, in a real process against the built package
 * (turbo builds before `test`; run `pnpm build` first when calling vitest directly).
 */
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))

describe.skipIf(!existsSync(dist))('what a client without logger or onError prints', () => {
  const server = useRecordingServer()

  /** Runs `body` after creating `audit` and emitting `count` events (ids on stdout); collects stderr. */
  function run(url: string, options: string, count: number, body: string) {
    server.reset()
    const script = `
      import { createAuditClient, installShutdownHooks } from ${JSON.stringify(pathToFileURL(dist).href)}
      const audit = createAuditClient({ baseUrl: ${JSON.stringify(url)}, service: 'child', ${options} })
      const ids = []
      for (let i = 0; i < ${count}; i++) ids.push(audit.emit({ event_type: 'gateway.signal.received', event_category: 'gateway',
        event_action: 'received', event_outcome: 'success', correlation_id: 'c' + i,
        event_data: { event_type: 'gateway.signal.received', signal_type: 'alert', signal_name: 's', namespace: 'payments', fingerprint: 'f' } }))
      console.log(JSON.stringify(ids))
      ${body}
    `
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    return new Promise<{ code: number | null; ids: string[]; stderr: string }>((resolve) => {
      child.once('close', (code) => resolve({ code, ids: JSON.parse(stdout.split('\n')[0] ?? '[]'), stderr }))
    })
  }

  it('a wrong port: the lost events are reported on stderr with the cause', async () => {
    const closedPort = await freePort()
    const { code, stderr } = await run(
      `http://127.0.0.1:${closedPort}`,
      'maxRetries: 1, retryBaseMs: 10',
      4,
      'await audit.flush(); console.log(JSON.stringify(await audit.close()))',
    )
    expect(code).toBe(0)
    expect(stderr).toMatch(
      new RegExp(
        `\\(node:\\d+\\) \\[AUDIT_EVENTS_FAILED\\] AuditClientWarning: audit client \\(service child, http://127\\.0\\.0\\.1:${closedPort}\\): ` +
          `4 audit event\\(s\\) neither delivered nor dead-lettered: request to http://127\\.0\\.0\\.1:${closedPort} failed: ` +
          `connect ECONNREFUSED 127\\.0\\.0\\.1:${closedPort} \\(2 attempts; gave up after 1 retries\\)\n`,
      ),
    )
  })

  it('a forgotten close(): says so when the event loop empties, and delivers the events before exiting', async () => {
    const { code, ids, stderr } = await run(server.baseUrl, 'flushIntervalMs: 60000', 5, '')
    expect(code).toBe(0)
    expect(stderr).toMatch(
      /\[AUDIT_EVENTS_AT_EXIT\] AuditClientWarning: audit client \(service child, .*\): the event loop emptied with 5 audit event\(s\) not yet delivered and close\(\) not called; delivering them now/,
    )
    expect(stderr).toMatch(/Call close\(\) \(or installShutdownHooks\(\)\) before the process ends\./)
    expect(server.received.sort()).toEqual([...ids].sort())
  })

  it('process.exit() with events still buffered: says how many were lost', async () => {
    const { code, stderr } = await run(server.baseUrl, 'flushIntervalMs: 60000', 3, 'process.exit(0)')
    expect(code).toBe(0)
    expect(stderr).toMatch(
      /\(node:\d+\) AuditClientWarning: audit client \(service child, .*\): the process exited with 3 audit event\(s\) neither delivered nor dead-lettered; close\(\) was not called/,
    )
    expect(server.received).toEqual([])
  })

  it('installShutdownHooks() closes at the end of the loop: nothing on stderr', async () => {
    const { code, ids, stderr } = await run(
      server.baseUrl,
      'flushIntervalMs: 60000',
      3,
      'installShutdownHooks(audit)',
    )
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(server.received.sort()).toEqual([...ids].sort())
  })

  it('a closed client: nothing on stderr', async () => {
    const { code, ids, stderr } = await run(server.baseUrl, '', 2, 'await audit.close()')
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(server.received.sort()).toEqual([...ids].sort())
  })
})
