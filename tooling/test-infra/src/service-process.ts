import { type ChildProcess, spawn } from 'node:child_process'
import { freePort, waitFor } from './free-port.js'

/** Options of {@link startServiceProcess}. */
export interface ServiceProcessOptions {
  /** The Node.js script to run, e.g. a built CLI; run with the current `node`. */
  script: string
  args?: string[]
  /** Environment on top of `process.env`; `PORT` and `HOST` are set by the launcher. */
  env?: Record<string, string | undefined>
  /** Default: a free port. Kept across restarts. */
  port?: number
  /** Path polled until it answers 200. Default `/readyz`. */
  readyPath?: string
  /** How long to wait for readiness. Default 30 s. */
  readyTimeoutMs?: number
  /** How long stop() waits after its signal before it sends SIGKILL. Default 15 s. */
  killAfterMs?: number
}

/** An HTTP service running as a child process on 127.0.0.1, for tests and benchmarks. */
export interface ServiceProcess {
  readonly url: string
  readonly port: number
  pid(): number | undefined
  /** The last lines it printed (stdout and stderr), for failure messages. */
  output(): string
  /** Sends a signal (default SIGTERM), SIGKILL after `killAfterMs`; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
  /** SIGKILL, like a crash; resolves when the process is gone. */
  kill(): Promise<void>
  /** Starts it again on the same port with the same settings. */
  restart(): Promise<void>
}

/**
 * Starts `node <script> <args>` with `PORT`/`HOST` set and waits until `readyPath` answers 200.
 * A process that exits during start-up fails at once, with what it printed.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const port = options.port ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  const lines: string[] = []
  let child: ChildProcess | undefined
  let exited: Promise<number | null> = Promise.resolve(null)
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null

  const launch = async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' }
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key]
    const proc = spawn(process.execPath, [options.script, ...(options.args ?? [])], {
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
    const ready = waitFor(
      `${url}${options.readyPath ?? '/readyz'} to answer 200`,
      async () => (await fetch(`${url}${options.readyPath ?? '/readyz'}`)).status === 200,
      options.readyTimeoutMs ?? 30_000,
    )
    const died = exited.then((code) => {
      throw new Error(`the service exited with code ${code} during start-up`)
    })
    await Promise.race([ready, died]).catch((error: unknown) => {
      proc.kill('SIGKILL')
      throw new Error(`${(error as Error).message}\n--- service output ---\n${lines.join('\n')}`)
    })
    died.catch(() => {})
  }

  await launch()
  return {
    url,
    port,
    pid: () => child?.pid,
    output: () => lines.join('\n'),
    async stop(signal = 'SIGTERM') {
      if (!running()) return child?.exitCode ?? null
      child!.kill(signal)
      const killer = setTimeout(() => child?.kill('SIGKILL'), options.killAfterMs ?? 15_000)
      try {
        return await exited
      } finally {
        clearTimeout(killer)
      }
    },
    async kill() {
      if (!running()) return
      child!.kill('SIGKILL')
      await exited
    },
    restart: launch,
  }
}
