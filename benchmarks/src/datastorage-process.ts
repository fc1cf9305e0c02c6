import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { freePort, waitFor } from '@audit-trail/test-infra'

// A trimmed copy of test-e2e/src/datastorage-process.ts (test-e2e is not a library): start, stop.

/** The built service's CLI; turbo builds it before `bench` (`^build`). */
export function datastorageCliPath(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@audit-trail/datastorage/package.json')), 'dist', 'cli.js')
}

/** Options of {@link startDatastorage}. */
export interface DatastorageProcessOptions {
  databaseUrl: string
  redisUrl?: string
  /** Extra environment (e.g. DLQ stream names under the run's key prefix). */
  env?: Record<string, string>
  /** How long to wait for /readyz, ms [30000]. */
  readyTimeoutMs?: number
}

/** A datastorage service running as a child process on 127.0.0.1. */
export interface DatastorageProcess {
  readonly url: string
  readonly pid: number | undefined
  /** The last lines it printed, for failure messages. */
  output(): string
  /** SIGTERM, then waits for the exit; SIGKILL after 15 s. Idempotent. */
  stop(): Promise<void>
}

/** Starts `datastorage serve` as a child process (LOG_LEVEL warn) and waits until /readyz answers 200. */
export async function startDatastorage(options: DatastorageProcessOptions): Promise<DatastorageProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const lines: string[] = []
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    LOG_LEVEL: 'warn',
    ...options.env,
  }
  if (options.redisUrl) env.REDIS_URL = options.redisUrl
  else delete env.REDIS_URL
  const child: ChildProcess = spawn(process.execPath, [datastorageCliPath(), 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean))
    if (lines.length > 100) lines.splice(0, lines.length - 100)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let gone = false
  void exited.then(() => {
    gone = true
  })

  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      if (gone) return
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(killer)
    })()
    return stopping
  }

  await waitFor(
    `datastorage on ${url} to be ready`,
    async () => {
      if (gone) throw new Error('exited')
      return (await fetch(`${url}/readyz`)).status === 200
    },
    options.readyTimeoutMs ?? 30_000,
  ).catch(async (error: unknown) => {
    await stop()
    throw new Error(`${(error as Error).message}\n--- datastorage output ---\n${lines.join('\n')}`)
  })
  return { url, pid: child.pid, output: () => lines.join('\n'), stop }
}
