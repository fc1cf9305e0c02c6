import { spawn } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import {
  type AuditClient,
  type AuditClientStats,
  installShutdownHooks,
  type ShutdownProcess,
} from '../src/index.js'
import { useRecordingServer } from './helpers/recording-server.js'

class FakeProcess extends EventEmitter implements ShutdownProcess {
  readonly pid = 4242
  readonly kill = vi.fn((_pid: number, _signal?: string) => true)
}

const stats: AuditClientStats = {
  emitted: 0,
  persisted: 0,
  duplicates: 0,
  deadLettered: 0,
  failed: 0,
  refused: 0,
  pending: 0,
  retries: 0,
  batches: 0,
}

function fakeClient(
  close: AuditClient['close'] = async () => stats,
): AuditClient & { close: ReturnType<typeof vi.fn> } {
  return {
    emit: () => '',
    emitAsync: async () => '',
    flush: async () => {},
    stats: () => stats,
    close: vi.fn(close),
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('installShutdownHooks', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s: closes the client with timeoutMs, then re-raises the signal',
    async (signal) => {
      const proc = new FakeProcess()
      const client = fakeClient()
      installShutdownHooks(client, { timeoutMs: 1234, process: proc })
      expect(proc.listenerCount(signal)).toBe(1)
      proc.emit(signal, signal)
      // Its own handlers are gone before the signal is raised again, so the default action applies.
      expect(proc.listenerCount(signal)).toBe(0)
      expect(proc.listenerCount('beforeExit')).toBe(0)
      expect(client.close).toHaveBeenCalledWith({ timeoutMs: 1234 })
      await tick()
      expect(proc.kill).toHaveBeenCalledWith(4242, signal)
    },
  )

  it('waits for close() before re-raising', async () => {
    const proc = new FakeProcess()
    let finish: () => void = () => {}
    const client = fakeClient(() => new Promise((resolve) => (finish = () => resolve(stats))))
    installShutdownHooks(client, { process: proc })
    proc.emit('SIGTERM', 'SIGTERM')
    await tick()
    expect(proc.kill).not.toHaveBeenCalled()
    finish()
    await tick()
    expect(proc.kill).toHaveBeenCalledOnce()
  })

  it('gives up waiting for a close() that hangs, timeoutMs + 1 s later', async () => {
    vi.useFakeTimers()
    try {
      const proc = new FakeProcess()
      const client = fakeClient(() => new Promise(() => {}))
      installShutdownHooks(client, { timeoutMs: 2000, process: proc })
      proc.emit('SIGTERM', 'SIGTERM')
      await vi.advanceTimersByTimeAsync(2999)
      expect(proc.kill).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1)
      expect(proc.kill).toHaveBeenCalledWith(4242, 'SIGTERM')
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not re-raise while another listener of the signal remains (it decides)', async () => {
    const proc = new FakeProcess()
    const other = vi.fn()
    proc.on('SIGTERM', other)
    installShutdownHooks(fakeClient(), { process: proc })
    proc.emit('SIGTERM', 'SIGTERM')
    await tick()
    expect(other).toHaveBeenCalled()
    expect(proc.kill).not.toHaveBeenCalled()
  })

  it('closes on beforeExit without raising anything, once', async () => {
    const proc = new FakeProcess()
    const client = fakeClient()
    installShutdownHooks(client, { process: proc })
    proc.emit('beforeExit', 0)
    proc.emit('beforeExit', 0)
    await tick()
    expect(client.close).toHaveBeenCalledOnce()
    expect(proc.kill).not.toHaveBeenCalled()
  })

  it('closes several clients; a failing close() does not stop the others', async () => {
    const proc = new FakeProcess()
    const a = fakeClient(async () => {
      throw new Error('boom')
    })
    const b = fakeClient()
    installShutdownHooks([a, b], { process: proc, signals: ['SIGHUP'] })
    expect(proc.listenerCount('SIGTERM')).toBe(0)
    proc.emit('SIGHUP', 'SIGHUP')
    await tick()
    expect(a.close).toHaveBeenCalled()
    expect(b.close).toHaveBeenCalled()
    expect(proc.kill).toHaveBeenCalledWith(4242, 'SIGHUP')
  })

  it('returns an idempotent uninstall', () => {
    const proc = new FakeProcess()
    const uninstall = installShutdownHooks(fakeClient(), { process: proc })
    uninstall()
    uninstall()
    expect(proc.listenerCount('SIGTERM')).toBe(0)
    expect(proc.listenerCount('SIGINT')).toBe(0)
    expect(proc.listenerCount('beforeExit')).toBe(0)
  })

  it('uses the real process by default', () => {
    const before = process.listenerCount('SIGTERM')
    const uninstall = installShutdownHooks(fakeClient())
    expect(process.listenerCount('SIGTERM')).toBe(before + 1)
    uninstall()
    expect(process.listenerCount('SIGTERM')).toBe(before)
  })
})

/**
 * The hooks in a real process, against the built package (turbo builds before `test`; run
 * `pnpm build` first when calling vitest directly). A child emits events behind a one-minute
 * timer and is then stopped: the events must reach the server all the same.
 */
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))

describe.skipIf(!existsSync(dist))('installShutdownHooks in a real process', () => {
  const server = useRecordingServer()

  function runChild(keepAlive: boolean) {
    server.reset()
    const script = `
      import { createAuditClient, installShutdownHooks } from ${JSON.stringify(pathToFileURL(dist).href)}
      const audit = createAuditClient({ baseUrl: process.env.BASE_URL, service: 'child', flushIntervalMs: 60000 })
      installShutdownHooks(audit, { timeoutMs: 5000 })
      const ids = []
      for (let i = 0; i < 5; i++) ids.push(audit.emit({ event_type: 'gateway.signal.received', event_category: 'gateway',
        event_action: 'received', event_outcome: 'success', correlation_id: 'c' + i,
        event_data: { event_type: 'gateway.signal.received', signal_type: 'alert', signal_name: 's', namespace: 'payments', fingerprint: 'f' } }))
      console.log(JSON.stringify(ids))
      ${keepAlive ? 'setInterval(() => {}, 1000)' : ''}
    `
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, BASE_URL: server.baseUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const ids = new Promise<string[]>((resolve) => {
      child.stdout.once('data', (chunk) => resolve(JSON.parse(String(chunk))))
    })
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }))
    })
    return { child, ids, exit }
  }

  it('on SIGTERM: delivers the buffered events, then dies of SIGTERM as it would have', async () => {
    const { child, ids, exit } = runChild(true)
    const emitted = await ids
    child.kill('SIGTERM')
    expect(await exit).toEqual({ code: null, signal: 'SIGTERM' })
    expect(server.received.sort()).toEqual([...emitted].sort())
  })

  it('on beforeExit (the script just ends): delivers the buffered events and exits 0', async () => {
    const { ids, exit } = runChild(false)
    const emitted = await ids
    expect(await exit).toEqual({ code: 0, signal: null })
    expect(server.received.sort()).toEqual([...emitted].sort())
  })
})
