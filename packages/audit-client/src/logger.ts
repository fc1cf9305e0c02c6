/** One log method: structured fields first, then the message (pino's argument order). */
export type LogMethod = (fields: Record<string, unknown>, message: string) => void

/**
 * The logging surface the client writes to. A pino logger fits as it is (the package does not
 * depend on pino); so does any logger with these four methods taking `(fields, message)`.
 * `child()` is used when present to bind the client's fields once.
 */
export interface AuditLogger {
  debug(fields: Record<string, unknown>, message: string): void
  info(fields: Record<string, unknown>, message: string): void
  warn(fields: Record<string, unknown>, message: string): void
  error(fields: Record<string, unknown>, message: string): void
  child?(bindings: Record<string, unknown>): AuditLogger
}

const noop: LogMethod = () => {}

/** Writes nothing: the default when no logger is given. */
export const silentLogger: AuditLogger = { debug: noop, info: noop, warn: noop, error: noop }

/** `logger` with `bindings` added to every record: its own `child()` when it has one. */
export function bindLogger(logger: AuditLogger, bindings: Record<string, unknown>): AuditLogger {
  if (logger === silentLogger) return logger
  if (typeof logger.child === 'function') return logger.child(bindings)
  const bound =
    (method: LogMethod): LogMethod =>
    (fields, message) =>
      method.call(logger, { ...bindings, ...fields }, message)
  return {
    debug: bound(logger.debug),
    info: bound(logger.info),
    warn: bound(logger.warn),
    error: bound(logger.error),
  }
}
