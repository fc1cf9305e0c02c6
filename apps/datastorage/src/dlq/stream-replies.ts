/** One stream entry as Redis returns it; `fields` is null for an entry deleted while it was pending. */
export interface StreamEntry {
  id: string
  fields: string[] | null
}

/** The result of one `XAUTOCLAIM`. */
export interface AutoClaimReply {
  /** Cursor for the next call; `0-0` once the whole pending list was scanned. */
  next: string
  entries: StreamEntry[]
  /** Ids that were pending but no longer exist in the stream (Redis ≥ 7 removes them from the PEL). */
  deleted: string[]
}

function entriesOf(items: unknown): StreamEntry[] {
  if (!Array.isArray(items)) return []
  const entries: StreamEntry[] = []
  for (const item of items) {
    if (!Array.isArray(item) || typeof item[0] !== 'string') continue
    const fields = item[1]
    entries.push({ id: item[0], fields: Array.isArray(fields) ? fields.map(String) : null })
  }
  return entries
}

/**
 * Entries of an `XREADGROUP`/`XREAD` reply for one stream: `[[stream, [[id, fields], …]]]`, or
 * null when `BLOCK` timed out.
 */
export function entriesOfRead(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply)) return []
  return reply.flatMap((streamReply) => (Array.isArray(streamReply) ? entriesOf(streamReply[1]) : []))
}

/** Parses an `XAUTOCLAIM` reply: `[next, [[id, fields], …], [deletedId, …]]` (the third part since Redis 7). */
export function parseAutoClaim(reply: unknown): AutoClaimReply {
  const [next, items, deleted] = Array.isArray(reply) ? reply : []
  return {
    next: typeof next === 'string' ? next : '0-0',
    entries: entriesOf(items),
    deleted: Array.isArray(deleted) ? deleted.map(String) : [],
  }
}

/** Field/value pairs as a Map (the first occurrence of a field wins, as in the decoder). */
export function fieldMap(fields: readonly string[]): Map<string, string> {
  const map = new Map<string, string>()
  for (let i = 0; i + 1 < fields.length; i += 2) if (!map.has(fields[i]!)) map.set(fields[i]!, fields[i + 1]!)
  return map
}
