import { StoreUnavailableError } from '../errors.js'

/**
 * How the replay worker treats a failed insert:
 * - `unavailable`: PostgreSQL cannot be reached; nothing is wrong with the messages, the whole
 *   worker backs off and no attempt is counted;
 * - `data`: PostgreSQL refused the row itself (SQLSTATE class 22 data exception or 23 integrity
 *   violation); retrying will not help, so attempts are counted and the message becomes poison;
 * - `retry`: anything else (a missing or broken partition, a lock, a deadlock, an unknown error);
 *   the message is retried with backoff and never parked, since parking would move good audit
 *   records out of the replay path because of a fault in the database.
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

/** The SQLSTATE in an error or its `cause` chain, if any. */
export function sqlStateOf(error: unknown): string | undefined {
  return databaseErrorOf(error)?.code
}

/** Classifies an error of `AuditEventStore.insert` (see {@link StoreFailureKind}). */
export function classifyStoreError(error: unknown): StoreFailureKind {
  if (error instanceof StoreUnavailableError) return 'unavailable'
  const found = databaseErrorOf(error)
  if (!found) return 'retry'
  // "no partition of relation … found for row" is a check_violation, but the row is fine: its
  // month's partition is missing or broken, which an operator (or the next creation) fixes.
  if (found.code === '23514' && /no partition of relation/.test(found.message)) return 'retry'
  if (found.code.startsWith('22') || found.code.startsWith('23')) return 'data'
  return 'retry'
}

/** A short, single-line description of an error for a message's `reason`. */
export function describeError(error: unknown): string {
  const state = sqlStateOf(error)
  const message = error instanceof Error ? error.message : String(error)
  const text = state ? `${message} (SQLSTATE ${state})` : message
  return text.replace(/\s+/g, ' ').slice(0, 500)
}
