import { describe, expect, it } from 'vitest'
import {
  eventCells,
  fitWidths,
  formatEventTable,
  formatHeader,
  formatLine,
  STREAM_WIDTHS,
} from '../src/events/table.js'
import type { AuditEvent } from '../src/wire.js'

function event(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    version: '1.0',
    event_id: '0190c3a4-0000-7000-8000-000000000001',
    event_type: 'gateway.signal.received',
    event_timestamp: '2026-12-01T10:00:00.123Z',
    event_category: 'gateway',
    event_action: 'received',
    event_outcome: 'success',
    correlation_id: 'c-1',
    event_data: {},
    event_date: '2026-12-01',
    retention_days: 2555,
    is_sensitive: false,
    stored_at: '2026-12-01T10:00:00.200Z',
    actor_id: 'svc-a',
    resource_type: 'deployment',
    resource_id: 'payments/api',
    ...overrides,
  }
}

describe('the events table', () => {
  it('has a header and one aligned line per event, columns as wide as their widest cell', () => {
    const table = formatEventTable([
      event(),
      event({
        event_type: 'workflowexecution.workflow.started',
        event_outcome: 'failure',
        correlation_id: 'c-22',
      }),
    ])
    expect(table).toBe(
      [
        'TIME                      TYPE                                OUTCOME  ACTOR  RESOURCE                 CORRELATION',
        '2026-12-01T10:00:00.123Z  gateway.signal.received             success  svc-a  deployment/payments/api  c-1',
        '2026-12-01T10:00:00.123Z  workflowexecution.workflow.started  failure  svc-a  deployment/payments/api  c-22',
        '',
      ].join('\n'),
    )
  })

  it('shows absent optional fields as -, and only the header for no events', () => {
    const cells = eventCells(event({ actor_id: undefined, resource_type: undefined, resource_id: undefined }))
    expect(cells).toMatchObject({ actor: '-', resource: '-' })
    expect(eventCells(event({ resource_type: undefined })).resource).toBe('-/payments/api')
    expect(formatEventTable([])).toBe('TIME  TYPE  OUTCOME  ACTOR  RESOURCE  CORRELATION\n')
  })

  it('cuts long cells with an ellipsis and escapes control characters, so each event stays one line', () => {
    const long = 'x'.repeat(100)
    const cells = eventCells(event({ actor_id: 'evil\nactor', correlation_id: long }))
    const widths = fitWidths([cells])
    expect(widths.correlation).toBe(40)
    const line = formatLine(cells, widths)
    expect(line).not.toContain('\n')
    expect(line).toContain('evil\\nactor')
    expect(line.endsWith(`${'x'.repeat(39)}…`)).toBe(true)
  })

  it('prints streamed rows at fixed widths, under the same header', () => {
    const header = formatHeader(STREAM_WIDTHS)
    const line = formatLine(eventCells(event()), STREAM_WIDTHS)
    expect(header.indexOf('TYPE')).toBe(line.indexOf('gateway'))
    expect(header.indexOf('CORRELATION')).toBe(line.indexOf('c-1'))
  })
})
