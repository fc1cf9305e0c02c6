import { type FileHandle, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'

/*
 * The spool's on-disk layout, shared by the writer (file-dead-letter-queue.ts) and the replayer
 * (replay-spool.ts):
 *   <path>                 the live file, appended to by one writer process
 *   <path>.1, <path>.2, …  rotated files, immutable once renamed; a higher number is newer
 *   <path>.progress        how far the replayer got in one file: { dev, ino, offset, file }
 *   <path>.rejected.jsonl  events the service refused with a 400, with its reasons
 * The live file is never renamed or removed by the replayer: a writer in another process may hold
 * it open, and its appends would land in a renamed or unlinked inode and be lost.
 */

/** One rotated or live spool file, oldest first in {@link listSpoolFiles}. */
export interface SpoolFile {
  readonly path: string
  /** True for the file still being appended to (`<path>` itself). */
  readonly live: boolean
}

/** Replay progress inside one file, identified by device and inode so that it survives rotation. */
export interface SpoolProgress {
  readonly dev: number
  readonly ino: number
  /** Bytes of the file already acknowledged by the service. */
  readonly offset: number
  /** For operators reading the file; the inode is what identifies it. */
  readonly file: string
}

/** A complete line (its `\n` stripped) and the byte offset just after it. */
export interface SpoolLine {
  readonly text: string
  readonly end: number
}

const NEWLINE = 0x0a

export const progressPath = (path: string): string => `${path}.progress`
export const rejectedPath = (path: string): string => `${path}.rejected.jsonl`

/** Numbers of the rotated files `<path>.N` that exist, ascending. */
export async function rotatedIndexes(path: string): Promise<number[]> {
  const prefix = `${basename(path)}.`
  let names: string[]
  try {
    names = await readdir(dirname(path))
  } catch (error) {
    if (isNotFound(error)) return []
    throw error
  }
  const indexes: number[] = []
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const suffix = name.slice(prefix.length)
    if (/^[1-9]\d*$/.test(suffix)) indexes.push(Number(suffix))
  }
  return indexes.sort((a, b) => a - b)
}

/** The spool's files in replay order: rotated ones oldest first, then the live file if it exists. */
export async function listSpoolFiles(path: string): Promise<SpoolFile[]> {
  const files: SpoolFile[] = (await rotatedIndexes(path)).map((n) => ({ path: `${path}.${n}`, live: false }))
  if (await exists(path)) files.push({ path, live: true })
  return files
}

/**
 * The saved progress, or undefined when there is none. A record that cannot be read or makes no
 * sense rejects, naming the file, for an operator to look at: guessing would either replay the
 * file from its start without a word or, with an offset that is not a byte count, read from the
 * middle of a line.
 */
export async function readProgress(path: string): Promise<SpoolProgress | undefined> {
  const file = progressPath(path)
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
  let value: Partial<SpoolProgress> | null
  try {
    value = JSON.parse(raw) as Partial<SpoolProgress> | null
  } catch (error) {
    throw new Error(`spool progress file ${file} is malformed: ${(error as Error).message}`, { cause: error })
  }
  const offset = value?.offset
  if (
    typeof value?.dev !== 'number' ||
    typeof value.ino !== 'number' ||
    !Number.isSafeInteger(offset) ||
    (offset as number) < 0
  ) {
    throw new Error(`spool progress file ${file} is malformed: not { dev, ino, offset } with a byte offset`)
  }
  return value as SpoolProgress
}

/** Replaces the progress record atomically (temp file, fsync, rename), so a crash leaves old or new. */
export async function writeProgress(path: string, progress: SpoolProgress): Promise<void> {
  const target = progressPath(path)
  const temp = `${target}.tmp`
  const handle = await open(temp, 'w', 0o600)
  try {
    await handle.writeFile(JSON.stringify(progress))
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, target)
  await syncDirectory(dirname(path))
}

export async function clearProgress(path: string): Promise<void> {
  await rm(progressPath(path), { force: true })
  await syncDirectory(dirname(path))
}

/** Where reading a file starts: the saved offset when the progress record names this very inode. */
export function startOffset(
  progress: SpoolProgress | undefined,
  stat: { dev: number; ino: number; size: number },
) {
  if (progress && progress.dev === stat.dev && progress.ino === stat.ino && progress.offset <= stat.size) {
    return progress.offset
  }
  return 0
}

/**
 * Yields the lines of an open file from `start`. A trailing fragment without `\n` is yielded only
 * when `includePartial` is set: in the live file it may be a batch still being written.
 */
export async function* readLines(
  handle: FileHandle,
  start: number,
  includePartial: boolean,
): AsyncGenerator<SpoolLine> {
  const chunk = Buffer.allocUnsafe(1 << 20)
  let pending: Buffer[] = []
  let pendingStart = start
  let position = start
  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position)
    if (bytesRead === 0) break
    const view = chunk.subarray(0, bytesRead)
    let from = 0
    for (let nl = view.indexOf(NEWLINE); nl !== -1; nl = view.indexOf(NEWLINE, from)) {
      pending.push(view.subarray(from, nl))
      const end = position + nl + 1
      yield { text: Buffer.concat(pending).toString('utf8'), end }
      pending = []
      pendingStart = end
      from = nl + 1
    }
    // Copied: the next read overwrites the chunk.
    if (from < bytesRead) pending.push(Buffer.from(view.subarray(from)))
    position += bytesRead
  }
  if (includePartial && position > pendingStart) {
    yield { text: Buffer.concat(pending).toString('utf8'), end: position }
  }
}

/**
 * Lines in the spool not yet acknowledged by a replay, a trailing fragment of the live file
 * excluded. Counts newline bytes without decoding, since metrics may ask for it on every scrape.
 */
export async function countSpoolLines(path: string): Promise<number> {
  const progress = await readProgress(path)
  const chunk = Buffer.allocUnsafe(1 << 20)
  let count = 0
  for (const file of await listSpoolFiles(path)) {
    const handle = await openIfExists(file.path)
    if (!handle) continue
    try {
      let position = startOffset(progress, await handle.stat())
      let endsWithNewline = true
      for (;;) {
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, position)
        if (bytesRead === 0) break
        const view = chunk.subarray(0, bytesRead)
        for (let nl = view.indexOf(NEWLINE); nl !== -1; nl = view.indexOf(NEWLINE, nl + 1)) count++
        endsWithNewline = view[bytesRead - 1] === NEWLINE
        position += bytesRead
      }
      // A rotated file is complete, so its unterminated last line is a line; the live file's may be a batch mid-write.
      if (!file.live && !endsWithNewline) count++
    } finally {
      await handle.close()
    }
  }
  return count
}

/** Opens a file for reading, or returns undefined when it vanished (a concurrent replay removed it). */
export async function openIfExists(path: string): Promise<FileHandle | undefined> {
  try {
    return await open(path, 'r')
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

/** Makes a rename, create or unlink in `dir` durable; without it a crash can undo the change. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if (isNotFound(error)) return false
    throw error
  }
}
