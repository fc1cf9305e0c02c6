import { StoreUnavailableError } from '../errors.js'

/**
 * What a failed `AuditEventStore.insert` means for the events, for everyone who has to decide what
 * to do with them (the write path, the DLQ replay):
 * - `unavailable`: PostgreSQL cannot be reached; nothing is wrong with the events, so they are
 *   queued (write path) or the whole replay backs off without counting an attempt;
 * - `data`: PostgreSQL refused the row itself (SQLSTATE class 22 data exception or 23 integrity
 *   violation); retrying will not help, so the write is refused and a replayed message counts
 *   attempts until it becomes poison;
 * - `retry`: anything else (a missing or broken partition, a lock, a deadlock, an unknown error);
 *   the fault is in the database, not in the record, so the events are queued and retried, never
 *   parked.
 */
export type StoreFailureKind = 'unavailable' | 'data' | 'retry'

/** The first error in the `cause` chain that carries a SQLSTATE, with its code and message. */
function databaseErrorOf(error: unknown): { code: string; message: string } | undefined {
  const seen = new Set<unknown>()
  let current = error
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current)
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, message: String((current as { message?: unknown }).message ?? '') }
    }
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/** The SQLSTATE in an error or its `cause` chain (Drizzle wraps the driver's error), if any. */
export function sqlStateOf(error: unknown): string | undefined {
  return databaseErrorOf(error)?.code
}

/**
 * PostgreSQL's "no partition of relation … found for row": a check_violation (23514), but not of a
 * CHECK constraint. The row is fine; its month's partition is missing or broken, which the store
 * repairs by creating it, or an operator does.
 */
export function isMissingPartition(error: unknown): boolean {
  const found = databaseErrorOf(error)
  return found?.code === '23514' && /no partition of relation/.test(found.message)
}

/** Classifies an error of `AuditEventStore.insert` (see {@link StoreFailureKind}). */
export function classifyStoreError(error: unknown): StoreFailureKind {
  if (error instanceof StoreUnavailableError) return 'unavailable'
  const found = databaseErrorOf(error)
  if (!found) return 'retry'
  if (isMissingPartition(error)) return 'retry'
  if (found.code.startsWith('22') || found.code.startsWith('23')) return 'data'
  return 'retry'
}

/** A short, single-line description of an error for a dead-letter message's `reason`. */
export function describeError(error: unknown): string {
  const state = sqlStateOf(error)
  const message = error instanceof Error ? error.message : String(error)
  const text = state ? `${message} (SQLSTATE ${state})` : message
  return text.replace(/\s+/g, ' ').slice(0, 500)
}
