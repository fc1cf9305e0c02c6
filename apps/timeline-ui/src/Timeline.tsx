import { useQueryStates } from 'nuqs'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { EventChart } from './EventChart.js'
import { EventGroupTable } from './EventGroupTable.js'
import { FilterForm } from './FilterForm.js'
import { type ApiClient, ApiError, unwrap } from './lib/api.js'
import {
  type AuditEvent,
  attachmentFilename,
  groupByCorrelation,
  mergeEvents,
  tailSince,
} from './lib/events.js'
import { type EventQuery, type Filter, filterParsers, timeBoundMs, toEventQuery } from './lib/filters.js'
import type { Session } from './lib/session.js'
import { IntegrityVerifier } from './lib/verifier.js'

/** Events of the first load; older ones come with "Load older". */
const PAGE = 200
/** Live tail: how often the query is asked again, and how late an event may be stored and still appear. */
const TAIL_INTERVAL_MS = 3000
const TAIL_LAG_MS = 10_000

interface TimelineProps {
  client: ApiClient
  session: Session
  traceTemplate: string | undefined
  onSignOut: () => void
}

/** The search form, the chart, the live tail, the exports and the grouped timeline. */
export function Timeline({ client, session, traceTemplate, onSignOut }: TimelineProps) {
  const [filter, setFilter] = useQueryStates(filterParsers)
  const parsed = useMemo(() => toEventQuery(filter as Filter), [filter])
  const query: EventQuery | undefined = 'query' in parsed ? parsed.query : undefined
  const queryKey = JSON.stringify(query ?? null)

  const [events, setEvents] = useState<AuditEvent[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [status, setStatus] = useState<'idle' | 'loading' | 'done'>('idle')
  const [error, setError] = useState<string>()
  const [live, setLive] = useState(false)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const [focusId, setFocusId] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const verifier = useMemo(
    () => new IntegrityVerifier(client, session.publicKey),
    [client, session.publicKey],
  )
  const eventsRef = useRef(events)
  eventsRef.current = events

  const fail = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) onSignOut()
      setError(err instanceof Error ? err.message : String(err))
    },
    [onSignOut],
  )

  // A new filter: load its newest events.
  useEffect(() => {
    if (!query) return
    let stale = false
    setStatus('loading')
    setError(undefined)
    client
      .GET('/api/v1/audit/events', { params: { query: { ...query, limit: PAGE } } })
      .then((r) => {
        if (stale) return
        const page = unwrap(r, 'GET /events')
        setEvents(page.data)
        setCursor(page.pagination.next_cursor)
        setStatus('done')
      })
      .catch((err) => {
        if (!stale) {
          setStatus('done')
          fail(err)
        }
      })
    return () => {
      stale = true
    }
    // Dependencies: the query's JSON is its identity.
  }, [client, queryKey, fail])

  // Live tail, as `audit-trail events tail -f`: poll from the newest event seen less the lag, every page.
  useEffect(() => {
    if (!live || !query) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const sinceMs = query.since === undefined ? undefined : timeBoundMs(query.since, Date.now())
    const poll = async () => {
      try {
        const floor = tailSince(eventsRef.current, TAIL_LAG_MS, sinceMs)
        const base = { ...query, ...(floor === undefined ? {} : { since: new Date(floor).toISOString() }) }
        let next: string | undefined
        const fresh: AuditEvent[] = []
        do {
          const r = await client.GET('/api/v1/audit/events', {
            params: { query: { ...base, limit: 1000, ...(next ? { cursor: next } : {}) } },
          })
          const page = unwrap(r, 'GET /events (live tail)')
          fresh.push(...page.data)
          next = page.pagination.next_cursor ?? undefined
        } while (next && !stopped)
        if (!stopped) setEvents((current) => mergeEvents(current, fresh))
      } catch (err) {
        if (!stopped) fail(err)
      }
      if (!stopped) timer = setTimeout(poll, TAIL_INTERVAL_MS)
    }
    timer = setTimeout(poll, TAIL_INTERVAL_MS)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
    // Dependencies: the query's JSON is its identity.
  }, [live, client, queryKey, fail])

  async function loadOlder() {
    if (!query || !cursor) return
    try {
      const r = await client.GET('/api/v1/audit/events', {
        params: { query: { ...query, limit: PAGE, cursor } },
      })
      const page = unwrap(r, 'GET /events')
      setEvents((current) => mergeEvents(current, page.data))
      setCursor(page.pagination.next_cursor)
    } catch (err) {
      fail(err)
    }
  }

  /** Shows an event (expanded, scrolled to), loading it by id when it is not in the list. */
  const showEvent = useCallback(
    async (eventId: string) => {
      setNotice(undefined)
      if (!eventsRef.current.some((e) => e.event_id === eventId)) {
        try {
          const r = await client.GET('/api/v1/audit/events/{event_id}', {
            params: { path: { event_id: eventId } },
          })
          const parent = unwrap(r, `GET /events/${eventId}`)
          setEvents((current) => mergeEvents(current, [parent]))
          setNotice(`Loaded ${eventId} (outside the current filter).`)
        } catch (err) {
          fail(err)
          return
        }
      }
      setExpanded((s) => new Set(s).add(eventId))
      setFocusId(eventId)
    },
    [client, fail],
  )

  const toggle = useCallback((eventId: string) => {
    setExpanded((s) => {
      const next = new Set(s)
      if (!next.delete(eventId)) next.add(eventId)
      return next
    })
  }, [])

  async function exportAs(format: 'ndjson' | 'csv') {
    if (!query) return
    try {
      const r = await client.GET('/api/v1/audit/events/export', {
        params: { query: { ...query, format } },
        parseAs: 'blob',
      })
      const blob = unwrap(r, 'GET /events/export')
      const name = attachmentFilename(r.response.headers.get('Content-Disposition'), `audit-events.${format}`)
      const url = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = url
      a.download = name
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch (err) {
      fail(err)
    }
  }

  const groups = useMemo(() => groupByCorrelation(events), [events])

  return (
    <main className="timeline">
      <header className="bar">
        <h1>audit-trail timeline</h1>
        <div className="actions">
          <label className="toggle">
            <input
              type="checkbox"
              checked={live}
              onChange={(e) => setLive(e.target.checked)}
              disabled={!query}
            />
            Live tail
          </label>
          <button type="button" onClick={() => exportAs('ndjson')} disabled={!query}>
            Export NDJSON
          </button>
          <button type="button" onClick={() => exportAs('csv')} disabled={!query}>
            Export CSV
          </button>
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <FilterForm
        filter={filter as Filter}
        errors={'errors' in parsed ? parsed.errors : []}
        onApply={setFilter}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {query && <EventChart client={client} query={query} refreshKey={live ? events.length : 0} />}
      <section aria-label="Events" aria-busy={status === 'loading'}>
        <p className="count" role="status">
          {status === 'loading'
            ? 'Loading…'
            : `${events.length} event${events.length === 1 ? '' : 's'} in ${groups.length} correlation${groups.length === 1 ? '' : 's'}${live ? ' · live' : ''}`}
        </p>
        {groups.map((group) => (
          <EventGroupTable
            key={group.correlationId}
            group={group}
            expanded={expanded}
            focusId={focusId}
            onToggle={toggle}
            onShow={showEvent}
            verifier={verifier}
            traceTemplate={traceTemplate}
          />
        ))}
        {cursor && (
          <button type="button" onClick={loadOlder}>
            Load older
          </button>
        )}
      </section>
    </main>
  )
}
