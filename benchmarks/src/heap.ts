import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let gc: (() => void) | undefined

/** A full garbage collection, without needing `node --expose-gc` on the command line. */
export function collectGarbage(): void {
  if (!gc) {
    const exposed = (globalThis as { gc?: () => void }).gc
    if (exposed) {
      gc = exposed
    } else {
      setFlagsFromString('--expose-gc')
      gc = runInNewContext('gc') as () => void
    }
  }
  gc()
}

/** Heap in use after a full GC, in MiB. */
export function heapAfterGcMiB(): number {
  collectGarbage()
  collectGarbage()
  return process.memoryUsage().heapUsed / (1024 * 1024)
}

/**
 * Bytes in use after a full GC: the V8 heap plus ArrayBuffer backing stores (Buffers, typed
 * arrays), which live outside the heap but are memory a holder keeps all the same.
 */
export function bytesInUseAfterGc(): number {
  collectGarbage()
  collectGarbage()
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

/** What one holder of events does for the {@link heldBytesPerEvent} measure. */
export interface Holder {
  /** Takes event `i`, built fresh by the caller, so nothing it holds is shared with the benchmark. */
  hold(i: number): void
  /** Resolves once what was handed over is in its steady held state (e.g. requests in flight). */
  settled(): Promise<void>
  /** Lets everything go. */
  release(): Promise<void>
}

/**
 * Heap held per event: after a full GC, the bytes in use with `count` events held minus those
 * before the first one (the holder already made, so its fixed cost is not counted), divided by
 * `count`. A first holder is filled and released unmeasured: the first run in a process also
 * allocates code and type feedback (megabytes), which are not per event. Each holder is released
 * after its run.
 */
export async function heldBytesPerEvent(count: number, makeHolder: () => Holder): Promise<number> {
  const warm = makeHolder()
  for (let i = 0; i < count; i++) warm.hold(i)
  await warm.settled()
  await warm.release()
  const holder = makeHolder()
  const before = bytesInUseAfterGc()
  for (let i = 0; i < count; i++) holder.hold(i)
  await holder.settled()
  const after = bytesInUseAfterGc()
  await holder.release()
  return (after - before) / count
}
