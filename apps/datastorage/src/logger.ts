import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino'

/** What an error line keeps: enough to debug, never the parameters of a failed statement. */
interface LoggedError {
  type: string
  message: string
  stack?: string
  code?: unknown
  cause?: LoggedError | string
}

/**
 * pino's default `err` serializer copies every enumerable property; database errors carry the
 * statement's parameters (for a batch, megabytes of audit data), which must not reach the logs.
 */
export function serializeError(error: unknown, depth = 0): LoggedError | string {
  if (!(error instanceof Error)) return String(error)
  const logged: LoggedError = { type: error.name, message: error.message }
  if (error.stack) logged.stack = error.stack
  const code = (error as { code?: unknown }).code
  if (code !== undefined) logged.code = code
  if (error.cause !== undefined && depth < 3) logged.cause = serializeError(error.cause, depth + 1)
  return logged
}

/** Options of {@link createLogger}. */
export interface LoggerFactoryOptions {
  /** Minimum level. Default `'info'`. */
  level?: LoggerOptions['level']
  /** Where JSON lines go. Default stdout (pino's default). Tests pass a stream to capture them. */
  destination?: DestinationStream
}

/**
 * The service's pino logger: JSON lines, `service: "datastorage"` on every line, ISO timestamps,
 * and credentials redacted should a header or URL ever be logged.
 *
 * @example
 * const logger = createLogger({ level: 'debug' })
 */
export function createLogger(options: LoggerFactoryOptions = {}): Logger {
  const { level = 'info', destination } = options
  const settings: LoggerOptions = {
    level,
    base: { service: 'datastorage' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: (error: unknown) => serializeError(error) },
    redact: {
      paths: ['authorization', '*.authorization', 'headers.authorization', 'databaseUrl', 'redisUrl'],
      censor: '[redacted]',
    },
  }
  return destination ? pino(settings, destination) : pino(settings)
}
