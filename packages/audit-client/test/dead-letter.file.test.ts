import { mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeadLetterMessage } from '@audit-trail/datastorage-client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fileDeadLetterQueue } from '../src/dead-letter/file-dead-letter-queue.js'
import { DeadLetterWriteError } from '../src/errors.js'
import { deadLetterMessage, deadLetterMessages } from './support/dead-letter-messages.js'

let dir: string
let path: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-spool-'))
  path = join(dir, 'nested', 'spool.jsonl')
})
afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

/** Every spool file's lines, rotated files oldest first, then the live file. */
async function spoolLines(): Promise<{ file: string; lines: string[] }[]> {
  const names = await readdir(join(dir, 'nested'))
  const rotated = names
    .filter((n) => /^spool\.jsonl\.\d+$/.test(n))
    .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
  const files = [...rotated, ...(names.includes('spool.jsonl') ? ['spool.jsonl'] : [])]
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(dir, 'nested', file), 'utf8')
      expect(text.endsWith('\n')).toBe(true)
      return { file, lines: text.slice(0, -1).split('\n') }
    }),
  )
}

describe('fileDeadLetterQueue', () => {
  it('appends one JSON DeadLetterMessage per line, creating the directory and a 0600 file', async () => {
    const dlq = fileDeadLetterQueue({ path })
    const first = deadLetterMessages(2)
    const second = [deadLetterMessage(2)]
    await dlq.write(first)
    await dlq.write(second)
    await dlq.close()

    const text = await readFile(path, 'utf8')
    expect(text.split('\n')).toHaveLength(4)
    const parsed = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as DeadLetterMessage)
    expect(parsed).toEqual([...first, ...second])
    expect(parsed[0]?.source).toBe('client')
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(dlq.name).toBe('file')
    expect(dlq.path).toBe(path)
  })

  it('fsyncs each batch before write() resolves', async () => {
    const dlq = fileDeadLetterQueue({ path })
    await dlq.write([deadLetterMessage(0)])
    const probe = await open(path, 'r')
    const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> }
    await probe.close()
    const order: string[] = []
    const sync = vi.spyOn(proto, 'sync').mockImplementation(async function (this: unknown) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      order.push('sync')
    })
    await dlq.write([deadLetterMessage(1)])
    order.push('resolved')
    expect(sync).toHaveBeenCalled()
    expect(order).toEqual(['sync', 'resolved'])
    await dlq.close()
  })

  it('rotates by size to .1, .2, … in order, keeping every line', async () => {
    const dlq = fileDeadLetterQueue({ path, maxBytes: 4096 })
    const written: DeadLetterMessage[] = []
    for (let i = 0; i < 40; i++) {
      const batch = deadLetterMessages(3, i * 3)
      written.push(...batch)
      await dlq.write(batch)
    }
    await dlq.close()
    const files = await spoolLines()
    expect(files.length).toBeGreaterThan(3)
    expect(files.map((f) => f.file)).toEqual([
      ...files.slice(0, -1).map((_, i) => `spool.jsonl.${i + 1}`),
      'spool.jsonl',
    ])
    for (const f of files) expect((await stat(join(dir, 'nested', f.file))).size).toBeLessThanOrEqual(4096)
    const ids = files.flatMap((f) => f.lines.map((l) => (JSON.parse(l) as DeadLetterMessage).event.event_id))
    expect(ids).toEqual(written.map((m) => m.event.event_id))
    expect(await dlq.spoolDepth()).toBe(120)
  })

  it('numbers a new rotation above the files already there and never deletes them', async () => {
    const dlq = fileDeadLetterQueue({ path, maxBytes: 1024 })
    await dlq.write(deadLetterMessages(2))
    await writeFile(`${path}.1`, `${JSON.stringify(deadLetterMessage(90))}\n`)
    await writeFile(`${path}.7`, `${JSON.stringify(deadLetterMessage(91))}\n`)
    await dlq.write(deadLetterMessages(3, 2))
    await dlq.close()
    expect((await readdir(join(dir, 'nested'))).sort()).toEqual([
      'spool.jsonl',
      'spool.jsonl.1',
      'spool.jsonl.7',
      'spool.jsonl.8',
    ])
    expect((await readFile(`${path}.8`, 'utf8')).trimEnd().split('\n')).toHaveLength(2)
  })

  it('puts a batch larger than maxBytes into one file rather than splitting or refusing it', async () => {
    const dlq = fileDeadLetterQueue({ path, maxBytes: 512 })
    await dlq.write(deadLetterMessages(10))
    await dlq.close()
    expect((await readFile(path, 'utf8')).trimEnd().split('\n')).toHaveLength(10)
  })

  it('serializes concurrent writes: no line lost, torn or interleaved, across rotations', async () => {
    const dlq = fileDeadLetterQueue({ path, maxBytes: 16 * 1024 })
    const batches = Array.from({ length: 60 }, (_, b) =>
      Array.from({ length: 1 + (b % 7) }, (_, k) =>
        deadLetterMessage(b * 100 + k, { batch: b, pad: 'x'.repeat((b * 37) % 300) }),
      ),
    )
    await Promise.all(batches.map((batch) => dlq.write(batch)))
    await dlq.close()

    const lines = (await spoolLines()).flatMap((f) => f.lines)
    const parsed = lines.map((line) => JSON.parse(line) as DeadLetterMessage)
    expect(parsed).toHaveLength(batches.flat().length)
    // Each batch's lines are adjacent and in order: one write per batch, one batch at a time.
    const byBatch = new Map<number, string[]>()
    let previous = -1
    for (const message of parsed) {
      const batch = message.event.event_data['batch'] as number
      if (batch !== previous) expect(byBatch.has(batch)).toBe(false)
      previous = batch
      byBatch.set(batch, [...(byBatch.get(batch) ?? []), message.event.event_id])
    }
    for (const [b, ids] of byBatch) expect(ids).toEqual(batches[b]!.map((m) => m.event.event_id))
  })

  it('ends a torn last line left by a crash before appending', async () => {
    await rm(dir, { recursive: true, force: true })
    const dlq = fileDeadLetterQueue({ path })
    await dlq.write([deadLetterMessage(0)])
    await dlq.close()
    await writeFile(path, `${await readFile(path, 'utf8')}{"event":{"event_id":"torn`)

    const reopened = fileDeadLetterQueue({ path })
    const message = deadLetterMessage(1)
    await reopened.write([message])
    await reopened.close()
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toBe('{"event":{"event_id":"torn')
    expect(JSON.parse(lines[2]!)).toEqual(message)
  })

  it('rejects with DeadLetterWriteError when the spool cannot be written, and recovers after', async () => {
    await writeFile(join(dir, 'nested'), 'a file where the directory should be')
    const dlq = fileDeadLetterQueue({ path })
    const error = await dlq.write([deadLetterMessage(0)]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadLetterWriteError)
    expect((error as DeadLetterWriteError).code).toBe('DLQ_WRITE_FAILED')
    expect((error as Error).message).toContain(path)
    expect((error as Error).cause).toBeDefined()

    await rm(join(dir, 'nested'))
    await dlq.write([deadLetterMessage(1)])
    expect(await dlq.spoolDepth()).toBe(1)
    await dlq.close()
  })

  it('reopens after a failed append so the next batch starts on a fresh line', async () => {
    const dlq = fileDeadLetterQueue({ path })
    await dlq.write([deadLetterMessage(0)])
    const probe = await open(path, 'r')
    const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> }
    await probe.close()
    vi.spyOn(proto, 'sync').mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))
    await expect(dlq.write([deadLetterMessage(1)])).rejects.toThrow(/EIO/)
    await dlq.write([deadLetterMessage(2)])
    await dlq.close()
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n')
    expect(lines.map((l) => (JSON.parse(l) as DeadLetterMessage).event.event_data['i'])).toEqual([0, 1, 2])
  })

  it('does nothing for an empty batch, refuses writes after close(), and closes idempotently', async () => {
    const dlq = fileDeadLetterQueue({ path })
    await dlq.write([])
    await expect(stat(path)).rejects.toThrow(/ENOENT/)
    expect(await dlq.spoolDepth()).toBe(0)
    await dlq.close()
    await dlq.close()
    await expect(dlq.write([deadLetterMessage(0)])).rejects.toThrow(DeadLetterWriteError)
  })

  it('checks its options at construction', () => {
    expect(() => fileDeadLetterQueue({ path: '' })).toThrow(/path/)
    expect(() => fileDeadLetterQueue({ path, maxBytes: 0 })).toThrow(/maxBytes/)
    expect(() => fileDeadLetterQueue({ path, maxBytes: 1.5 })).toThrow(/maxBytes/)
  })
})
