import type { AuditEventQuery, EventOutcome } from '@audit-trail/datastorage-client'
import { type Command, InvalidArgumentError, Option } from 'commander'
import { UsageError } from '../errors.js'
import { parseTimeBound } from '../verify/selection.js'

/** The options {@link addFilterOptions} adds, as commander names them. */
export interface FilterOptions {
  correlationId?: string | undefined
  eventType?: string | undefined
  category?: string | undefined
  outcome?: EventOutcome | undefined
  severity?: string | undefined
  actorId?: string | undefined
  resourceType?: string | undefined
  resourceId?: string | undefined
  namespace?: string | undefined
  recordedBy?: string | undefined
  traceId?: string | undefined
  since?: string | undefined
  until?: string | undefined
}

// The contract's EventOutcome, listed for commander's choices; `satisfies` keeps it in step.
const OUTCOMES = ['success', 'failure', 'pending'] as const satisfies readonly EventOutcome[]

/** The query API's filters as options: one per query parameter, named after it. */
export function addFilterOptions(command: Command, options: { until?: boolean } = {}): Command {
  command
    .option('--correlation-id <id>', 'only events of this correlation id')
    .option('--event-type <type>', 'only events of this type, e.g. gateway.signal.received')
    .option('--category <category>', 'only events of this event_category, e.g. workflow')
    .addOption(new Option('--outcome <outcome>', 'only events with this outcome').choices(OUTCOMES))
    .option('--severity <severity>', 'only events of this severity, e.g. warning')
    .option('--actor-id <id>', 'only events of this actor')
    .option('--resource-type <type>', 'only events on resources of this type')
    .option('--resource-id <id>', 'only events on this resource')
    .option('--namespace <namespace>', 'only events of this namespace')
    .option('--recorded-by <name>', 'only events stored by this credential (token name)')
    .option('--trace-id <id>', 'only events of this W3C trace id (32 hex digits)')
    .option('--since <time>', 'only events at or after this time (RFC 3339, or 15m, 24h, 7d ago)')
  if (options.until !== false) {
    command.option('--until <time>', 'only events before this time (RFC 3339, or a duration ago)')
  }
  return command
}

/**
 * The filters as query parameters. Time bounds are checked here, so a typo is a usage error (exit
 * 2) with the option's name rather than the service's 400, and sent as typed: the service resolves
 * relative ones against its own clock.
 */
export function filterQuery(options: FilterOptions, nowMs: number): AuditEventQuery {
  const query: AuditEventQuery = {}
  const text = (value: string | undefined, option: string): string | undefined => {
    if (value !== undefined && value.length === 0) throw new UsageError(`${option} must not be empty`)
    return value
  }
  const set = <K extends keyof AuditEventQuery>(key: K, value: AuditEventQuery[K] | undefined) => {
    if (value !== undefined) query[key] = value
  }
  set('correlation_id', text(options.correlationId, '--correlation-id'))
  set('event_type', text(options.eventType, '--event-type'))
  set('event_category', text(options.category, '--category') as AuditEventQuery['event_category'])
  set('event_outcome', options.outcome)
  set('severity', text(options.severity, '--severity'))
  set('actor_id', text(options.actorId, '--actor-id'))
  set('resource_type', text(options.resourceType, '--resource-type'))
  set('resource_id', text(options.resourceId, '--resource-id'))
  set('namespace', text(options.namespace, '--namespace'))
  set('recorded_by', text(options.recordedBy, '--recorded-by'))
  set('trace_id', traceId(options.traceId))
  const sinceMs = options.since === undefined ? undefined : parseTimeBound(options.since, '--since', nowMs)
  const untilMs = options.until === undefined ? undefined : parseTimeBound(options.until, '--until', nowMs)
  if (sinceMs !== undefined && untilMs !== undefined && sinceMs >= untilMs) {
    throw new UsageError('--since must be earlier than --until')
  }
  set('since', options.since)
  set('until', options.until)
  return query
}

/**
 * A W3C trace id as the contract's `trace_id` takes it: 32 hex digits, lowercase (upper case, as
 * some tools print it, is lowered); all zeros is not a trace id (W3C Trace Context).
 */
function traceId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const id = value.toLowerCase()
  if (!/^[0-9a-f]{32}$/.test(id) || /^0+$/.test(id)) {
    throw new UsageError(`--trace-id must be a W3C trace id (32 hex digits, not all zero), got ${value}`)
  }
  return id
}

/** A commander parser for a whole number in `[min, max]`. */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`)
    }
    return n
  }
}
