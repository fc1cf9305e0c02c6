import type { AuditEventPage } from '@audit-trail/datastorage-client'
import { describe, expect, it } from 'vitest'
import { postJson, uniqueCorrelationId, validEvent } from './support/events.js'
import { usePgliteApp } from './support/store.js'

const pglite = usePgliteApp()

describe('since and until with microseconds', () => {
  it('compare at the microsecond, as event_timestamp is stored (not cut to milliseconds)', async () => {
    const correlation_id = uniqueCorrelationId('micros')
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    const at = (micros: string) => `${day}T10:00:00.000${micros}Z`
    const events = ['100', '300'].map((m) => validEvent({ correlation_id, event_timestamp: at(m) }))
    expect((await pglite.app().app.request('/api/v1/audit/events/batch', postJson(events))).status).toBe(201)
    const timestamps = async (params: Record<string, string>) => {
      const res = await pglite
        .app()
        .app.request(`/api/v1/audit/events?${new URLSearchParams({ correlation_id, ...params })}`)
      expect(res.status).toBe(200)
      return ((await res.json()) as AuditEventPage).data.map((e) => e.event_timestamp)
    }
    expect(await timestamps({ since: at('200') })).toEqual([at('300')])
    expect(await timestamps({ since: at('300') })).toEqual([at('300')])
    expect(await timestamps({ until: at('300') })).toEqual([at('100')])
    expect(await timestamps({ since: at('100'), until: at('101') })).toEqual([at('100')])
    // The same instant written with an offset.
    expect(await timestamps({ since: `${day}T11:00:00.000200+01:00` })).toEqual([at('300')])
  })
})
