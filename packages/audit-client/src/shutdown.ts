import type { AuditClient } from './client.js'

// biome-ignore lint/suspicious/noExplicitAny: the listener type of EventEmitter and process
type Listener = (...args: any[]) => void

/** The part of `process` the hooks use (injectable for tests). */
export interface ShutdownProcess {
  readonly pid: number
  on(event: string, listener: Listener): unknown
  removeListener(event: string, listener: Listener): unknown
  listenerCount(event: string): number
  kill(pid: number, signal?: string): unknown
}

/** Options of {@link installShutdownHooks}. */
export interface ShutdownHooksOptions {
  /** Passed to `close({ timeoutMs })` [10000]; the hooks give up waiting 1 s after it. */
  timeoutMs?: number
  /** Signals to handle [`['SIGTERM', 'SIGINT']`]; `beforeExit` is always handled. */
  signals?: readonly NodeJS.Signals[]
  /** The process [the global `process`]. */
  process?: ShutdownProcess
}

/** Extra wait after `timeoutMs` before the hooks stop waiting for `close()`. */
const GRACE_MS = 1000

/**
 * Closes the client(s) when the process is asked to stop, so buffered events are delivered or
 * dead-lettered rather than lost: on SIGTERM and SIGINT it removes its own handlers, awaits
 * `close({ timeoutMs })`, then raises the same signal again so the process ends as it would
 * have (unless another listener of that signal remains, which then decides); on `beforeExit`
 * (the event loop ran dry with events still buffered behind an unref'd timer) it closes the
 * client and lets the process end normally.
 *
 * @returns a function that removes the hooks (idempotent).
 * @example
 * const audit = createAuditClient({ baseUrl, service: 'gateway' })
 * const uninstall = installShutdownHooks(audit, { timeoutMs: 5000 })
 */
export function installShutdownHooks(
  clients: AuditClient | readonly AuditClient[],
  options: ShutdownHooksOptions = {},
): () => void {
  const { timeoutMs = 10_000, signals = ['SIGTERM', 'SIGINT'], process: proc = process } = options
  const list = Array.isArray(clients) ? [...clients] : [clients as AuditClient]
  let installed = true

  const closeAll = async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs + GRACE_MS)
    })
    const closing = Promise.allSettled(list.map((client) => client.close({ timeoutMs })))
    await Promise.race([closing, bound])
    clearTimeout(timer)
  }

  const onSignal = (signal: NodeJS.Signals) => {
    uninstall()
    void closeAll().then(() => {
      try {
        if (proc.listenerCount(signal) === 0) proc.kill(proc.pid, signal)
      } catch {
        // Nothing sensible is left to do: the process was asked to stop and its events are handled.
      }
    })
  }
  const onBeforeExit = () => {
    uninstall()
    void closeAll()
  }

  proc.on('beforeExit', onBeforeExit)
  for (const signal of signals) proc.on(signal, onSignal)

  function uninstall(): void {
    if (!installed) return
    installed = false
    proc.removeListener('beforeExit', onBeforeExit)
    for (const signal of signals) proc.removeListener(signal, onSignal)
  }
  return uninstall
}
