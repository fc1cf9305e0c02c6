import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A redis-server of our own, on a free port, for tests that kill Redis (never the shared one). */
export interface ThrowawayRedis {
  readonly port: number
  readonly url: string
  /** SIGKILLs the server by its PID and waits until the port refuses connections. Idempotent. */
  kill(): Promise<void>
}

export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort()
  const dir = await mkdtemp(join(tmpdir(), 'audit-client-redis-'))
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await waitFor(() => canConnect(port), true, 5000)
  let killed = false
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      if (!killed && child.pid !== undefined) process.kill(child.pid, 'SIGKILL')
      killed = true
      await exited
      await waitFor(() => canConnect(port), false, 5000)
      await rm(dir, { recursive: true, force: true })
    },
  }
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function waitFor(probe: () => Promise<boolean>, wanted: boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while ((await probe()) !== wanted) {
    if (Date.now() > deadline) throw new Error(`port probe did not become ${wanted} within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
