import { userInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { addMessages, clientMessage, makeEvent, useDlqTestContext } from '../dlq/support.js'
import { dlqCli } from './dlq-cli.js'

const dlq = useDlqTestContext({ postgres: true })

const cli = dlqCli(dlq, { logLevel: 'warn' })

/** The self-audit rows of `type` whose `resource_id` or filters name `stream`, oldest first. */
async function selfEvents(type: string, stream: string) {
  const rows = await dlq.pg.sql<
    Array<{ actor_id: string; recorded_by: string; event_data: Record<string, unknown>; resource_id: string }>
  >`select actor_id, recorded_by, event_data, resource_id from audit_events
    where event_type = ${type} and (resource_id = ${stream} or event_data -> 'filters' ->> 'stream' = ${stream})
    order by stored_at`
  return rows
}

const operator = (() => {
  try {
    return userInfo().username
  } catch {
    return process.env['USER'] ?? 'unknown'
  }
})()

describe('datastorage dlq: the self-audit of the CLI', () => {
  it('replay records datastorage.dlq.replayed with the operator and the counts', async () => {
    const { redis, streams } = dlq
    const events = [makeEvent(), makeEvent(), makeEvent()]
    await addMessages(
      redis,
      streams.stream,
      events.map((e) => clientMessage(e)),
    )
    const { code } = await cli(['replay', '--max-wait', '0'])
    expect(code).toBe(0)
    const rows = await selfEvents('datastorage.dlq.replayed', streams.stream)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      actor_id: operator,
      recorded_by: 'datastorage:self-audit',
      event_data: {
        trigger: 'cli',
        operator,
        stream: streams.stream,
        done: 3,
        created: 3,
        poisoned: 0,
        waiting: 0,
      },
    })
  })

  it('inspect records a read of the DLQ by cli:<user>, and says when it cannot', async () => {
    const { redis, streams } = dlq
    await addMessages(redis, streams.stream, [clientMessage(makeEvent()), clientMessage(makeEvent())])
    const { code } = await cli(['inspect', '--count', '5'])
    expect(code).toBe(0)
    const rows = await selfEvents('datastorage.audit.read', streams.stream)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      actor_id: `cli:${operator}`,
      recorded_by: 'datastorage:self-audit',
      event_data: {
        principal: `cli:${operator}`,
        operation: 'dlq_messages',
        filters: { stream: streams.stream, count: '5' },
        rows: 2,
        status: 0,
      },
    })

    const unrecorded = await cli(['inspect'], { DATABASE_URL: undefined })
    expect(unrecorded.code).toBe(0)
    expect(unrecorded.stderr).toContain(
      'DATABASE_URL is not set: this read is not recorded in the self-audit',
    )
    expect(await selfEvents('datastorage.audit.read', streams.stream)).toHaveLength(1)
  })

  it('records nothing with SELF_AUDIT=false', async () => {
    const { streams } = dlq
    const { code, stderr } = await cli(['inspect'], { SELF_AUDIT: 'false' })
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(await selfEvents('datastorage.audit.read', streams.stream)).toHaveLength(0)
  })
})
