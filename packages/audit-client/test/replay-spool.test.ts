import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeadLetterMessage } from '@audit-trail/datastorage-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fileDeadLetterQueue } from '../src/dead-letter/file-dead-letter-queue.js'
import { replaySpool } from '../src/dead-letter/replay-spool.js'
import { FakeDataStorage } from './helpers/fake-datastorage.js'
import { deadLetterMessage, deadLetterMessages } from './support/dead-letter-messages.js'

const baseUrl = 'http://datastorage.test'
let dir: string
let path: string
let server: FakeDataStorage

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-replay-'))
  path = join(dir, 'spool.jsonl')
  server = new FakeDataStorage()
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Spools `messages` in batches of `per`, rotating at `maxBytes`. */
async function spool(messages: DeadLetterMessage[], { maxBytes = 64 * 1024 * 1024, per = 5 } = {}) {
  const dlq = fileDeadLetterQueue({ path, maxBytes })
  for (let i = 0; i < messages.length; i += per) await dlq.write(messages.slice(i, i + per))
  await dlq.close()
}

const ids = (messages: DeadLetterMessage[]) => messages.map((m) => m.event.event_id)
const replay = (options: Partial<Parameters<typeof replaySpool>[0]> = {}) =>
  replaySpool({ path, baseUrl, fetch: server.fetch, batchSize: 10, ...options })

describe('replaySpool', () => {
  it('replays rotated files oldest first, then the live file, and removes only the rotated ones', async () => {
    const messages = deadLetterMessages(50)
    await spool(messages, { maxBytes: 4096 })
    const before = await readdir(dir)
    expect(before.filter((n) => /\.\d+$/.test(n)).length).toBeGreaterThan(2)

    const result = await replay()
    expect(result).toEqual({ files: before.length, replayed: 50, duplicates: 0, rejected: 0, remaining: 0 })
    expect(server.requests.flatMap((r) => r.ids)).toEqual(ids(messages))
    expect([...server.rows.keys()]).toEqual(ids(messages))
    expect(server.rows.get(messages[7]!.event.event_id)).toEqual(messages[7]!.event)
    expect((await readdir(dir)).sort()).toEqual(['spool.jsonl', 'spool.jsonl.progress'])
  })

  it('leaves no progress record behind that names a removed file (its inode may be reused)', async () => {
    await writeFile(
      `${path}.1`,
      deadLetterMessages(3)
        .map((m) => `${JSON.stringify(m)}\n`)
        .join(''),
    )
    await writeFile(
      `${path}.2`,
      deadLetterMessages(3, 3)
        .map((m) => `${JSON.stringify(m)}\n`)
        .join(''),
    )
    expect(await replay({ batchSize: 2 })).toEqual({
      files: 2,
      replayed: 6,
      duplicates: 0,
      rejected: 0,
      remaining: 0,
    })
    expect(await readdir(dir)).toEqual([])
  })

  it('is idempotent: a second replay finds nothing left and sends nothing', async () => {
    await spool(deadLetterMessages(25))
    expect((await replay()).replayed).toBe(25)
    const requests = server.requests.length
    expect(await replay()).toEqual({ files: 1, replayed: 0, duplicates: 0, rejected: 0, remaining: 0 })
    expect(server.requests.length).toBe(requests)
  })

  it('reports duplicates, not new rows, when a crash lost the progress record', async () => {
    await spool(deadLetterMessages(25))
    await replay()
    await rm(`${path}.progress`)
    expect(await replay()).toEqual({ files: 1, replayed: 0, duplicates: 25, rejected: 0, remaining: 0 })
    expect(server.rows.size).toBe(25)
  })

  it('stops at a 503 leaving the rest intact, and a later replay finishes without duplicates', async () => {
    const messages = deadLetterMessages(50)
    await spool(messages, { maxBytes: 4096 })
    server.failRequest(3, 503)

    const first = await replay()
    // A batch never spans files, so what two requests carried depends on the rotation.
    const acknowledged = server.requests.slice(0, 2).flatMap((r) => r.ids)
    expect(acknowledged.length).toBeGreaterThan(0)
    expect(first.replayed).toBe(acknowledged.length)
    expect(first.remaining).toBe(50 - acknowledged.length)
    expect(first.error).toMatch(/^503 from \/api\/v1\/audit\/events\/batch: /)
    expect([...server.rows.keys()]).toEqual(acknowledged)

    const second = await replay()
    expect(second).toEqual(
      expect.objectContaining({ replayed: 50 - acknowledged.length, duplicates: 0, remaining: 0 }),
    )
    expect(second.error).toBeUndefined()
    expect([...server.rows.keys()]).toEqual(ids(messages))
  })

  it('moves events refused with a 400 to the rejected file with the reasons, and sends the rest', async () => {
    const messages = deadLetterMessages(30).map((m, i) =>
      i === 3 || i === 17 ? { ...m, event: { ...m.event, event_data: { poison: true } } } : m,
    )
    await spool(messages)
    server.invalid = (event) =>
      (event['event_data'] as { poison?: boolean }).poison ? 'poisoned' : undefined

    const result = await replay()
    expect(result).toEqual({ files: 1, replayed: 28, duplicates: 0, rejected: 2, remaining: 0 })
    expect(server.rows.size).toBe(28)
    const rejected = (await readFile(`${path}.rejected.jsonl`, 'utf8'))
      .trimEnd()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { message: DeadLetterMessage; reasons: unknown[]; rejectedAt: string },
      )
    expect(rejected.map((r) => r.message)).toEqual([messages[3], messages[17]])
    expect(rejected[0]!.reasons).toEqual([{ field: 'event_data', message: 'poisoned' }])
    expect(Date.parse(rejected[0]!.rejectedAt)).not.toBeNaN()
  })

  it('stops on a 400 that names no event instead of dropping the batch', async () => {
    await spool(deadLetterMessages(12))
    server.failNext(400)
    const result = await replay()
    expect(result).toEqual(expect.objectContaining({ replayed: 0, rejected: 0, remaining: 12 }))
    expect(result.error).toMatch(/^400 from \/api\/v1\/audit\/events\/batch: /)
  })

  it('counts a 202 (queued by the service dead-letter queue) as replayed', async () => {
    await spool(deadLetterMessages(15))
    server.defaultFault = { kind: 'accepted' }
    expect(await replay()).toEqual({ files: 1, replayed: 15, duplicates: 0, rejected: 0, remaining: 0 })
  })

  it('stops on a network error with the spool intact', async () => {
    await spool(deadLetterMessages(8))
    const result = await replay({
      fetch: async () => {
        throw new TypeError('fetch failed: ECONNREFUSED')
      },
    })
    expect(result).toEqual(expect.objectContaining({ replayed: 0, remaining: 8 }))
    expect(result.error).toMatch(/^request to http:\/\/datastorage\.test failed: fetch failed: ECONNREFUSED/)
  })

  it('sets aside lines that are not messages (a torn line, foreign JSON) and replays the others', async () => {
    const good = deadLetterMessages(3)
    await writeFile(
      path,
      [
        JSON.stringify(good[0]),
        '{"event":{"event_id":"tor',
        '',
        JSON.stringify({ hello: 1 }),
        JSON.stringify(good[1]),
        JSON.stringify(good[2]),
      ]
        .map((l) => `${l}\n`)
        .join(''),
    )
    const result = await replay()
    expect(result).toEqual({ files: 1, replayed: 3, duplicates: 0, rejected: 2, remaining: 0 })
    const rejected = (await readFile(`${path}.rejected.jsonl`, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(rejected.map((r: { line: string }) => r.line)).toEqual([
      '{"event":{"event_id":"tor',
      '{"hello":1}',
    ])
    expect(rejected[0].reasons[0].message).toMatch(/not JSON/)
  })

  it('counts an unterminated last line of a rotated file as remaining, and replays it', async () => {
    const [a, b] = deadLetterMessages(2)
    await writeFile(`${path}.1`, `${JSON.stringify(a)}\n${JSON.stringify(b)}`)
    expect(await fileDeadLetterQueue({ path }).spoolDepth()).toBe(2)
    expect(await replay()).toEqual({ files: 1, replayed: 2, duplicates: 0, rejected: 0, remaining: 0 })
  })

  it('leaves a trailing fragment of the live file alone: a writer may be mid-batch', async () => {
    await spool(deadLetterMessages(4))
    await appendFile(path, '{"event":{"event_id":"half-writ')
    expect(await fileDeadLetterQueue({ path }).spoolDepth()).toBe(4)
    expect(await replay()).toEqual({ files: 1, replayed: 4, duplicates: 0, rejected: 0, remaining: 0 })
    expect(await readFile(path, 'utf8')).toMatch(/half-writ$/)
  })

  it('keeps its place in the live file across a rotation by the writer', async () => {
    const first = deadLetterMessages(20)
    await spool(first)
    server.failRequest(2, 503)
    expect((await replay()).replayed).toBe(10)

    // The writer rotates the half-replayed live file to .1 and starts a new one.
    const more = deadLetterMessages(5, 20)
    await spool(more, { maxBytes: 1 })
    expect((await readdir(dir)).filter((n) => n.startsWith('spool.jsonl.1')).length).toBe(1)

    const result = await replay()
    expect(result).toEqual(expect.objectContaining({ replayed: 15, duplicates: 0, remaining: 0 }))
    expect([...server.rows.keys()]).toEqual(ids([...first, ...more]))
    // 10 acknowledged, 10 refused with the 503, then 10 + 5: nothing acknowledged was sent again.
    expect(server.requests.map((r) => r.ids.length)).toEqual([10, 10, 10, 5])
  })

  it('bounds a request by bytes as well as by count', async () => {
    await spool(
      deadLetterMessages(10).map((m) => ({
        ...m,
        event: { ...m.event, event_data: { pad: 'x'.repeat(2000) } },
      })),
    )
    const result = await replay({ batchSize: 100, maxBatchBytes: 5000 })
    expect(result.replayed).toBe(10)
    expect(server.requests.map((r) => r.ids.length)).toEqual([2, 2, 2, 2, 2])
  })

  it('sends the token as a Bearer credential and logs what it did', async () => {
    await spool(deadLetterMessages(3))
    await writeFile(`${path}.1`, `${JSON.stringify(deadLetterMessage(99))}\n`)
    const logs: string[] = []
    const logger = {
      info: (_: unknown, msg: string) => void logs.push(`info ${msg}`),
      warn: (_: unknown, msg: string) => void logs.push(`warn ${msg}`),
    } as unknown as NonNullable<Parameters<typeof replaySpool>[0]['logger']>
    await replay({ token: 's3cret', logger })
    expect(server.requests.every((r) => r.authorization === 'Bearer s3cret')).toBe(true)
    expect(logs).toEqual(['info audit spool file replayed and removed'])
  })

  it('returns zeros for a spool that does not exist', async () => {
    expect(await replay({ path: join(dir, 'none', 'spool.jsonl') })).toEqual({
      files: 0,
      replayed: 0,
      duplicates: 0,
      rejected: 0,
      remaining: 0,
    })
  })

  it('checks its options, naming the field', async () => {
    await expect(replay({ batchSize: 0 })).rejects.toThrow(/batchSize/)
    await expect(replay({ batchSize: 5001 })).rejects.toThrow(/batchSize/)
    await expect(replay({ maxBatchBytes: -1 })).rejects.toThrow(/maxBatchBytes/)
    await expect(replay({ requestTimeoutMs: Number.NaN })).rejects.toThrow(/requestTimeoutMs/)
    await expect(replay({ path: '' })).rejects.toThrow(/path/)
    await expect(replay({ baseUrl: 'ftp://x' })).rejects.toThrow(/baseUrl/)
  })
})
