import { type LevelWithSilent, type Logger, pino } from 'pino'
import { serializeError } from '../logger.js'

/**
 * A pino logger for a worker thread whose JSON lines go to `send` instead of a stream, so that the
 * main thread writes them through its own logger ({@link relayLogLine}): one destination, one
 * format (JSON or pretty), one redaction for the whole process. Errors are serialized as the main
 * logger does (`serializeError`: no statement parameters).
 *
 * @example
 * const logger = threadLogger('info', (line) => parentPort.postMessage({ type: 'log', line }))
 */
export function threadLogger(level: string, send: (line: string) => void): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: false,
      serializers: { err: (error: unknown) => serializeError(error) },
    },
    { write: send },
  )
}

/** An `err` of {@link serializeError}'s shape, back as an Error that serializes to the same. */
function reviveError(logged: unknown): unknown {
  if (typeof logged !== 'object' || logged === null) return logged
  const { type, message, stack, code, cause } = logged as Record<string, unknown>
  const error = new Error(String(message ?? '')) as Error & { code?: unknown }
  if (typeof type === 'string') Object.defineProperty(error, 'name', { value: type })
  error.stack = typeof stack === 'string' ? stack : undefined
  if (code !== undefined) error.code = code
  if (cause !== undefined) error.cause = reviveError(cause)
  return error
}

/**
 * Writes one line of a {@link threadLogger} through `logger` at the line's level, with its fields
 * (its own time and process fields are the main logger's business). A line that does not parse
 * is logged at warn as it came, rather than lost.
 */
export function relayLogLine(logger: Logger, line: string): void {
  let record: Record<string, unknown>
  try {
    record = JSON.parse(line) as Record<string, unknown>
  } catch {
    logger.warn({ line }, 'unreadable log line from a worker thread')
    return
  }
  const { level, msg, time: _time, pid: _pid, hostname: _hostname, ...fields } = record
  const label = (pino.levels.labels[Number(level)] ?? 'info') as Exclude<LevelWithSilent, 'silent'>
  if (fields['err'] !== undefined) fields['err'] = reviveError(fields['err'])
  logger[label](fields, typeof msg === 'string' ? msg : undefined)
}
