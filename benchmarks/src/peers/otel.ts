import type { AuditEventInput } from '@audit-trail/audit-client'
import { type AnyValueMap, SeverityNumber } from '@opentelemetry/api-logs'
import {
  BatchLogRecordProcessor,
  InMemoryLogRecordExporter,
  LoggerProvider,
  type LogRecordExporter,
  type ReadableLogRecord,
} from '@opentelemetry/sdk-logs'
import { nextTurn } from '../stats.js'

/** What `logger.emit()` takes: built once per distinct input, as the audit inputs are. */
export type OtelRecord = Parameters<ReturnType<LoggerProvider['getLogger']>['emit']>[0]

/**
 * The same event as an OpenTelemetry log record: the event type as its event name, `event_data`
 * as its body and every other field as an attribute. Built before timing, like the audit inputs
 * (a service would build either from its own data at the call site).
 */
export function toOtelRecord(input: AuditEventInput): OtelRecord {
  const { event_data, ...fields } = input
  return {
    eventName: input.event_type,
    severityNumber: SeverityNumber.INFO,
    severityText: 'INFO',
    body: event_data as AnyValueMap,
    attributes: fields as unknown as AnyValueMap,
  }
}

/** Options shared by the timed run and the heap measure: a queue that never drops a record. */
function processorOptions(exporter: LogRecordExporter, queue: number, batchSize: number) {
  return { exporter, maxQueueSize: queue, maxExportBatchSize: batchSize, scheduledDelayMillis: 1000 }
}

/**
 * The nearest peer of `emit()`: OpenTelemetry JS's BatchLogRecordProcessor in front of the SDK's
 * in-memory exporter, its queue raised to `count` so that it drops nothing, fed the same events
 * in the same slices as the audit client (yielding every `slice` emits so batches leave), then
 * `forceFlush()`. The exporter is emptied after each slice so that memory stays flat, and every
 * record is counted: a run that dropped one throws. Returns wall ns per record.
 */
export async function timeOtel(
  count: number,
  records: readonly OtelRecord[],
  { batchSize, slice }: { batchSize: number; slice: number },
): Promise<number> {
  const exporter = new InMemoryLogRecordExporter()
  const provider = new LoggerProvider({
    processors: [new BatchLogRecordProcessor(processorOptions(exporter, count, batchSize))],
  })
  const logger = provider.getLogger('bench')
  let exported = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; ) {
    const end = Math.min(count, i + slice)
    for (; i < end; i++) logger.emit(records[i % records.length]!)
    await nextTurn()
    exported += exporter.getFinishedLogRecords().length
    exporter.reset()
  }
  await provider.forceFlush()
  const total = Number(process.hrtime.bigint() - started)
  exported += exporter.getFinishedLogRecords().length
  await provider.shutdown()
  if (exported !== count) throw new Error(`OpenTelemetry peer exported ${exported} of ${count} records`)
  return total / count
}

/** An exporter that never reports back: what it was given stays held, as behind a hung collector. */
class NeverAnsweringExporter implements LogRecordExporter {
  export(_logs: ReadableLogRecord[], _done: unknown): void {}
  async shutdown(): Promise<void> {}
  async forceFlush(): Promise<void> {}
}

/**
 * The OpenTelemetry side of the heap measure: a processor whose exporter never answers, holding
 * every record emitted. `emit` takes one record; `stop` releases everything.
 */
export function heldOtel(capacity: number, batchSize: number) {
  const provider = new LoggerProvider({
    processors: [
      new BatchLogRecordProcessor({
        ...processorOptions(new NeverAnsweringExporter(), capacity, batchSize),
        exportTimeoutMillis: 600_000,
      }),
    ],
  })
  const logger = provider.getLogger('bench')
  return {
    emit: (record: OtelRecord) => logger.emit(record),
    // shutdown() would wait for the hung export; dropping the provider lets it all be collected.
    stop: () => undefined,
  }
}
