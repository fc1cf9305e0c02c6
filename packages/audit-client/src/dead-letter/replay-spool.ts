import { open, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import { contractLimits, type DeadLetterMessage } from '@audit-trail/datastorage-client'
import { describe, HttpError } from '../errors.js'
import { type InvalidField, invalidIndexes } from '../invalid-indexes.js'
import type { AuditLogger } from '../logger.js'
import { createHttpTransport, type TokenSource, type Transport } from '../transport.js'
import {
  clearProgress,
  countSpoolLines,
  listSpoolFiles,
  openIfExists,
  readLines,
  readProgress,
  rejectedPath,
  type SpoolProgress,
  startOffset,
  syncDirectory,
  writeProgress,
} from './spool-files.js'

/** Options of {@link replaySpool}. */
export interface ReplaySpoolOptions {
  /** The spool's live file, as given to `fileDeadLetterQueue({ path })`. */
  path: string
  /** Base URL of the DataStorage service, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string
  /**
   * Bearer token; omit for an open service. A function is asked once, and again after a 401 (the
   * request is then sent once more), as by the client's transport.
   */
  token?: TokenSource
  /** A fetch to use instead of the transport's own keep-alive connection, closed when the replay ends. */
  fetch?: typeof globalThis.fetch
  /** Events per request, 1 to the contract's `maxBatchSize` (5000). Default 1000. */
  batchSize?: number
  /** Upper bound of a request's JSON body, under the service's 5 MiB limit. Default 4 MiB. */
  maxBatchBytes?: number
  /** Abort a request after this long, response body included; the replay then stops. Default 30000. */
  requestTimeoutMs?: number
  /** Progress, rejections and the reason a replay stopped. Default: silent. */
  logger?: Pick<AuditLogger, 'info' | 'warn'> | undefined
}

/** What {@link replaySpool} did. */
export interface ReplaySpoolResult {
  /** Spool files read. */
  files: number
  /** Events stored by the service (201 `created`) or queued to its dead-letter queue (202). */
  replayed: number
  /** Events the service already had (a replay after a crash or a second run). */
  duplicates: number
  /** Events moved to `<path>.rejected.jsonl`: refused with a 400, or lines that are not a message. */
  rejected: number
  /** Spool lines still unacknowledged when the replay ended; 0 after a complete replay. */
  remaining: number
  /** Why the replay stopped before the end (a network error or an unexpected status). */
  error?: string
}

/** A spool line in a batch: a message to send, or a line set aside with the reason. */
type Item = { message: DeadLetterMessage } | { line: string; reason: string }
interface Rejection {
  rejectedAt: string
  reasons: readonly InvalidField[]
  message?: DeadLetterMessage
  line?: string
}

/**
 * Sends the events of a file spool back to the service (`POST /api/v1/audit/events/batch`):
 * rotated files oldest first, then the live file. Replaying is idempotent, since the service
 * dedupes by `event_id`, and crash-safe: after every acknowledged batch the byte offset reached
 * is saved in `<path>.progress` (atomically), and a rotated file is removed only once all its
 * events were acknowledged. The live file is never removed (a writer may hold it open); it is
 * removed after its rotation. Requests go through the client's own transport
 * ({@link createHttpTransport}: its request timeout, token handling and reading of answers). A
 * 400 naming invalid events by `index` moves just those to `<path>.rejected.jsonl` with the
 * service's reasons, by the rule delivery follows ({@link invalidIndexes}); a 400 whose indexes do
 * not all name events of the batch, and any other failure, stop the replay with the spool intact,
 * and a later replay resumes where this one stopped. Run one replay per spool at a time.
 *
 * @throws {RangeError} for an invalid option (named in the message); I/O errors on the spool reject.
 * @example
 * const result = await replaySpool({ path: '/var/lib/billing/audit-spool.jsonl', baseUrl: 'http://datastorage:8080' })
 * if (result.remaining > 0) console.error(`stopped: ${result.error}`)
 */
export async function replaySpool(options: ReplaySpoolOptions): Promise<ReplaySpoolResult> {
  const {
    path,
    batchSize = 1000,
    maxBatchBytes = 4 * 1024 * 1024,
    requestTimeoutMs = 30_000,
    logger,
  } = options
  if (typeof path !== 'string' || path.length === 0)
    throw new RangeError('replaySpool: path must be a non-empty string')
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > contractLimits.maxBatchSize) {
    throw new RangeError(`replaySpool: batchSize must be an integer from 1 to ${contractLimits.maxBatchSize}`)
  }
  for (const [field, value] of [
    ['maxBatchBytes', maxBatchBytes],
    ['requestTimeoutMs', requestTimeoutMs],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`replaySpool: ${field} must be a positive number`)
  }
  // The client's own send path: the same request, timeout, token handling and reading of answers.
  const transport = createHttpTransport({
    baseUrl: options.baseUrl,
    token: options.token,
    fetch: options.fetch,
    requestTimeoutMs,
    connections: 1,
  })
  const result: ReplaySpoolResult = { files: 0, replayed: 0, duplicates: 0, rejected: 0, remaining: 0 }
  try {
    let progress = await readProgress(path)

    /** Sends one batch until it is acknowledged; returns false (with result.error set) when it was not. */
    async function deliver(items: Item[], acknowledged: SpoolProgress): Promise<boolean> {
      const rejections: Rejection[] = []
      let pending: DeadLetterMessage[] = []
      for (const item of items) {
        if ('message' in item) pending.push(item.message)
        else
          rejections.push({
            rejectedAt: now(),
            reasons: [{ field: '', message: item.reason }],
            line: item.line,
          })
      }
      while (pending.length > 0) {
        const outcome = await send(transport, pending)
        if (outcome.kind === 'stored') {
          result.replayed += outcome.created
          result.duplicates += outcome.duplicates
          break
        }
        if (outcome.kind === 'invalid') {
          for (const [index, reasons] of outcome.invalid) {
            rejections.push({ rejectedAt: now(), reasons, message: pending[index]! })
          }
          pending = pending.filter((_, index) => !outcome.invalid.has(index))
          continue
        }
        result.error = outcome.error
        return false
      }
      if (rejections.length > 0) {
        await appendRejections(path, rejections)
        result.rejected += rejections.length
        logger?.warn({ rejected: rejections.length, file: rejectedPath(path) }, 'audit spool events rejected')
      }
      await writeProgress(path, acknowledged)
      progress = acknowledged
      return true
    }

    for (const file of await listSpoolFiles(path)) {
      const handle = await openIfExists(file.path)
      if (!handle) continue
      result.files++
      let completed: boolean
      try {
        const stat = await handle.stat()
        let items: Item[] = []
        let bytes = 0
        let end = startOffset(progress, stat)
        const flush = () => deliver(items, { dev: stat.dev, ino: stat.ino, offset: end, file: file.path })
        for await (const line of readLines(handle, end, !file.live)) {
          if (line.text.trim().length > 0) {
            const item = parseLine(line.text)
            const size = Buffer.byteLength(line.text)
            if (items.length > 0 && bytes + size > maxBatchBytes) {
              if (!(await flush())) break
              items = []
              bytes = 0
            }
            items.push(item)
            bytes += size
          }
          end = line.end
          if (items.length >= batchSize) {
            if (!(await flush())) break
            items = []
            bytes = 0
          }
        }
        completed = result.error === undefined && (items.length === 0 || (await flush()))
        if (completed && !file.live) {
          // Forget the offset before unlinking: a reused inode must never inherit it.
          if (progress && progress.dev === stat.dev && progress.ino === stat.ino) {
            await clearProgress(path)
            progress = undefined
          }
          await unlink(file.path)
          await syncDirectory(dirname(path))
          logger?.info({ file: file.path }, 'audit spool file replayed and removed')
        }
      } finally {
        await handle.close()
      }
      if (!completed) {
        logger?.warn(
          { file: file.path, error: result.error },
          'audit spool replay stopped; the rest stays in the spool',
        )
        break
      }
    }
  } finally {
    await transport.close()
  }
  result.remaining = await countSpoolLines(path)
  return result
}

type SendOutcome =
  | { kind: 'stored'; created: number; duplicates: number }
  | { kind: 'invalid'; invalid: Map<number, InvalidField[]> }
  | { kind: 'failed'; error: string }

/** One request through the transport, its answer as the replay acts on it. */
async function send(transport: Transport, messages: DeadLetterMessage[]): Promise<SendOutcome> {
  try {
    const sent = await transport.send(messages.map((message) => message.event))
    // 202: the service could not reach PostgreSQL and queued the batch to its own dead-letter queue.
    if (sent.status === 'accepted') return { kind: 'stored', created: messages.length, duplicates: 0 }
    return { kind: 'stored', created: sent.created, duplicates: sent.duplicates }
  } catch (error) {
    // A 400 whose indexes are unusable stops the replay like any other failure: never drop a batch.
    const invalid =
      error instanceof HttpError && error.status === 400
        ? invalidIndexes(error.problem, messages.length)
        : undefined
    if (invalid) return { kind: 'invalid', invalid }
    return { kind: 'failed', error: describe(error) }
  }
}

function parseLine(text: string): Item {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { line: text, reason: 'spool line is not JSON (torn by a crash?)' }
  }
  const event = (value as { event?: { event_id?: unknown } } | null)?.event
  if (typeof event !== 'object' || event === null || typeof event.event_id !== 'string') {
    return { line: text, reason: 'spool line is not a dead-letter message with event.event_id' }
  }
  return { message: value as DeadLetterMessage }
}

/** Appends set-aside events with one write and fsync, before the spool offset moves past them. */
async function appendRejections(path: string, rejections: Rejection[]): Promise<void> {
  const handle = await open(rejectedPath(path), 'a', 0o600)
  try {
    await handle.appendFile(rejections.map((r) => `${JSON.stringify(r)}\n`).join(''))
    await handle.sync()
  } finally {
    await handle.close()
  }
}

const now = () => new Date().toISOString()
