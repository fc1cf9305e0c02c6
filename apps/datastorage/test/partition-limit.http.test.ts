import type { Problem } from '@audit-trail/datastorage-client'
import { describe, expect, it } from 'vitest'
import { postJson, uniqueCorrelationId, validEvent } from './support/events.js'
import { usePgliteApp } from './support/store.js'

const BATCH = '/api/v1/audit/events/batch'

const pglite = usePgliteApp()

/** One event on the 15th of each of `months` consecutive months from 2005-01. */
function batchOverMonths(months: number) {
  const correlation_id = uniqueCorrelationId('months')
  return Array.from({ length: months }, (_, i) => {
    const year = 2005 + Math.floor(i / 12)
    const month = String((i % 12) + 1).padStart(2, '0')
    return validEvent({ correlation_id, event_timestamp: `${year}-${month}-15T12:00:00Z` })
  })
}

describe('a batch over more months without a partition than MAX_NEW_PARTITIONS', () => {
  it('is refused with 400 too-many-new-partitions naming the months, nothing stored; split, it goes in', async () => {
    const batch = batchOverMonths(13)
    const res = await pglite.app().app.request(BATCH, postJson(batch))
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const problem = (await res.json()) as Problem
    expect(problem).toMatchObject({
      type: 'https://audit-trail.dev/problems/too-many-new-partitions',
      status: 400,
      detail: expect.stringMatching(
        /13 months that have no partition yet \(2005-01, .*2006-01\).* at most 12/,
      ),
    })
    const correlation = batch[0]!.correlation_id
    const page = await pglite.app().app.request(`/api/v1/audit/events?correlation_id=${correlation}`)
    expect(((await page.json()) as { data: unknown[] }).data).toHaveLength(0)

    for (const part of [batch.slice(0, 12), batch.slice(12)]) {
      expect((await pglite.app().app.request(BATCH, postJson(part))).status).toBe(201)
    }
    const stored = await pglite.app().app.request(`/api/v1/audit/events?correlation_id=${correlation}`)
    expect(((await stored.json()) as { data: unknown[] }).data).toHaveLength(13)
  })
})
