/** Node socket errors meaning the server cannot be reached or the connection broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
])

/** postgres.js's own codes for connections that failed or went away. */
const DRIVER_CODES = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
])

/** SQLSTATEs outside class 08 that mean "the server is not serving you right now". */
const SERVER_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53300', // too_many_connections
])

/**
 * Whether an error (or anything in its `cause` / `AggregateError.errors` chain) means the database
 * is unreachable, as opposed to a statement it refused. Drizzle wraps driver errors in
 * `DrizzleQueryError` (the driver's error is its `cause`) and Node reports a refused multi-address
 * connect as an `AggregateError`, hence the walk.
 */
export function isConnectionError(error: unknown): boolean {
  const seen = new Set<unknown>()
  const pending: unknown[] = [error]
  while (pending.length > 0) {
    const current = pending.pop()
    if (typeof current !== 'object' || current === null || seen.has(current)) continue
    seen.add(current)
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code) || DRIVER_CODES.has(code) || SERVER_CODES.has(code)) return true
      if (/^08[0-9A-Z]{3}$/.test(code)) return true // connection_exception class
    }
    pending.push((current as { cause?: unknown }).cause)
    if (current instanceof AggregateError) pending.push(...current.errors)
  }
  return false
}
