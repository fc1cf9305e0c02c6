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

/** Polls `check` every `intervalMs` until it resolves true or `timeoutMs` passes (then throws `what`). */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
  intervalMs = 50,
) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check().catch(() => false)) return
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}
