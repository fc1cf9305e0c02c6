import { createServer } from 'node:net'

/** Asks the kernel for a free TCP port on 127.0.0.1 (released before returning, so use it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Resolves true when something accepts a TCP connection on host:port within timeoutMs. */
export function canConnect(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return import('node:net').then(
    ({ connect }) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port })
        const done = (ok: boolean) => {
          socket.destroy()
          resolve(ok)
        }
        socket.setTimeout(timeoutMs, () => done(false))
        socket.once('connect', () => done(true))
        socket.once('error', () => done(false))
      }),
  )
}

/**
 * Waits for a state instead of sleeping a fixed time and hoping: runs `check` every `intervalMs`
 * until it neither throws nor returns `false`, and resolves with what it returned. After
 * `timeoutMs` it rejects naming `what`, with the check's last error as the message when it threw
 * (so an `expect(…)` inside `check` reports its own mismatch) or as `cause`.
 *
 * Between two checks no timer of its own is pending, so a check may count
 * `process.getActiveResourcesInfo()`.
 *
 * @example
 * await waitFor('the DLQ to drain', async () => (await redis.xlen(stream)) === 0, 30_000)
 */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 15_000,
  intervalMs = 50,
): Promise<Exclude<T, false>> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    let failure: unknown
    try {
      const result = await check()
      if (result !== false) return result as Exclude<T, false>
    } catch (error) {
      failure = error
    }
    if (performance.now() >= deadline) {
      const detail = failure instanceof Error ? `: ${failure.message}` : ''
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`, { cause: failure })
    }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}
