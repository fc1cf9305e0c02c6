/**
 * Races `promise` against a timer that is cleared as soon as either settles. ioredis queues
 * commands while it reconnects, so without a bound a dead-letter write could wait for minutes.
 * The losing promise is not cancelled (Redis may still apply it); its late rejection is swallowed
 * so it never becomes an unhandled rejection.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  promise.catch(() => undefined)
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
