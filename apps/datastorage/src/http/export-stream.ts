import type { AuditEvent } from '@audit-trail/datastorage-client'
import type { ExportFormat } from './audit-event-query.js'
import { csvHeader, csvRow } from './csv.js'

/** How an export's stream ended. */
export type ExportEnd =
  /** Every page was written. */
  | { outcome: 'complete'; rows: number }
  /** The client went away (the stream was cancelled): reading stopped. */
  | { outcome: 'aborted'; rows: number }
  /** Reading a page failed after the first byte: the response ends without its last chunk. */
  | { outcome: 'failed'; rows: number; error: unknown }

/** The media type of each format (the contract's content types). */
export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  ndjson: 'application/x-ndjson',
  csv: 'text/csv; charset=utf-8',
}

/** `Content-Disposition` of an export started at `at`: `audit-events-20261202T132500Z.csv`. */
export function exportDisposition(format: ExportFormat, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(/[-:]/g, '')
  return `attachment; filename="audit-events-${stamp}.${format}"`
}

/** Options of {@link exportStream}. */
export interface ExportStreamOptions {
  format: ExportFormat
  /**
   * The pages to write, newest first; `next()` is called only when the previous page's bytes were
   * taken by the consumer, and `return()` when the consumer cancels.
   */
  pages: AsyncIterator<AuditEvent[], void, undefined>
  /** Called once, when the stream ends in any way, with the rows written. */
  onEnd(end: ExportEnd): void
}

const encoder = new TextEncoder()

function encodePage(format: ExportFormat, events: readonly AuditEvent[]): Uint8Array {
  let text = ''
  for (const event of events) text += format === 'csv' ? csvRow(event) : `${JSON.stringify(event)}\n`
  return encoder.encode(text)
}

/**
 * The export's body: one chunk per page, the CSV header first. It pulls: the next page is read
 * only when the consumer (the HTTP response, which waits for the socket to drain) asks for more
 * than it holds (high-water mark 0), so memory stays at one page whatever the export's size. A
 * cancelled stream (the client disconnected) stops the page iterator; a page that fails errors the
 * stream, which the HTTP server answers by destroying the response before its last chunk.
 */
export function exportStream({ format, pages, onEnd }: ExportStreamOptions): ReadableStream<Uint8Array> {
  let rows = 0
  let ended = false
  const end = (result: ExportEnd) => {
    if (ended) return
    ended = true
    onEnd(result)
  }
  let headerSent = format !== 'csv'
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true
          controller.enqueue(encoder.encode(csvHeader()))
          return
        }
        let next: IteratorResult<AuditEvent[], void>
        try {
          next = await pages.next()
        } catch (error) {
          end({ outcome: 'failed', rows, error })
          controller.error(error)
          return
        }
        if (ended) return // cancelled while the page was read
        if (next.done) {
          end({ outcome: 'complete', rows })
          controller.close()
          return
        }
        rows += next.value.length
        controller.enqueue(encodePage(format, next.value))
      },
      async cancel() {
        end({ outcome: 'aborted', rows })
        await pages.return?.()
      },
    },
    { highWaterMark: 0 },
  )
}
