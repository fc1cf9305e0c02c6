import type { DlqMessage, DlqReplaySummary, DlqStats } from './dlq-api.js'

/** `dlq stats` for a person: one field a line, as `datastorage dlq stats` prints it on the host. */
export function formatStats(stats: DlqStats): string {
  if (!stats.enabled) return 'the service has no dead-letter queue (it runs without REDIS_URL)\n'
  const length = stats.length ?? 0
  const capacity = stats.capacity ?? 0
  const ratio = stats.capacity_ratio ?? (capacity > 0 ? length / capacity : 0)
  const group = stats.group
  const consumers =
    group?.consumers.map((c) => `    ${c.name}: ${c.pending} pending, idle ${c.idle_ms} ms`) ?? []
  return [
    `stream            ${stats.stream ?? '-'}`,
    `length            ${length} of ${capacity} (${(ratio * 100).toFixed(2)}%)`,
    `oldest            ${stats.oldest_enqueued_at ?? '-'}`,
    `group             ${group ? `${group.name}: ${group.pending} pending` : '(not created yet)'}`,
    ...(consumers.length > 0 ? ['  consumers', ...consumers] : []),
    `dead-letter       ${stats.dead_letter ? `${stats.dead_letter.stream}: ${stats.dead_letter.length}` : '-'}`,
    '',
  ].join('\n')
}

/** The columns of `dlq inspect`'s table, with the widest each gets (longer cells end with `…`). */
const MESSAGE_COLUMNS = [
  ['ID', 20],
  ['EVENT ID', 36],
  ['TYPE', 36],
  ['FROM', 28],
  ['ATTEMPTS', 8],
  ['ENQUEUED', 24],
  ['REASON', 60],
] as const

/** The cells of one message; an undecodable one says why in its REASON cell. */
function messageCells(entry: DlqMessage): string[] {
  const m = entry.message
  if (!m) return [entry.id, '-', '-', '-', '-', '-', `(undecodable: ${entry.error ?? 'no details'})`]
  const event = m.event as { event_id?: unknown; event_type?: unknown }
  const parked = entry.extra?.['poisoned_at']
  return [
    entry.id,
    typeof event.event_id === 'string' ? event.event_id : '-',
    typeof event.event_type === 'string' ? event.event_type : '-',
    `${m.source}/${m.service}`,
    String(m.attempts),
    m.enqueued_at,
    parked === undefined ? m.reason : `${m.reason} (parked ${parked})`,
  ]
}

/** `dlq inspect` for a person: a table, oldest first, widths fitted to the cells. */
export function formatMessages(messages: readonly DlqMessage[]): string {
  const rows = messages.map((entry) => messageCells(entry).map(cellText))
  const widths = MESSAGE_COLUMNS.map(([name, max], i) =>
    Math.min(max, Math.max(name.length, ...rows.map((r) => r[i]!.length))),
  )
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const text = fit(cell, widths[i]!)
        return i === cells.length - 1 ? text : text.padEnd(widths[i]!)
      })
      .join('  ')
      .trimEnd()
  return [line(MESSAGE_COLUMNS.map(([name]) => name)), ...rows.map(line)].map((l) => `${l}\n`).join('')
}

/** `dlq replay`'s summary for a person. */
export function formatReplay(summary: DlqReplaySummary): string {
  const lines = [
    `replayed ${summary.done} of ${summary.total} messages from ${summary.stream} in ${summary.duration_ms} ms`,
    `  stored            ${summary.created} (${Math.max(0, summary.done - summary.created - summary.poisoned)} already stored)`,
    `  parked (poison)   ${summary.poisoned}`,
    `  left in stream    ${summary.remaining}`,
  ]
  for (const held of summary.left.held_elsewhere) {
    lines.push(`    ${held.count} held by ${held.consumer}, claimable in ${held.claimable_in_ms} ms`)
  }
  if (summary.left.retrying > 0) lines.push(`    ${summary.left.retrying} retrying`)
  if (summary.left.unread > 0) lines.push(`    ${summary.left.unread} unread`)
  if (summary.gave_up) lines.push(`  gave up after ${summary.max_wait_ms} ms without progress`)
  return `${lines.join('\n')}\n`
}

/** Control characters would break the table's lines: shown escaped. */
function cellText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces
  return value.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1))
}

function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`
}
