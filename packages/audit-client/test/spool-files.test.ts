import {
  mkdir,
  mkdtemp,
  open,
  readdir,
  readlink,
  realpath,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeadLetterMessage } from '@audit-trail/datastorage-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fileDeadLetterQueue } from '../src/dead-letter/file-dead-letter-queue.js'
import { replaySpool } from '../src/dead-letter/replay-spool.js'
import {
  clearProgress,
  listSpoolFiles,
  readLines,
  rotatedIndexes,
  type SpoolLine,
} from '../src/dead-letter/spool-files.js'
import { FakeDataStorage } from './helpers/fake-datastorage.js'
import { deadLetterMessages } from './support/dead-letter-messages.js'

// The spool's on-disk layout as the writer, the replay and the depth gauge share it: which files
// belong to a spool, where a replay resumes, and which lines count.

const baseUrl = 'http://datastorage.test'
let dir: string
let path: string
let server: FakeDataStorage

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-spool-files-'))
  path = join(dir, 'spool.jsonl')
  server = new FakeDataStorage()
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const jsonl = (messages: DeadLetterMessage[]) => messages.map((m) => `${JSON.stringify(m)}\n`).join('')
const ids = (messages: DeadLetterMessage[]) => messages.map((m) => m.event.event_id)
const sentIds = () => server.requests.flatMap((r) => r.ids)
const replay = (options: Partial<Parameters<typeof replaySpool>[0]> = {}) =>
  replaySpool({ path, baseUrl, fetch: server.fetch, batchSize: 10, ...options })
const spoolDepth = () => fileDeadLetterQueue({ path }).spoolDepth()

/** Spools `messages` through the writer, in batches of 5, rotating past `maxBytes`. */
async function spool(messages: DeadLetterMessage[], maxBytes = 64 * 1024 * 1024) {
  const dlq = fileDeadLetterQueue({ path, maxBytes })
  for (let i = 0; i < messages.length; i += 5) await dlq.write(messages.slice(i, i + 5))
  await dlq.close()
}

async function collect(lines: AsyncIterable<SpoolLine>): Promise<SpoolLine[]> {
  const all: SpoolLine[] = []
  for await (const line of lines) all.push(line)
  return all
}

describe('which files belong to a spool', () => {
  it('lists rotated files in numeric order (.2 before .10), then the live file only when it exists', async () => {
    for (const n of [10, 2, 1]) await writeFile(`${path}.${n}`, '')
    expect(await listSpoolFiles(path)).toEqual([
      { path: `${path}.1`, live: false },
      { path: `${path}.2`, live: false },
      { path: `${path}.10`, live: false },
    ])
    await writeFile(path, '')
    expect((await listSpoolFiles(path)).at(-1)).toEqual({ path, live: true })
  })

  it('takes no other file for a rotation: another spool, .0, .01, .1.tmp, .bak2, progress, rejected', async () => {
    // 'other.jsonl.' is as long as 'spool.jsonl.', so only the name's prefix tells them apart.
    for (const name of [
      'spool.jsonl.1',
      'spool.jsonl.3',
      'other.jsonl.7',
      'spool.jsonl.0',
      'spool.jsonl.01',
      'spool.jsonl.1.tmp',
      'spool.jsonl.bak2',
      'spool.jsonl.progress',
      'spool.jsonl.rejected.jsonl',
    ]) {
      await writeFile(join(dir, name), '')
    }
    expect(await rotatedIndexes(path)).toEqual([1, 3])

    // The writer numbers its next rotation from its own files only.
    const dlq = fileDeadLetterQueue({ path, maxBytes: 1 })
    await dlq.write(deadLetterMessages(1))
    await dlq.write(deadLetterMessages(1, 1))
    await dlq.close()
    expect((await readdir(dir)).sort()).toEqual([
      'other.jsonl.7',
      'spool.jsonl',
      'spool.jsonl.0',
      'spool.jsonl.01',
      'spool.jsonl.1',
      'spool.jsonl.1.tmp',
      'spool.jsonl.3',
      'spool.jsonl.4',
      'spool.jsonl.bak2',
      'spool.jsonl.progress',
      'spool.jsonl.rejected.jsonl',
    ])
  })

  it('has no files when its directory does not exist, and rejects when the directory cannot be listed', async () => {
    expect(await rotatedIndexes(join(dir, 'absent', 'spool.jsonl'))).toEqual([])
    expect(await listSpoolFiles(join(dir, 'absent', 'spool.jsonl'))).toEqual([])
    await writeFile(join(dir, 'a-file'), '')
    const underAFile = join(dir, 'a-file', 'spool.jsonl')
    await expect(rotatedIndexes(underAFile)).rejects.toMatchObject({ code: 'ENOTDIR' })
    await expect(listSpoolFiles(underAFile)).rejects.toMatchObject({ code: 'ENOTDIR' })
  })

  it('stops with the error when a spool file cannot be opened, instead of skipping it as empty', async () => {
    // A symlink to itself: a file that is there but cannot be opened, whoever runs the test.
    await symlink(path, path)
    await expect(replay()).rejects.toMatchObject({ code: 'ELOOP' })
    await rm(path)
    await symlink(`${path}.1`, `${path}.1`)
    await expect(replay()).rejects.toMatchObject({ code: 'ELOOP' })
    await expect(spoolDepth()).rejects.toMatchObject({ code: 'ELOOP' })
    expect(server.requests).toHaveLength(0)
  })

  it('skips a rotated file that vanished between listing and opening (a concurrent replay removed it)', async () => {
    // A dangling symlink is listed by name but cannot be opened: the same as a file removed meanwhile.
    await symlink(join(dir, 'gone'), `${path}.1`)
    const messages = deadLetterMessages(3)
    await writeFile(path, jsonl(messages))
    expect(await spoolDepth()).toBe(3)
    expect(await replay()).toEqual({ files: 1, replayed: 3, duplicates: 0, rejected: 0, remaining: 0 })
    expect(sentIds()).toEqual(ids(messages))
  })
})

describe('where a replay resumes', () => {
  it('refuses a malformed progress record, naming the file, before sending anything', async () => {
    await spool(deadLetterMessages(3))
    const { dev, ino } = await stat(path)
    for (const record of [
      'not json',
      'null',
      '[]',
      '{}',
      JSON.stringify({ ino, offset: 0 }),
      JSON.stringify({ dev, offset: 0 }),
      JSON.stringify({ dev, ino }),
      JSON.stringify({ dev: String(dev), ino, offset: 0 }),
      JSON.stringify({ dev, ino, offset: '12' }),
      JSON.stringify({ dev, ino, offset: -1 }),
      JSON.stringify({ dev, ino, offset: 1.5 }),
    ]) {
      await writeFile(`${path}.progress`, record)
      await expect(replay(), record).rejects.toThrow(`spool progress file ${path}.progress is malformed`)
      await expect(spoolDepth(), record).rejects.toThrow(`spool progress file ${path}.progress is malformed`)
    }
    expect(server.requests).toHaveLength(0)
    await writeFile(`${path}.progress`, '{"dev": 1,')
    await expect(replay()).rejects.toMatchObject({ cause: expect.any(SyntaxError) })

    // Offset 0 is a valid record: nothing acknowledged yet.
    await writeFile(`${path}.progress`, JSON.stringify({ dev, ino, offset: 0, file: path }))
    expect((await replay()).replayed).toBe(3)
  })

  it('stops before sending anything when the progress record cannot be read', async () => {
    await spool(deadLetterMessages(3))
    await mkdir(`${path}.progress`)
    await expect(replay()).rejects.toMatchObject({ code: 'EISDIR' })
    expect(server.requests).toHaveLength(0)
  })

  it("does not apply a rotated file's progress to the new live file once the old one is gone", async () => {
    const first = deadLetterMessages(20)
    await spool(first)
    server.failRequest(2, 503)
    expect((await replay()).replayed).toBe(10)

    // The writer rotates the half-replayed live file; an operator moves that file away; the new
    // live file, another inode, is longer than the offset saved for the old one.
    const more = deadLetterMessages(25, 20)
    const writer = fileDeadLetterQueue({ path, maxBytes: 1 })
    await writer.write(more)
    await writer.close()
    await rm(`${path}.1`)
    const before = server.requests.length

    expect(await replay()).toEqual(expect.objectContaining({ replayed: 25, duplicates: 0, remaining: 0 }))
    expect(server.requests.slice(before).flatMap((r) => r.ids)).toEqual(ids(more))
  })

  it('replays a file from its start when the progress names the same inode on another device', async () => {
    // A spool restored onto another filesystem can meet an inode number the record happens to name.
    const messages = deadLetterMessages(5)
    await writeFile(path, jsonl(messages))
    const { dev, ino } = await stat(path)
    const offset = Buffer.byteLength(jsonl(messages.slice(0, 2)))
    await writeFile(`${path}.progress`, JSON.stringify({ dev: dev + 1, ino, offset, file: path }))
    expect(await spoolDepth()).toBe(5)
    expect((await replay()).replayed).toBe(5)
    expect(sentIds()).toEqual(ids(messages))

    // The very same file resumes after the offset.
    const again = new FakeDataStorage()
    await writeFile(`${path}.progress`, JSON.stringify({ dev, ino, offset, file: path }))
    expect(await spoolDepth()).toBe(3)
    expect((await replay({ fetch: again.fetch })).replayed).toBe(3)
    expect(again.requests.flatMap((r) => r.ids)).toEqual(ids(messages.slice(2)))
  })

  it('replays a file from its start when its progress lies past its end (the file was truncated)', async () => {
    await spool(deadLetterMessages(10))
    await replay()
    const { ino } = await stat(path)
    // Truncated in place (same inode) and written again, shorter than the saved offset.
    const fresh = deadLetterMessages(2, 50)
    await writeFile(path, jsonl(fresh))
    expect((await stat(path)).ino).toBe(ino)
    expect(await spoolDepth()).toBe(2)
    expect(await replay()).toEqual(expect.objectContaining({ replayed: 2, remaining: 0 }))
    expect(sentIds().slice(10)).toEqual(ids(fresh))
  })

  it('removes a rotated file fully acknowledged before a crash, sending nothing and counting nothing', async () => {
    // The crash came after the last acknowledgement was saved and before the file was removed.
    const messages = deadLetterMessages(4)
    await writeFile(`${path}.1`, jsonl(messages))
    const { dev, ino, size } = await stat(`${path}.1`)
    await writeFile(`${path}.progress`, JSON.stringify({ dev, ino, offset: size, file: `${path}.1` }))
    expect(await spoolDepth()).toBe(0)
    expect(await replay()).toEqual({ files: 1, replayed: 0, duplicates: 0, rejected: 0, remaining: 0 })
    expect(server.requests).toHaveLength(0)
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps its place in the live file past an empty rotated file, with or without a progress record', async () => {
    await writeFile(`${path}.1`, '')
    expect(await spoolDepth()).toBe(0)
    expect(await replay()).toEqual({ files: 1, replayed: 0, duplicates: 0, rejected: 0, remaining: 0 })
    expect(await readdir(dir)).toEqual([])

    const messages = deadLetterMessages(20)
    await spool(messages)
    server.failRequest(2, 503)
    expect((await replay()).replayed).toBe(10)
    await writeFile(`${path}.1`, '')
    expect(await replay()).toEqual({ files: 2, replayed: 10, duplicates: 0, rejected: 0, remaining: 0 })
    expect([...server.rows.keys()]).toEqual(ids(messages))
  })

  it('clearing the progress record is idempotent', async () => {
    await clearProgress(path)
    await writeFile(`${path}.progress`, '{}')
    await clearProgress(path)
    await clearProgress(path)
    expect(await readdir(dir)).toEqual([])
  })
})

/** What this process holds open under `root` (Linux: /proc/self/fd), removed files included. */
async function openUnder(root: string): Promise<string[]> {
  const held: string[] = []
  for (const fd of await readdir('/proc/self/fd')) {
    // An fd of readdir's own, or one closed meanwhile, has no link left to read.
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '')
    if (target === root || target.startsWith(`${root}/`)) held.push(target)
  }
  return held
}

describe('file handles', () => {
  // spoolDepth() runs on every metrics scrape, and replaySpool() may run in a long-lived process.
  it.skipIf(process.platform !== 'linux')(
    'a replay and a depth reading leave no spool file or directory open',
    async () => {
      const root = await realpath(dir)
      await writeFile(`${path}.1`, `${jsonl(deadLetterMessages(3))}not json\n`)
      await writeFile(path, jsonl(deadLetterMessages(12, 3)))
      server.failRequest(2, 503)
      expect(await replay()).toEqual(expect.objectContaining({ replayed: 3, rejected: 1, remaining: 12 }))
      expect(await spoolDepth()).toBe(12)
      expect(await openUnder(root)).toEqual([])
    },
  )
})

describe('which lines count', () => {
  it('yields complete lines with the offset after each, and an unterminated tail only when asked', async () => {
    await writeFile(path, 'a\nbb\n')
    const handle = await open(path, 'r')
    try {
      expect(await collect(readLines(handle, 0, true))).toEqual([
        { text: 'a', end: 2 },
        { text: 'bb', end: 5 },
      ])
      expect(await collect(readLines(handle, 2, true))).toEqual([{ text: 'bb', end: 5 }])
      expect(await collect(readLines(handle, 5, true))).toEqual([])
    } finally {
      await handle.close()
    }
    await writeFile(path, 'a\nbb')
    const torn = await open(path, 'r')
    try {
      expect(await collect(readLines(torn, 0, false))).toEqual([{ text: 'a', end: 2 }])
      expect(await collect(readLines(torn, 0, true))).toEqual([
        { text: 'a', end: 2 },
        { text: 'bb', end: 4 },
      ])
    } finally {
      await torn.close()
    }
  })

  it('reassembles lines that straddle the 1 MiB read chunk, in the replay and in the depth', async () => {
    // 6 lines of ~200 KB (two-byte characters): the sixth crosses the reader's 1 MiB chunk.
    const messages = deadLetterMessages(6).map((m) => ({
      ...m,
      event: { ...m.event, event_data: { pad: 'é'.repeat(100_000) } },
    }))
    await writeFile(`${path}.1`, jsonl(messages))
    expect(Buffer.byteLength(jsonl(messages.slice(0, 5)))).toBeLessThan(1 << 20)
    expect(Buffer.byteLength(jsonl(messages))).toBeGreaterThan(1 << 20)
    expect(await spoolDepth()).toBe(6)
    expect(await replay({ batchSize: 1 })).toEqual(
      expect.objectContaining({ replayed: 6, rejected: 0, remaining: 0 }),
    )
    expect([...server.rows.values()]).toEqual(messages.map((m) => m.event))
  })
})
