import type { components } from '@audit-trail/datastorage-client'

/** An event as the API returns it. */
export type AuditEvent = components['schemas']['AuditEvent']

/** The events of one correlation id, oldest first, with their parent/child links. */
export interface EventGroup {
  correlationId: string
  events: AuditEvent[]
  /** The newest event's time: groups are listed newest first. */
  newest: string
}

const byTime = (a: AuditEvent, b: AuditEvent) =>
  a.event_timestamp.localeCompare(b.event_timestamp) || a.event_id.localeCompare(b.event_id)

/**
 * Merges `incoming` into `current` by event_id (an id already held keeps its first copy: stored
 * events never change), newest first as the API orders them. What the live tail and the parent
 * links use to add events without reloading the list.
 */
export function mergeEvents(current: readonly AuditEvent[], incoming: readonly AuditEvent[]): AuditEvent[] {
  const seen = new Set(current.map((e) => e.event_id))
  const added = incoming.filter((e) => {
    if (seen.has(e.event_id)) return false
    seen.add(e.event_id)
    return true
  })
  if (added.length === 0) return current as AuditEvent[]
  return [...current, ...added].sort((a, b) => byTime(b, a))
}

/** The events grouped by correlation id: groups newest first, each group's events oldest first. */
export function groupByCorrelation(events: readonly AuditEvent[]): EventGroup[] {
  const groups = new Map<string, AuditEvent[]>()
  for (const e of events) {
    const list = groups.get(e.correlation_id)
    if (list) list.push(e)
    else groups.set(e.correlation_id, [e])
  }
  return [...groups]
    .map(([correlationId, list]) => {
      const sorted = [...list].sort(byTime)
      return { correlationId, events: sorted, newest: sorted[sorted.length - 1]!.event_timestamp }
    })
    .sort((a, b) => b.newest.localeCompare(a.newest) || a.correlationId.localeCompare(b.correlationId))
}

/** The children of each event among `events` (by `parent_event_id`), in time order. */
export function childrenOf(events: readonly AuditEvent[]): Map<string, AuditEvent[]> {
  const out = new Map<string, AuditEvent[]>()
  for (const e of [...events].sort(byTime)) {
    if (!e.parent_event_id) continue
    const list = out.get(e.parent_event_id)
    if (list) list.push(e)
    else out.set(e.parent_event_id, [e])
  }
  return out
}

/**
 * The floor of a live-tail poll, as `audit-trail events tail` computes it: the newest event seen
 * less the lag an event may be stored late by, never before the filter's own `since`.
 */
export function tailSince(
  events: readonly AuditEvent[],
  lagMs: number,
  sinceMs: number | undefined,
): number | undefined {
  let newest: number | undefined
  for (const e of events) {
    const ms = Date.parse(e.event_timestamp)
    if (Number.isFinite(ms) && (newest === undefined || ms > newest)) newest = ms
  }
  if (newest === undefined) return sinceMs
  return Math.max(sinceMs ?? Number.NEGATIVE_INFINITY, newest - lagMs)
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header, else `fallback`. */
export function attachmentFilename(header: string | null, fallback: string): string {
  if (!header) return fallback
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  if (star) {
    try {
      return sanitizeFilename(decodeURIComponent(star[1]!.trim()), fallback)
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header)
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]
  return name ? sanitizeFilename(name, fallback) : fallback
}

function sanitizeFilename(name: string, fallback: string): string {
  const base = name.split(/[/\\]/).pop()?.trim() ?? ''
  return base === '' || base === '.' || base === '..' ? fallback : base
}

/** The trace link of an event: the template with `{trace_id}` replaced, or undefined. */
export function traceUrl(template: string | undefined, traceId: string | undefined): string | undefined {
  if (!template || !traceId) return undefined
  return template.replaceAll('{trace_id}', encodeURIComponent(traceId))
}
