import { type FileHandle, mkdir, open, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { DeadLetterMessage } from '@audit-trail/datastorage-client'
import { DeadLetterWriteError, describe } from '../errors.js'
import type { DeadLetterQueue } from './dead-letter-queue.js'
import { countSpoolLines, rotatedIndexes, syncDirectory } from './spool-files.js'

/** Options of {@link fileDeadLetterQueue}. */
export interface FileDeadLetterQueueOptions {
  /** The live spool file, e.g. `/var/lib/my-service/audit-spool.jsonl`; its directory is created. */
  path: string
  /**
   * Size after which the live file is rotated to `<path>.N` (N one above the highest existing).
   * A single batch larger than this still goes into one file. Default 64 MiB.
   */
  maxBytes?: number
  /** Permission bits of new spool files; audit events can be sensitive. Default `0o600`. */
  fileMode?: number
}

/** A {@link DeadLetterQueue} that appends to a local JSONL spool, with its depth for metrics. */
export interface FileDeadLetterQueue extends DeadLetterQueue {
  readonly path: string
  /** Spool lines not yet acknowledged by `replaySpool`, across rotated files; reads the files. */
  spoolDepth(): Promise<number>
}

const NEWLINE = 0x0a

/**
 * Dead-letters events to an append-only JSONL spool, one {@link DeadLetterMessage} a line: the
 * fallback when Redis is unreachable. Each `write()` appends its batch with one write and
 * `fsync`s before resolving; concurrent calls are serialized so lines never interleave. Rotated
 * files are never deleted here: `replaySpool()` removes them once the service acknowledged them.
 * One writer process per spool path.
 *
 * @throws {RangeError} at construction for an empty `path` or a `maxBytes` that is not a positive integer.
 * @example
 * const dlq = fileDeadLetterQueue({ path: '/var/lib/billing/audit-spool.jsonl' })
 */
export function fileDeadLetterQueue(options: FileDeadLetterQueueOptions): FileDeadLetterQueue {
  const { path, maxBytes = 64 * 1024 * 1024, fileMode = 0o600 } = options
  if (typeof path !== 'string' || path.length === 0) {
    throw new RangeError('fileDeadLetterQueue: path must be a non-empty string')
  }
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new RangeError(`fileDeadLetterQueue: maxBytes must be a positive integer, got ${maxBytes}`)
  }

  let handle: FileHandle | undefined
  let size = 0
  let closed = false
  // Every write and close runs after the previous one settled: the serialization point.
  let tail: Promise<unknown> = Promise.resolve()

  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }

  async function openLive(): Promise<FileHandle> {
    await mkdir(dirname(path), { recursive: true })
    const opened = await open(path, 'a+', fileMode)
    try {
      size = (await opened.stat()).size
      if (size > 0) {
        // A crash mid-write leaves a torn last line; end it so the next batch starts a fresh line
        // (the replayer sets the fragment aside instead of gluing it to a valid event).
        const last = Buffer.alloc(1)
        await opened.read(last, 0, 1, size - 1)
        if (last[0] !== NEWLINE) {
          await appendAll(opened, Buffer.from('\n'))
          size += 1
        }
      }
      await syncDirectory(dirname(path))
      return opened
    } catch (error) {
      await opened.close()
      throw error
    }
  }

  async function rotate(current: FileHandle): Promise<void> {
    handle = undefined
    await current.close()
    const indexes = await rotatedIndexes(path)
    await rename(path, `${path}.${(indexes.at(-1) ?? 0) + 1}`)
    await syncDirectory(dirname(path))
  }

  async function append(messages: readonly DeadLetterMessage[]): Promise<void> {
    if (closed) throw new Error(`file dead-letter queue ${path} is closed`)
    const data = Buffer.from(messages.map((m) => `${JSON.stringify(m)}\n`).join(''))
    let current = handle ?? (await openLive())
    handle = current
    if (size > 0 && size + data.length > maxBytes) {
      await rotate(current)
      current = await openLive()
      handle = current
    }
    try {
      await appendAll(current, data)
      size += data.length
      await current.sync()
    } catch (error) {
      // A failed append may have left part of a line behind; reopening ends it with a newline.
      handle = undefined
      await current.close().catch(() => undefined)
      throw error
    }
  }

  return {
    name: 'file',
    path,
    write(messages) {
      if (messages.length === 0) return Promise.resolve()
      return serialize(() => append(messages)).catch((cause: unknown) => {
        throw new DeadLetterWriteError(
          `could not append ${messages.length} dead-letter message(s) to ${path}: ${describe(cause)}`,
          { cause },
        )
      })
    },
    spoolDepth: () => countSpoolLines(path),
    close() {
      return serialize(async () => {
        closed = true
        const current = handle
        handle = undefined
        await current?.close()
      })
    },
  }
}

/** `FileHandle.write` may write fewer bytes than asked; with O_APPEND each call lands at the end. */
async function appendAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset)
    offset += bytesWritten
  }
}
