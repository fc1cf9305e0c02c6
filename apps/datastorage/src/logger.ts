import { createRequire } from 'node:module'
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino'
import type PinoPretty from 'pino-pretty'

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

/** `LOG_FORMAT`: `json` lines always, `pretty` lines always, or `auto` (pretty on a terminal). */
export type LogFormat = 'pretty' | 'json' | 'auto'

/** A stream that may be a terminal, as `process.stdout` is when nothing redirects it. */
interface MaybeTerminal {
  readonly isTTY?: boolean | undefined
}

/**
 * Whether lines to `stream` are pretty-printed. `auto` asks the stream: a person reads a terminal,
 * while a pipe or a file feeds a log shipper, which needs one JSON object a line.
 */
export function resolveLogFormat(format: LogFormat, stream: MaybeTerminal): 'pretty' | 'json' {
  if (format !== 'auto') return format
  return stream.isTTY === true ? 'pretty' : 'json'
}

/** Options of {@link createLogger}. */
export interface LoggerFactoryOptions {
  /** Minimum level. Default `'info'`. */
  level?: LoggerOptions['level']
  /** Where lines go. Default stdout (pino's default). Tests pass a stream to capture them. */
  destination?: DestinationStream & MaybeTerminal
  /** `LOG_FORMAT`. Default `'auto'`: pretty when {@link destination} is a terminal. */
  format?: LogFormat
}

/**
 * The service's pino logger: `service: "datastorage"` on every line, ISO timestamps, and
 * credentials redacted should a header or URL ever be logged. JSON lines, or pino-pretty's
 * readable lines on a terminal (see {@link resolveLogFormat}); pino-pretty is loaded only then, so
 * a service whose logs are shipped never runs it.
 *
 * @example
 * const logger = createLogger({ level: 'debug' })
 */
export function createLogger(options: LoggerFactoryOptions = {}): Logger {
  const { level = 'info', destination, format = 'auto' } = options
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
  if (resolveLogFormat(format, destination ?? process.stdout) === 'pretty') {
    return pino(settings, prettyStream(destination))
  }
  return destination ? pino(settings, destination) : pino(settings)
}

/**
 * pino-pretty writing to `destination` (stdout by default), synchronously so that the lines of a
 * process that exits (a failed start) are not lost; colours only on a terminal that has them.
 */
function prettyStream(destination: (DestinationStream & MaybeTerminal) | undefined): DestinationStream {
  const require = createRequire(import.meta.url)
  const pretty = require('pino-pretty') as typeof PinoPretty
  return pretty({
    destination: destination ?? 1,
    sync: true,
    colorize: destination === undefined ? pretty.isColorSupported : false,
    translateTime: 'UTC:yyyy-mm-dd HH:MM:ss.l',
    ignore: 'pid,hostname,service',
  })
}
