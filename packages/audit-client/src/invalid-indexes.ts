import type { ProblemDetails } from './errors.js'

/** One field of an event that the service refused, as its 400 names it (without the index). */
export interface InvalidField {
  readonly field: string
  readonly message: string
}

/**
 * The events a 400 names invalid (`errors[].index`, a position in the batch as sent), each with
 * the service's reasons in the order given; the one rule for narrowing a refused batch, used by
 * delivery and by the spool replay.
 *
 * All or nothing: `undefined` when the answer names no event, or when any entry's `index` is
 * missing, not an integer, or outside `0 … length - 1` (or the entry is not an object). Such an
 * answer does not describe the batch that was sent (another numbering, an error about the batch as
 * a whole), so the indexes it does give cannot be trusted either: narrowing by them could set a
 * valid event aside under another event's reasons and resend the invalid one. The caller then
 * treats the batch as a whole (delivery dead-letters it, the replay stops with the spool intact),
 * which loses nothing and blames no event wrongly.
 */
export function invalidIndexes(
  problem: ProblemDetails | undefined,
  length: number,
): Map<number, InvalidField[]> | undefined {
  const errors: unknown = problem?.errors
  if (!Array.isArray(errors) || errors.length === 0) return undefined
  const byIndex = new Map<number, InvalidField[]>()
  for (const entry of errors as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return undefined
    const { index, field, message } = entry as { index?: unknown; field?: unknown; message?: unknown }
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= length) {
      return undefined
    }
    const reasons = byIndex.get(index) ?? []
    // The contract says strings; an answer that breaks it still must not crash the caller.
    reasons.push({ field: String(field ?? ''), message: String(message ?? '') })
    byIndex.set(index, reasons)
  }
  return byIndex
}

/** The reasons of one event as one line, `field message; field message`, for logs and dead letters. */
export function describeInvalidFields(reasons: readonly InvalidField[]): string {
  return reasons.map((r) => `${r.field} ${r.message}`).join('; ')
}
