import { open, rename, rm } from 'node:fs/promises'
import { Readable, Transform, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { createDataStorageClient, type operations } from '@audit-trail/datastorage-client'
import type { OutputStream, ServiceEndpoint } from '../context.js'
import { CliError, describe, InputError, ServiceError, TransferError } from '../errors.js'
import { type CounterProgress, formatCount, silentCounter } from '../progress.js'
import { answerData, sendRequest } from '../source/service-call.js'

/** The query of `GET /api/v1/audit/events/export`: the events query's filters, `format` and `limit`. */
export type ExportQuery = NonNullable<operations['exportAuditEvents']['parameters']['query']>
/** `ndjson` (each event whole, as `events get` prints it) or `csv` (one row an event, flat columns). */
export type ExportFormat = NonNullable<ExportQuery['format']>

/** The contract's formats, for commander's choices; `satisfies` keeps the list in step with it. */
export const EXPORT_FORMATS = ['ndjson', 'csv'] as const satisfies readonly ExportFormat[]

/** The media type the service answers each format with. */
const MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
}

const WHAT = 'GET /api/v1/audit/events/export'

/** Options of {@link exportEvents}. */
export interface ExportOptions {
  readonly endpoint: ServiceEndpoint
  /** Injected in tests; the global fetch otherwise. */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** The filters, `format` (default `ndjson`) and `limit`. */
  readonly query: ExportQuery
  /**
   * Where the bytes go: a file (written as `<file>.partial` and renamed when the transfer ended
   * whole), or a stream (stdout).
   */
  readonly output: { readonly file: string } | { readonly stream: OutputStream }
  /** Rows and bytes as they come (stderr on a terminal). */
  readonly progress?: CounterProgress | undefined
  /** Ends the export early (SIGINT): an interrupted export is a failed one. */
  readonly signal?: AbortSignal | undefined
  /** The transfer is given up after this long without a byte (default 60 s). */
  readonly idleTimeoutMs?: number | undefined
}

/** What an export wrote. */
export interface ExportSummary {
  readonly format: ExportFormat
  /** Events written: NDJSON lines, or CSV records after the header. */
  readonly rows: number
  readonly bytes: number
  /** The file written, when the output was one. */
  readonly file: string | undefined
}

/**
 * Streams `GET /api/v1/audit/events/export` to a file or stdout, in constant memory: the response
 * body is piped through a row counter to the output, and a slow output (a pipe to a slow reader)
 * holds the transfer back. A file is written as `<file>.partial` and renamed to `<file>` only when
 * the whole answer arrived, so an export that broke off never leaves a file that looks complete.
 *
 * @throws ServiceError before the first byte (unreachable service, an error answer, the wrong
 *   media type): exit status 2. TransferError after it (the answer broke off, no byte for
 *   `idleTimeoutMs`, interrupted, the output cannot be written): exit status 1, `.partial` removed.
 *   InputError when the output file cannot be created (2).
 */
export async function exportEvents(options: ExportOptions): Promise<ExportSummary> {
  const format: ExportFormat = options.query.format ?? 'ndjson'
  const progress = options.progress ?? silentCounter
  const idleMs = options.idleTimeoutMs ?? 60_000
  const idle = new AbortController()
  const signal = options.signal ? AbortSignal.any([idle.signal, options.signal]) : idle.signal
  let timer: NodeJS.Timeout | undefined
  const stillAlive = () => {
    clearTimeout(timer)
    timer = setTimeout(() => idle.abort(new Error(`no data from the service for ${idleMs / 1000} s`)), idleMs)
  }

  const file = 'file' in options.output ? options.output.file : undefined
  const partial = file === undefined ? undefined : `${file}.partial`
  const sink =
    partial === undefined
      ? outputWritable((options.output as { stream: OutputStream }).stream)
      : await openPartial(partial)
  const counter = new RowCounter(format)
  let transferStarted = false
  try {
    stillAlive()
    const client = createDataStorageClient({
      baseUrl: options.endpoint.url,
      token: options.endpoint.token,
      fetch: options.fetch,
    })
    const answer = await sendRequest(options.endpoint.url, WHAT, () =>
      client.GET('/api/v1/audit/events/export', {
        params: { query: options.query },
        parseAs: 'stream',
        signal,
      }),
    )
    const body = answerData(WHAT, answer)
    const type = answer.response.headers.get('content-type') ?? '(none)'
    if (type.split(';')[0]?.trim().toLowerCase() !== MEDIA_TYPES[format]) {
      await answer.response.body?.cancel()
      throw new ServiceError(`${WHAT}: the service answered ${type}, not ${MEDIA_TYPES[format]}`)
    }
    transferStarted = true
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        stillAlive()
        progress.update(counter.count(chunk), chunk.length)
        callback(null, chunk)
      },
    })
    const source = body ? Readable.fromWeb(body as NodeReadableStream<Uint8Array>) : Readable.from([])
    await pipeline(source, counting, sink, { signal })
    clearTimeout(timer)
    if (partial !== undefined && file !== undefined) await rename(partial, file)
    progress.finish()
    return { format, rows: counter.rows, bytes: counter.bytes, file }
  } catch (error) {
    clearTimeout(timer)
    sink.destroy()
    if (partial !== undefined) await rm(partial, { force: true })
    const interrupted = options.signal?.aborted === true
    if (!transferStarted && !interrupted && error instanceof CliError) throw error
    const done = formatCount(counter.rows, counter.bytes)
    const left = partial === undefined ? '' : `; ${partial} removed`
    if (interrupted) {
      throw new TransferError(`the export was interrupted after ${done}${left}`)
    }
    const reason = idle.signal.aborted ? describe(idle.signal.reason) : describe(error)
    throw new TransferError(`the export broke off after ${done} (${reason})${left}`, { cause: error })
  }
}

/** Opens `<file>.partial` for writing (truncated), before anything is asked of the service. */
async function openPartial(path: string): Promise<Writable> {
  try {
    const handle = await open(path, 'w')
    return handle.createWriteStream()
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${describe(error)}`, { cause: error })
  }
}

/**
 * `out` as a Writable that waits for `drain` when `out.write` returns false (the process's stdout
 * behind a slow pipe), and fails on `out`'s `error` (EPIPE when the reader went away).
 */
function outputWritable(out: OutputStream): Writable {
  const fail = (error: Error): void => {
    writable.destroy(error)
  }
  let onFailure: (error: Error) => void = fail
  const onError = (error: unknown) => onFailure(error instanceof Error ? error : new Error(String(error)))
  const stopListening = () => out.off?.('error', onError)
  const writable: Writable = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      let ok: unknown
      try {
        ok = out.write(chunk)
      } catch (error) {
        callback(error as Error)
        return
      }
      if (ok !== false || !out.once) return callback()
      const onDrain = () => {
        onFailure = fail
        callback()
      }
      onFailure = (error) => {
        out.off?.('drain', onDrain)
        onFailure = fail
        callback(error)
      }
      out.once('drain', onDrain)
    },
    final(callback) {
      stopListening()
      callback()
    },
    destroy(error, callback) {
      stopListening()
      callback(error)
    },
  })
  out.on?.('error', onError)
  return writable
}

/**
 * Counts the rows of an export as its bytes pass: NDJSON lines, or CSV records (line ends outside
 * quoted cells, RFC 4180, so a cell holding a line break is still one row) after the header.
 */
export class RowCounter {
  readonly #format: ExportFormat
  #lines = 0
  #bytes = 0
  #quoted = false

  constructor(format: ExportFormat) {
    this.#format = format
  }

  /** Rows of the export so far. */
  get rows(): number {
    return this.#format === 'csv' ? Math.max(0, this.#lines - 1) : this.#lines
  }

  get bytes(): number {
    return this.#bytes
  }

  /** Takes the next chunk; returns how many rows it completed. */
  count(chunk: Uint8Array): number {
    const before = this.rows
    this.#bytes += chunk.length
    if (this.#format === 'ndjson') {
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) this.#lines++
    } else {
      for (const byte of chunk) {
        if (byte === 0x22) this.#quoted = !this.#quoted
        else if (byte === 0x0a && !this.#quoted) this.#lines++
      }
    }
    return this.rows - before
  }
}
