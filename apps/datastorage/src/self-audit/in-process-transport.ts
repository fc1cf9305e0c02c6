import type { SendResult, Transport } from '@audit-trail/audit-client'
import { HttpError } from '@audit-trail/audit-client'
import type { AuditEventValidator, AuditEventWithId, FieldError } from '@audit-trail/datastorage-client'
import { PRINCIPALS } from '../auth/principals.js'
import { toProblem } from '../http/problem.js'
import type { EventWriter } from '../write/event-writer.js'

/** Options of {@link createInProcessTransport}. */
export interface InProcessTransportOptions {
  /** The service's write path (the one the routes use): store, or DLQ when PostgreSQL is down. */
  writer: EventWriter
  /** The contract's validator, as the routes build it. */
  validate: AuditEventValidator
}

/** Where a refusal of the in-process path says it came from, in messages and problems. */
const INSTANCE = 'self-audit (in-process)'

/**
 * The audit client's transport for the service's own events: no HTTP, no loop through the service's
 * own access control and request log, but the same validation and write path as
 * `POST /api/v1/audit/events/batch`, stored as recorded by `datastorage:self-audit`.
 *
 * Outcomes and errors are mapped to what the client's delivery understands, through the same
 * `toProblem` the routes answer with, so the client decides exactly as it would over HTTP:
 * - stored → `created` (with the duplicates); queued to the service's DLQ → `accepted`;
 * - invalid events, or PostgreSQL refusing the data of one → `HttpError(400)` naming them by
 *   `errors[].index`: the client dead-letters those and sends the rest again;
 * - PostgreSQL unavailable without a DLQ, or the DLQ full → `HttpError(503)`, retried with backoff;
 * - anything else → `HttpError(500)`, retried as well (the route would answer 500).
 *
 * The signal is not passed on: the write is bounded by `DATABASE_WRITE_TIMEOUT_MS` already, and a
 * write cannot be taken back once PostgreSQL has it.
 */
export function createInProcessTransport(options: InProcessTransportOptions): Transport {
  const { writer, validate } = options
  return {
    async send(events): Promise<SendResult> {
      const errors: FieldError[] = []
      events.forEach((event, index) => {
        errors.push(...validate(event, index))
      })
      if (errors.length > 0) {
        throw new HttpError(400, `${INSTANCE}: invalid events: ${errors[0]!.field} ${errors[0]!.message}`, {
          problem: { status: 400, title: 'Request validation failed', errors },
        })
      }
      let outcome: Awaited<ReturnType<EventWriter['write']>>
      try {
        // The client gives every event an id (`emit()` fills it in).
        outcome = await writer.write(events as readonly AuditEventWithId[], {
          recordedBy: PRINCIPALS.selfAudit,
        })
      } catch (error) {
        const { status, body } = toProblem(error, INSTANCE)
        throw new HttpError(
          status,
          `${INSTANCE}: ${body.detail ?? body.title}`,
          { problem: body },
          { cause: error },
        )
      }
      if (outcome.queued.length > 0) return { status: 'accepted', queued: outcome.queued.length }
      return { status: 'created', created: outcome.created.length, duplicates: outcome.duplicates.length }
    },
    async close() {
      // Nothing of its own: the writer and its store belong to the server.
    },
  }
}
