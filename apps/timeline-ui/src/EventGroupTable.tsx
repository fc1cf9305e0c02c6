import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table'
import { format } from 'date-fns'
import { createContext, Fragment, type KeyboardEvent, useContext, useEffect, useMemo, useRef } from 'react'
import { IntegrityBadge } from './IntegrityBadge.js'
import { type AuditEvent, childrenOf, type EventGroup, traceUrl } from './lib/events.js'
import type { IntegrityVerifier } from './lib/verifier.js'

const features = tableFeatures({})
const helper = createColumnHelper<typeof features, AuditEvent>()

/** The expanded rows, read by the badge cells (an expanded row is checked even when off screen). */
const ExpandedRows = createContext<ReadonlySet<string>>(new Set())

function BadgeCell({ event, verifier }: { event: AuditEvent; verifier: IntegrityVerifier }) {
  const expanded = useContext(ExpandedRows)
  return <IntegrityBadge event={event} verifier={verifier} forced={expanded.has(event.event_id)} />
}

const OUTCOME_MARK: Record<AuditEvent['event_outcome'], string> = {
  success: '✓',
  failure: '✗',
  pending: '…',
}

interface GroupProps {
  group: EventGroup
  expanded: ReadonlySet<string>
  focusId: string | undefined
  onToggle: (eventId: string) => void
  onShow: (eventId: string) => void
  verifier: IntegrityVerifier
  traceTemplate: string | undefined
}

/**
 * One correlation id's events, oldest first, as a table: each row coloured and labelled by its
 * outcome, expandable (click, Enter or Space) to its whole event_data, its parent link and the
 * children of the event in this group.
 */
export function EventGroupTable({
  group,
  expanded,
  focusId,
  onToggle,
  onShow,
  verifier,
  traceTemplate,
}: GroupProps) {
  const children = useMemo(() => childrenOf(group.events), [group.events])
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('event_timestamp', {
          header: 'Time (local)',
          cell: (info) => (
            <time dateTime={info.getValue()}>
              {format(new Date(info.getValue()), 'yyyy-MM-dd HH:mm:ss.SSS')}
            </time>
          ),
        }),
        helper.accessor('event_type', {
          header: 'Event type',
          cell: (info) => <code>{info.getValue()}</code>,
        }),
        helper.accessor('event_outcome', {
          header: 'Outcome',
          cell: (info) => (
            <span className={`outcome outcome-${info.getValue()}`}>
              <span aria-hidden="true">{OUTCOME_MARK[info.getValue()]} </span>
              {info.getValue()}
            </span>
          ),
        }),
        helper.accessor((e) => `${e.actor_type ?? ''} ${e.actor_id ?? ''}`.trim(), {
          id: 'actor',
          header: 'Actor',
        }),
        helper.accessor((e) => [e.resource_type, e.resource_id].filter(Boolean).join('/'), {
          id: 'resource',
          header: 'Resource',
        }),
        helper.display({
          id: 'links',
          header: 'Links',
          cell: ({ row }) => {
            const e = row.original
            const trace = traceUrl(traceTemplate, e.trace_id)
            return (
              <span className="links">
                {e.parent_event_id && (
                  <button
                    type="button"
                    className="link"
                    onClick={(ev) => {
                      ev.stopPropagation()
                      onShow(e.parent_event_id!)
                    }}
                  >
                    parent
                  </button>
                )}
                {trace && (
                  <a
                    href={trace}
                    target="_blank"
                    rel="noreferrer noopener"
                    onClick={(ev) => ev.stopPropagation()}
                  >
                    trace
                  </a>
                )}
              </span>
            )
          },
        }),
        helper.display({
          id: 'integrity',
          header: 'Integrity',
          cell: ({ row }) => <BadgeCell event={row.original} verifier={verifier} />,
        }),
      ]),
    [traceTemplate, onShow, verifier],
  )
  const table = useTable({ features, columns, data: group.events })

  const focusRow = useRef<HTMLTableRowElement>(null)
  useEffect(() => {
    if (focusId && focusRow.current) {
      focusRow.current.scrollIntoView({ block: 'center' })
      focusRow.current.focus()
    }
  }, [focusId])

  const keyToggle = (e: KeyboardEvent, eventId: string) => {
    if (e.target !== e.currentTarget) return
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onToggle(eventId)
    }
  }

  return (
    <ExpandedRows.Provider value={expanded}>
      <section className="group" aria-label={`Correlation ${group.correlationId}`}>
        <h2>
          <span className="muted">correlation</span> {group.correlationId}{' '}
          <span className="muted">
            ({group.events.length} event{group.events.length === 1 ? '' : 's'})
          </span>
        </h2>
        <table>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => (
                  <th key={h.id} scope="col">
                    {h.isPlaceholder ? null : <table.FlexRender header={h} />}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => {
              const e = row.original
              const open = expanded.has(e.event_id)
              const kids = children.get(e.event_id) ?? []
              return (
                <Fragment key={e.event_id}>
                  <tr
                    ref={focusId === e.event_id ? focusRow : undefined}
                    className={`event outcome-row-${e.event_outcome}${focusId === e.event_id ? ' focused' : ''}`}
                    data-event-id={e.event_id}
                    tabIndex={0}
                    aria-expanded={open}
                    aria-controls={`detail-${e.event_id}`}
                    onClick={() => onToggle(e.event_id)}
                    onKeyDown={(k) => keyToggle(k, e.event_id)}
                  >
                    {row.getAllCells().map((cell) => (
                      <td key={cell.id}>
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                  {open && (
                    <tr className="detail" id={`detail-${e.event_id}`}>
                      <td colSpan={row.getAllCells().length}>
                        <dl>
                          <dt>event_id</dt>
                          <dd>
                            <code>{e.event_id}</code>
                          </dd>
                          {e.parent_event_id && (
                            <>
                              <dt>parent</dt>
                              <dd>
                                <button
                                  type="button"
                                  className="link"
                                  onClick={() => onShow(e.parent_event_id!)}
                                >
                                  {e.parent_event_id}
                                </button>
                              </dd>
                            </>
                          )}
                          {kids.length > 0 && (
                            <>
                              <dt>children</dt>
                              <dd>
                                <ul className="children">
                                  {kids.map((k) => (
                                    <li key={k.event_id}>
                                      <button
                                        type="button"
                                        className="link"
                                        onClick={() => onShow(k.event_id)}
                                      >
                                        {k.event_type} · {k.event_id}
                                      </button>
                                    </li>
                                  ))}
                                </ul>
                              </dd>
                            </>
                          )}
                          {e.trace_id && (
                            <>
                              <dt>trace_id</dt>
                              <dd>
                                <code>{e.trace_id}</code>
                              </dd>
                            </>
                          )}
                          {e.recorded_by && (
                            <>
                              <dt>recorded_by</dt>
                              <dd>{e.recorded_by}</dd>
                            </>
                          )}
                        </dl>
                        <h3>event_data</h3>
                        <pre className="event-data">{JSON.stringify(e.event_data, null, 2)}</pre>
                      </td>
                    </tr>
                  )}
                </Fragment>
              )
            })}
          </tbody>
        </table>
      </section>
    </ExpandedRows.Provider>
  )
}
