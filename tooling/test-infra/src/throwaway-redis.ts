import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { canConnect, freePort, waitFor } from './free-port.js'

const run = promisify(execFile)

/** A redis-server this process started for itself; kill() ends only it, by PID. */
export interface ThrowawayRedis {
  readonly url: string
  readonly port: number
  /** SIGKILLs the server (data is not persisted: it comes back empty). */
  kill(): Promise<void>
  /** Starts it again on the same port. */
  start(): Promise<void>
  /** Kills it and removes its directory. Idempotent. */
  destroy(): Promise<void>
}

/** Starts `redis-server` on 127.0.0.1 and a free port with no persistence; ready in ~0.1 s. */
export async function startThrowawayRedis(options: { port?: number } = {}): Promise<ThrowawayRedis> {
  const port = options.port ?? (await freePort())
  const dir = mkdtempSync(join(tmpdir(), 'audit-redis-'))
  const pidFile = join(dir, 'redis.pid')
  const start = async () => {
    await run('redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'yes',
      '--dir',
      dir,
      '--pidfile',
      pidFile,
      '--logfile',
      join(dir, 'redis.log'),
    ])
    await waitFor(`Redis on port ${port}`, () => canConnect('127.0.0.1', port), 10_000, 20)
  }
  const kill = async () => {
    let pid: number | undefined
    try {
      pid = Number(readFileSync(pidFile, 'utf8').trim())
    } catch {
      return
    }
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      return
    }
    await waitFor(`Redis ${pid} to exit`, async () => !(await canConnect('127.0.0.1', port, 200)), 10_000, 20)
    rmSync(pidFile, { force: true })
  }
  await start()
  let destroyed = false
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    kill,
    async destroy() {
      if (destroyed) return
      destroyed = true
      await kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
