import type { Clock } from './clock.js'

/** The `type` of every warning the client emits (`process.on('warning')` can filter on it). */
export const WARNING_TYPE = 'AuditClientWarning'

/** Codes of the client's warnings. */
export type AuditWarningCode =
  | 'AUDIT_EVENTS_FAILED'
  | 'AUDIT_EVENTS_DEAD_LETTERED'
  | 'AUDIT_EVENTS_AT_EXIT'
  | 'AUDIT_CLIENT_ERROR'

const HANDLE_IT =
  'Pass `logger` or `onError` to createAuditClient() to handle this yourself; the client warns on stderr only when neither is set.'

/**
 * Warnings on stderr (`process.emitWarning`) for a client that has neither a logger nor an
 * `onError` handler, so that a wrong URL or a dead service is not silent. Each kind is emitted at
 * once the first time, then at most once per `intervalMs`, counting what happened in between.
 */
export class ProcessWarnings {
  readonly #clock: Clock
  readonly #intervalMs: number
  readonly #last = new Map<AuditWarningCode, number>()
  readonly #suppressed = new Map<AuditWarningCode, { events: number; batches: number }>()

  constructor(clock: Clock, intervalMs = 60_000) {
    this.#clock = clock
    this.#intervalMs = intervalMs
  }

  /** `events` events ended as `code` says; `message` tells why. */
  events(code: Exclude<AuditWarningCode, 'AUDIT_EVENTS_AT_EXIT'>, events: number, message: string): void {
    const now = this.#clock.now()
    const last = this.#last.get(code)
    if (last !== undefined && now - last < this.#intervalMs) {
      const s = this.#suppressed.get(code) ?? { events: 0, batches: 0 }
      s.events += events
      s.batches++
      this.#suppressed.set(code, s)
      return
    }
    const s = this.#suppressed.get(code)
    this.#suppressed.delete(code)
    this.#last.set(code, now)
    const since =
      s === undefined
        ? ''
        : ` (and ${s.events} more event(s) in ${s.batches} batch(es) since the last warning ${Math.round((now - last!) / 1000)} s ago)`
    emitAuditWarning(code, `${message}${since}`)
  }
}

/**
 * A live client as the exit guard sees it. `loopEmptied` runs once when the event loop empties
 * while the client holds events and `close()` was never called (its timers do not keep the
 * process alive); `exiting` runs, synchronously, when the process exits with events still held.
 */
export interface ExitWatched {
  pendingAtExit(): number
  closeCalled(): boolean
  loopEmptied(pending: number): void
  exiting(pending: number): void
}

const watched = new Set<WeakRef<ExitWatched>>()
const toldLoopEmpty = new WeakSet<ExitWatched>()
let installed = false

function live(): ExitWatched[] {
  const out: ExitWatched[] = []
  for (const ref of watched) {
    const client = ref.deref()
    if (client === undefined) watched.delete(ref)
    else out.push(client)
  }
  return out
}

function onBeforeExit(): void {
  const unclosed = (client: ExitWatched) =>
    client.pendingAtExit() > 0 && !client.closeCalled() && !toldLoopEmpty.has(client)
  const candidates = live().filter(unclosed)
  if (candidates.length === 0) return
  // Listeners added later (installShutdownHooks closes its clients on beforeExit) run after this
  // one: look again on the next turn, when their close() has been called.
  setImmediate(() => {
    for (const client of candidates.filter(unclosed)) {
      toldLoopEmpty.add(client)
      client.loopEmptied(client.pendingAtExit())
    }
  })
}

function onExit(): void {
  for (const client of live()) {
    const pending = client.pendingAtExit()
    if (pending > 0) client.exiting(pending)
  }
}

/** Emits one of the client's warnings (printed on stderr by Node's default handler). */
export function emitAuditWarning(code: AuditWarningCode, message: string, detail = HANDLE_IT): void {
  process.emitWarning(message, { type: WARNING_TYPE, code, detail })
}

/**
 * Writes a warning in Node's format straight to stderr: for the `exit` event, where
 * `process.emitWarning` (delivered on a later tick) would never print.
 */
export function writeWarningNow(message: string): void {
  process.stderr.write(`(node:${process.pid}) ${WARNING_TYPE}: ${message}\n`)
}

/** Watches `client` until {@link unwatchExit}; the process listeners exist while any client is watched. */
export function watchExit(client: ExitWatched): WeakRef<ExitWatched> {
  const ref = new WeakRef(client)
  watched.add(ref)
  if (!installed) {
    installed = true
    process.on('beforeExit', onBeforeExit)
    process.on('exit', onExit)
  }
  return ref
}

/** Stops watching (the client was closed). */
export function unwatchExit(ref: WeakRef<ExitWatched>): void {
  watched.delete(ref)
  if (watched.size === 0 && installed) {
    installed = false
    process.off('beforeExit', onBeforeExit)
    process.off('exit', onExit)
  }
}
