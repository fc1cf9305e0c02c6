import type { CliContext } from '../context.js'
import { ServiceError } from '../errors.js'
import { compactJson } from '../source/json-text.js'
import type { ReceivedEvent } from '../source/log-source.js'
import type { AuditEvent } from '../wire.js'
import { type Column, eventCells, formatEventTable, formatHeader, formatLine } from './table.js'

/** How events are printed: a table for a person, or one JSON object a line for a script. */
export type EventFormat = 'table' | 'json'

/** A table when stdout is a terminal and `--json` was not given; JSON lines otherwise. */
export function eventFormat(context: CliContext, json: boolean | undefined): EventFormat {
  return json || context.io.stdout.isTTY !== true ? 'json' : 'table'
}

/** The event as a JSON line: its text as the service sent it, only the whitespace dropped. */
export function eventLine(event: ReceivedEvent): string {
  return `${compactJson(event.text)}\n`
}

/**
 * The event's fields the table shows, checked: the service's answer is not trusted to match the
 * contract, and a missing field must be a clear error rather than `undefined` in a cell.
 */
export function asAuditEvent(event: ReceivedEvent): AuditEvent {
  const value = event.value as Partial<Record<string, unknown>> | null
  const required = ['event_id', 'event_timestamp', 'event_type', 'event_outcome', 'correlation_id'] as const
  if (typeof value !== 'object' || value === null || required.some((k) => typeof value[k] !== 'string')) {
    throw new ServiceError(`the service sent an event without ${required.join(', ')}`)
  }
  return value as unknown as AuditEvent
}

/** Prints `events` in the order given, as one table (widths fitted) or JSON lines. */
export function printEvents(
  context: CliContext,
  format: EventFormat,
  events: readonly ReceivedEvent[],
): void {
  if (format === 'json') {
    for (const event of events) context.io.stdout.write(eventLine(event))
    return
  }
  context.io.stdout.write(formatEventTable(events.map(asAuditEvent)))
}

/** Prints events as they come (`events tail`): table lines of fixed widths, the header once. */
export class EventStreamPrinter {
  readonly #context: CliContext
  readonly #format: EventFormat
  readonly #widths: Readonly<Record<Column, number>>
  #headerPrinted = false

  constructor(context: CliContext, format: EventFormat, widths: Readonly<Record<Column, number>>) {
    this.#context = context
    this.#format = format
    this.#widths = widths
  }

  print(events: readonly ReceivedEvent[]): void {
    const out = this.#context.io.stdout
    for (const event of events) {
      if (this.#format === 'json') {
        out.write(eventLine(event))
        continue
      }
      if (!this.#headerPrinted) {
        out.write(`${formatHeader(this.#widths)}\n`)
        this.#headerPrinted = true
      }
      out.write(`${formatLine(eventCells(asAuditEvent(event)), this.#widths)}\n`)
    }
  }
}
