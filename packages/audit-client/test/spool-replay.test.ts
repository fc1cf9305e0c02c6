import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeadLetterMessage } from '@audit-trail/datastorage-client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fileDeadLetterQueue } from '../src/dead-letter/file-dead-letter-queue.js'
import { type ReplaySpoolOptions, replaySpool } from '../src/dead-letter/replay-spool.js'
import { FakeDataStorage } from './helpers/fake-datastorage.js'
import { deadLetterMessages } from './support/dead-letter-messages.js'

// What an operator relies on when replaying a spool: which lines are sent, set aside or left,
// how requests are cut, what is logged, and how the service's answers are read (through the
// client's transport, with the client's rule for a 400).

const baseUrl = 'http://datastorage.test'
const BATCH_PATH = '/api/v1/audit/events/batch'
let dir: string
let path: string
let server: FakeDataStorage

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-spool-replay-'))
  path = join(dir, 'spool.jsonl')
  server = new FakeDataStorage()
})
afterEach(async () => {
  vi.useRealTimers()
  await rm(dir, { recursive: true, force: true })
})

const jsonl = (lines: readonly unknown[]) =>
  lines.map((l) => `${typeof l === 'string' ? l : JSON.stringify(l)}\n`).join('')
const ids = (messages: DeadLetterMessage[]) => messages.map((m) => m.event.event_id)
const replay = (options: Partial<ReplaySpoolOptions> = {}) =>
  replaySpool({ path, baseUrl, fetch: server.fetch, batchSize: 10, ...options })

interface Rejected {
  rejectedAt: string
  reasons: { field: string; message: string }[]
  message?: DeadLetterMessage
  line?: string
}
async function rejectedFile(): Promise<Rejected[]> {
  const text = await readFile(`${path}.rejected.jsonl`, 'utf8')
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Rejected)
}

/** A logger that records each call with its level, fields and message. */
function recordingLogger() {
  const calls: { level: 'info' | 'warn'; fields: Record<string, unknown>; msg: string }[] = []
  const logger = {
    info: (fields: Record<string, unknown>, msg: string) => void calls.push({ level: 'info', fields, msg }),
    warn: (fields: Record<string, unknown>, msg: string) => void calls.push({ level: 'warn', fields, msg }),
  } as unknown as NonNullable<ReplaySpoolOptions['logger']>
  return { logger, calls }
}

/** Answers the first request with `status` and the problem `body`, then hands over to the fake service. */
function answerFirst(status: number, body: unknown): typeof globalThis.fetch {
  let answered = false
  return async (input, init) => {
    if (answered) return server.fetch(input, init)
    answered = true
    await new Request(input, init).text()
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/problem+json' },
    })
  }
}

describe('spool lines', () => {
  it('sends messages, sets aside lines that are not messages with the reason, and skips blank lines', async () => {
    const good = deadLetterMessages(3)
    await writeFile(
      path,
      jsonl([
        good[0],
        '   ',
        '\t',
        'null',
        '42',
        '{"event":null}',
        '{"event":{"event_id":5}}',
        '{"event":{"event_id":"tor',
        good[1],
        good[2],
      ]),
    )
    const result = await replay()
    expect(result).toEqual({ files: 1, replayed: 3, duplicates: 0, rejected: 5, remaining: 0 })
    expect(server.requests.flatMap((r) => r.ids)).toEqual(ids(good))
    const rejected = await rejectedFile()
    expect(rejected.map((r) => [r.line, r.reasons])).toEqual([
      ['null', [{ field: '', message: 'spool line is not a dead-letter message with event.event_id' }]],
      ['42', [{ field: '', message: 'spool line is not a dead-letter message with event.event_id' }]],
      [
        '{"event":null}',
        [{ field: '', message: 'spool line is not a dead-letter message with event.event_id' }],
      ],
      [
        '{"event":{"event_id":5}}',
        [{ field: '', message: 'spool line is not a dead-letter message with event.event_id' }],
      ],
      ['{"event":{"event_id":"tor', [{ field: '', message: 'spool line is not JSON (torn by a crash?)' }]],
    ])
  })

  it('sets aside the torn last line of a rotated file, but leaves the live file’s to its writer', async () => {
    const messages = deadLetterMessages(4)
    await writeFile(`${path}.1`, `${jsonl(messages.slice(0, 2))}{"event":{"event_id":"cut-by-a-cra`)
    await writeFile(path, `${jsonl(messages.slice(2))}{"event":{"event_id":"being-writ`)
    expect(await fileDeadLetterQueue({ path }).spoolDepth()).toBe(5)

    expect(await replay()).toEqual({ files: 2, replayed: 4, duplicates: 0, rejected: 1, remaining: 0 })
    expect((await rejectedFile()).map((r) => r.line)).toEqual(['{"event":{"event_id":"cut-by-a-cra'])
    expect(await readdir(dir)).not.toContain('spool.jsonl.1')
    expect(await readFile(path, 'utf8')).toMatch(/being-writ$/)
  })

  it('writes set-aside events next to the spool, private to its owner, appending across replays', async () => {
    await writeFile(path, jsonl(['not json 1']))
    await replay()
    await writeFile(path, jsonl(['not json 1', 'not json 2']))
    await replay()
    expect((await rejectedFile()).map((r) => r.line)).toEqual(['not json 1', 'not json 2'])
    expect((await stat(`${path}.rejected.jsonl`)).mode & 0o777).toBe(0o600)
    // Nothing was left to send: no request (the service refuses an empty batch).
    expect(server.requests).toHaveLength(0)
  })
})

describe('requests', () => {
  it('fills a request up to maxBatchBytes exactly, counting each line without its newline', async () => {
    // Messages 10…19 serialise to lines of one length.
    const messages = deadLetterMessages(10, 10)
    const sizes = new Set(messages.map((m) => Buffer.byteLength(JSON.stringify(m))))
    expect(sizes.size).toBe(1)
    const [line] = sizes
    await writeFile(path, jsonl(messages))

    await replay({ batchSize: 100, maxBatchBytes: 3 * line! })
    expect(server.requests.map((r) => r.ids.length)).toEqual([3, 3, 3, 1])

    const tighter = new FakeDataStorage()
    await rm(`${path}.progress`)
    await replay({ fetch: tighter.fetch, batchSize: 100, maxBatchBytes: 3 * line! - 1 })
    expect(tighter.requests.map((r) => r.ids.length)).toEqual([2, 2, 2, 2, 2])
  })

  it('sends a line larger than maxBatchBytes on its own rather than refusing it', async () => {
    const messages = deadLetterMessages(3)
    await writeFile(path, jsonl(messages))
    expect(await replay({ maxBatchBytes: 10 })).toEqual(
      expect.objectContaining({ replayed: 3, remaining: 0 }),
    )
    expect(server.requests.map((r) => r.ids.length)).toEqual([1, 1, 1])
  })

  it('accepts batchSize from 1 to 5000, and refuses a zero byte bound or timeout', async () => {
    await writeFile(path, jsonl(deadLetterMessages(3)))
    expect((await replay({ batchSize: 1 })).replayed).toBe(3)
    expect(server.requests.map((r) => r.ids.length)).toEqual([1, 1, 1])
    await rm(`${path}.progress`)
    expect((await replay({ batchSize: 5000 })).duplicates).toBe(3)
    await expect(replay({ maxBatchBytes: 0 })).rejects.toThrow(
      new RangeError('replaySpool: maxBatchBytes must be a positive number'),
    )
    await expect(replay({ requestTimeoutMs: 0 })).rejects.toThrow(
      new RangeError('replaySpool: requestTimeoutMs must be a positive number'),
    )
    await expect(replay({ path: undefined as unknown as string })).rejects.toThrow(
      new RangeError('replaySpool: path must be a non-empty string'),
    )
  })

  it('asks a token function once for the whole replay, and again after a 401', async () => {
    await writeFile(path, jsonl(deadLetterMessages(30)))
    const tokens = ['first', 'second']
    const asked: string[] = []
    const token = () => {
      const next = tokens[asked.length]!
      asked.push(next)
      return next
    }
    const result = await replay({ token, fetch: answerFirst(401, { title: 'expired', status: 401 }) })
    expect(result).toEqual(expect.objectContaining({ replayed: 30, remaining: 0 }))
    expect(asked).toEqual(['first', 'second'])
    expect(server.requests.map((r) => r.authorization)).toEqual([
      'Bearer second',
      'Bearer second',
      'Bearer second',
    ])
  })

  it('gives up on a request after requestTimeoutMs, 30 s by default, and stops with the spool intact', async () => {
    await writeFile(path, jsonl(deadLetterMessages(5)))
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let requested!: () => void
    const request = new Promise<void>((resolve) => {
      requested = resolve
    })
    // A service that never answers.
    const hang: typeof globalThis.fetch = () => {
      requested()
      return new Promise<Response>(() => {})
    }
    let done = false
    const replaying = replay({ fetch: hang }).finally(() => {
      done = true
    })
    await request
    await vi.advanceTimersByTimeAsync(29_999)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const result = await replaying
    expect(result).toEqual(expect.objectContaining({ replayed: 0, remaining: 5 }))
    expect(result.error).toBe(`request to ${baseUrl} timed out after 30000 ms`)
  })
})

describe('a 400 from the service', () => {
  const problem = (errors: unknown) => ({ type: 'about:blank', title: 'invalid events', status: 400, errors })

  it('sets aside the events it names, with every reason given for each, and sends the rest', async () => {
    const messages = deadLetterMessages(4)
    await writeFile(path, jsonl(messages))
    const errors = [
      { index: 2, field: 'event_type', message: 'is unknown' },
      { index: 0, field: 'event_data', message: 'is too large' },
      { index: 2, field: 'actor_id', message: 'is required' },
    ]
    const result = await replay({ fetch: answerFirst(400, problem(errors)) })
    expect(result).toEqual({ files: 1, replayed: 2, duplicates: 0, rejected: 2, remaining: 0 })
    expect(server.requests.flatMap((r) => r.ids)).toEqual(ids([messages[1]!, messages[3]!]))
    const rejected = await rejectedFile()
    expect(rejected.map((r) => [r.message?.event.event_id, r.reasons])).toEqual([
      [
        messages[2]!.event.event_id,
        [
          { field: 'event_type', message: 'is unknown' },
          { field: 'actor_id', message: 'is required' },
        ],
      ],
      [messages[0]!.event.event_id, [{ field: 'event_data', message: 'is too large' }]],
    ])
  })

  it.each([
    ['an index past the batch', [{ index: 4, field: 'event_type', message: 'is unknown' }]],
    [
      'an index past the batch next to a valid one',
      [
        { index: 1, field: 'event_type', message: 'is unknown' },
        { index: 4, field: 'event_type', message: 'is unknown' },
      ],
    ],
    ['a negative index', [{ index: -1, field: 'event_type', message: 'is unknown' }]],
    ['a fractional index', [{ index: 1.5, field: 'event_type', message: 'is unknown' }]],
    ['an index as a string', [{ index: '1', field: 'event_type', message: 'is unknown' }]],
    [
      'an entry without an index',
      [
        { index: 1, field: 'event_type', message: 'is unknown' },
        { field: '(root)', message: 'batch too large' },
      ],
    ],
    ['an entry that is not an object', [{ index: 1, field: 'event_type', message: 'is unknown' }, null]],
    ['no errors at all', []],
  ])('with %s stops the replay: nothing set aside, nothing stored, the spool intact', async (_, errors) => {
    const messages = deadLetterMessages(4)
    await writeFile(path, jsonl(messages))
    const result = await replay({ fetch: answerFirst(400, problem(errors)) })
    expect(result).toEqual({
      files: 1,
      replayed: 0,
      duplicates: 0,
      rejected: 0,
      remaining: 4,
      error: `400 from ${BATCH_PATH}: invalid events`,
    })
    expect(await readdir(dir)).toEqual(['spool.jsonl'])

    // The next replay, answered normally, sends every event.
    expect(await replay()).toEqual(expect.objectContaining({ replayed: 4, rejected: 0, remaining: 0 }))
  })

  it('only a 400 names events: another refusal with indexes stops the replay', async () => {
    await writeFile(path, jsonl(deadLetterMessages(4)))
    const body = {
      title: 'conflict',
      status: 409,
      errors: [{ index: 1, field: 'event_id', message: 'taken' }],
    }
    const result = await replay({ fetch: answerFirst(409, body) })
    expect(result).toEqual(expect.objectContaining({ rejected: 0, remaining: 4 }))
    expect(result.error).toBe(`409 from ${BATCH_PATH}: conflict`)
  })
})

describe('logs', () => {
  it('logs each removed file at info, set-aside events at warn, each with the file concerned', async () => {
    await writeFile(`${path}.1`, jsonl([...deadLetterMessages(2), 'torn']))
    await writeFile(path, jsonl(deadLetterMessages(2, 2)))
    const { logger, calls } = recordingLogger()
    await replay({ logger })
    expect(calls).toEqual([
      {
        level: 'warn',
        fields: { rejected: 1, file: `${path}.rejected.jsonl` },
        msg: 'audit spool events rejected',
      },
      { level: 'info', fields: { file: `${path}.1` }, msg: 'audit spool file replayed and removed' },
    ])
  })

  it('logs at warn where and why a replay stopped', async () => {
    await writeFile(`${path}.1`, jsonl(deadLetterMessages(2)))
    await writeFile(path, jsonl(deadLetterMessages(12, 2)))
    server.failRequest(2, 503)
    const { logger, calls } = recordingLogger()
    const result = await replay({ logger })
    expect(result).toEqual(expect.objectContaining({ replayed: 2, remaining: 12 }))
    expect(calls).toEqual([
      { level: 'info', fields: { file: `${path}.1` }, msg: 'audit spool file replayed and removed' },
      {
        level: 'warn',
        fields: { file: path, error: `503 from ${BATCH_PATH}: injected failure (503)` },
        msg: 'audit spool replay stopped; the rest stays in the spool',
      },
    ])
  })
})
