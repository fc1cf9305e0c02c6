/** A timer handle as `setTimeout` returns it in Node (or a fake clock). */
export type TimerHandle = ReturnType<typeof setTimeout>

/**
 * Time as the client sees it. The default reads `Date.now`, `setTimeout` and `clearTimeout` from
 * `globalThis` at each call, so `vi.useFakeTimers()` installed after the client was created still
 * controls it.
 */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

/** The real clock, looked up lazily on `globalThis` (see {@link Clock}). */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
}

/** Lets the process exit while only this timer is pending (background work must not hold it). */
export function unref(handle: TimerHandle): TimerHandle {
  ;(handle as { unref?: () => void }).unref?.()
  return handle
}

/** Makes the process wait for this timer (work a caller is awaiting must finish). */
export function ref(handle: TimerHandle): TimerHandle {
  ;(handle as { ref?: () => void }).ref?.()
  return handle
}
