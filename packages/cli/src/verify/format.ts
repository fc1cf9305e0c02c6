import type { VerifyReport } from './report.js'

/** The report as people read it: a verdict, the checkpoint, then one line per finding. */
export function formatReport(report: VerifyReport): string {
  const lines: string[] = []
  const c = report.checkpoint
  lines.push(report.valid ? 'VALID' : `INVALID: ${report.failures.length} failure(s)`)
  lines.push(`source:      ${report.source}`)
  lines.push(
    `checkpoint:  ${c.origin} tree_size ${c.tree_size} root ${c.root_hash} at ${c.timestamp} (key ${c.key_id}, signature ${c.signature_valid ? 'valid' : 'INVALID'})`,
  )
  if (c.signature_valid) {
    lines.push(`consistency: ${consistencyText(report)}`)
    lines.push(
      `leaves:      ${report.leaves.read} read, ${report.leaves.root_matches ? 'hash to the signed root' : 'DO NOT hash to the signed root'}, ${report.leaves.selected} selected`,
    )
    const e = report.events
    lines.push(
      `events:      ${e.received} received, ${e.matched} match their leaf, ${e.unsealed} unsealed (stored after the checkpoint), ${e.removed} removed by retention`,
    )
    if (report.proofs)
      lines.push(`proofs:      ${report.proofs.verified} of ${report.proofs.checked} verified`)
  }
  if (report.state) {
    lines.push(`state:       ${report.state.file} ${report.state.updated ? 'updated' : 'not updated'}`)
  }
  for (const removed of report.removed) {
    lines.push(
      `removed by retention on ${removed.removed_at}: ${removed.event_id} (leaf ${removed.leaf_index})`,
    )
  }
  for (const failure of report.failures) lines.push(failure.message)
  return lines.join('\n')
}

function consistencyText(report: VerifyReport): string {
  const { status, from_tree_size } = report.consistency
  switch (status) {
    case 'not_requested':
      return 'not checked (no --state)'
    case 'first_run':
      return 'no remembered checkpoint yet (first run)'
    case 'unchanged':
      return `same tree as the remembered checkpoint (tree_size ${from_tree_size})`
    case 'verified':
      return `verified from the remembered tree_size ${from_tree_size}`
    case 'failed':
      return `FAILED from the remembered tree_size ${from_tree_size}`
  }
}
