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
