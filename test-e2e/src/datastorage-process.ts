import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { freePort, waitFor } from '@audit-trail/test-infra'

/** The built service's CLI (`pnpm build` makes it; turbo builds it before this suite). */
export function datastorageCliPath(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@audit-trail/datastorage/package.json')), 'dist', 'cli.js')
}

/** Options of {@link startDatastorage}. */
export interface DatastorageProcessOptions {
  databaseUrl: string
  redisUrl?: string
  /** Default: a free port. Kept across restarts. */
  port?: number
  /** Extra environment (e.g. LOG_LEVEL, limits). */
  env?: Record<string, string>
  /** How long to wait for /readyz. Default 30 s. */
  readyTimeoutMs?: number
}

/** A datastorage service running as a child process on 127.0.0.1. */
export interface DatastorageProcess {
  readonly url: string
  readonly port: number
  pid(): number | undefined
  /** The last lines it printed (stdout and stderr), for failure messages. */
  output(): string
  /** Sends a signal (default SIGTERM) and waits for the exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
  /** SIGKILL, like a crash; resolves when the process is gone. */
  kill(): Promise<void>
  /** Starts it again on the same port with the same settings. */
  restart(): Promise<void>
}

/** Starts `datastorage serve` as a child process and waits until /readyz answers 200. */
export async function startDatastorage(options: DatastorageProcessOptions): Promise<DatastorageProcess> {
  const port = options.port ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  const lines: string[] = []
  let child: ChildProcess | undefined
  let exited: Promise<number | null> = Promise.resolve(null)

  const launch = async () => {
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
    const proc = spawn(process.execPath, [datastorageCliPath(), 'serve'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = proc
    const keep = (chunk: Buffer) => {
      lines.push(...chunk.toString().split('\n').filter(Boolean))
      if (lines.length > 200) lines.splice(0, lines.length - 200)
    }
    proc.stdout?.on('data', keep)
    proc.stderr?.on('data', keep)
    exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)))
    let gone = false
    void exited.then(() => {
      gone = true
    })
    await waitFor(
      `datastorage on ${url} to be ready`,
      async () => {
        if (gone) throw new Error(`datastorage exited during start-up:\n${lines.join('\n')}`)
        const res = await fetch(`${url}/readyz`)
        return res.status === 200
      },
      options.readyTimeoutMs ?? 30_000,
    ).catch((error: unknown) => {
      proc.kill('SIGKILL')
      throw new Error(`${(error as Error).message}\n--- datastorage output ---\n${lines.join('\n')}`)
    })
  }

  await launch()
  return {
    url,
    port,
    pid: () => child?.pid,
    output: () => lines.join('\n'),
    async stop(signal = 'SIGTERM') {
      if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null
      child.kill(signal)
      return exited
    },
    async kill() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGKILL')
      await exited
    },
    restart: launch,
  }
}
