import { randomUUID } from 'node:crypto'
import type { AuditEventInput } from '@audit-trail/audit-client'
import { nextTurn } from '../stats.js'

/**
 * The floor of any client that does the same job without checking anything: copy the event, add
 * an id and a timestamp, push it to an array, and `JSON.stringify` each full batch (the body a
 * client would send). Same events, same slices as the audit client. Returns wall ns per event.
 */
export async function timeNaive(
  count: number,
  inputs: readonly AuditEventInput[],
  { batchSize, slice }: { batchSize: number; slice: number },
): Promise<number> {
  let batch: object[] = []
  let bytes = 0
  let sent = 0
  const send = () => {
    bytes += JSON.stringify(batch).length
    sent += batch.length
    batch = []
  }
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; ) {
    const end = Math.min(count, i + slice)
    for (; i < end; i++) {
      batch.push({
        ...inputs[i % inputs.length]!,
        version: '1.0',
        event_id: randomUUID(),
        event_timestamp: new Date().toISOString(),
      })
      if (batch.length === batchSize) send()
    }
    await nextTurn()
  }
  if (batch.length > 0) send()
  const total = Number(process.hrtime.bigint() - started)
  if (sent !== count || bytes === 0) throw new Error(`naive peer sent ${sent} of ${count} events`)
  return total / count
}
