import type { AuditEventWithId, FieldError } from '@audit-trail/datastorage-client'
import type { Logger } from 'pino'
import type { DeadLetterWriter } from '../dlq/dead-letter-writer.js'
import { HttpProblem } from '../http/problem.js'
import type { DataStorageMetrics } from '../metrics/service-metrics.js'
import type { AuditEventStore } from '../store/audit-event-store.js'
import {
  blameEvent,
  classifyStoreError,
  describeError,
  isTransientConflict,
  sqlStateOf,
} from '../store/store-errors.js'

/**
 * Where the events of one write ended. Events are `queued` to the dead-letter queue only when
 * PostgreSQL is unavailable (and there is a DLQ); the routes then answer 202 instead of 201.
 */
export interface WriteOutcome {
  /** Ids that made a new row. */
  created: string[]
  /** Ids already stored; nothing written for them. */
  duplicates: string[]
  /** Ids handed to the dead-letter queue, to be replayed into PostgreSQL later. */
  queued: string[]
}

/**
 * PostgreSQL is up and refused the batch for its data (SQLSTATE class 22 or 23): nothing of the
 * batch was stored or queued. An {@link HttpProblem} (400 `validation-error`), so the routes answer
 * it as they answer the validator's refusals: `errors[].index` names the refused event when the
 * database's error identifies it beyond doubt (see `blameEvent`), and then a client resends the
 * others; otherwise the one entry has no index and the batch is refused as a whole. The store's
 * error is its `cause`.
 */
export class EventsRefusedError extends HttpProblem {
  /** Positions of the refused event in the batch; empty when PostgreSQL did not say which. */
  readonly indexes: number[]
  constructor(error: unknown, events: readonly AuditEventWithId[]) {
    const blamed = blameEvent(error, events)
    const reason = `PostgreSQL refused it: ${describeError(error)}`
    const errors: FieldError[] = blamed
      ? blamed.indexes.map((index) => ({ index, field: blamed.field, message: reason }))
      : [{ field: '(root)', message: reason }]
    const which = blamed
      ? `the event at index ${blamed.indexes.join(', ')} (event_id ${events[blamed.indexes[0]!]!.event_id})`
      : `one of the ${events.length} events (PostgreSQL does not say which)`
    super('validation-error', `PostgreSQL refused ${which}; nothing was stored.`, { errors, cause: error })
    this.indexes = blamed?.indexes ?? []
  }
}

/** Options of one {@link EventWriter.write}. */
export interface WriteOptions {
  /**
   * Who writes the events, stored as their `recorded_by`: the request's principal (a token's
   * name, or a reserved name of `auth/principals.ts`). Queued events carry it in their DLQ
   * message, so the replay stores them under the same name.
   */
  recordedBy: string
}

/** The write path shared by the single and batch endpoints. */
export interface EventWriter {
  /**
   * Stores validated events (one transaction: all or nothing) as recorded by
   * `options.recordedBy`; when PostgreSQL is unavailable and there is a DLQ, queues them instead.
   * @throws StoreUnavailableError when PostgreSQL is unavailable and there is no DLQ (503);
   * DlqFullError / DlqUnavailableError when the DLQ cannot take them either (503);
   * EventsRefusedError when PostgreSQL refused their data (400, nothing stored or queued);
   * the store's error for any other failure (500, nothing stored or queued).
   */
  write(events: readonly AuditEventWithId[], options: WriteOptions): Promise<WriteOutcome>
}

/** Options of {@link createEventWriter}. */
export interface EventWriterOptions {
  /** The service's store (`composeServiceStore(…).requests`). */
  store: AuditEventStore
  /** Counts stored events in `audit_events_written_total`. */
  metrics: DataStorageMetrics
  /** The dead-letter queue to fall back to. Default none (REDIS_URL unset): store errors reach the routes. */
  deadLetters?: DeadLetterWriter | undefined
  /** Where the write path logs what it queued or refused. Required with `deadLetters`. */
  logger?: Logger | undefined
}

/**
 * Creates the one function every write goes through: accept → store, or queue to the DLQ, or
 * refuse. Only an unavailable PostgreSQL queues (store-errors.ts): the DLQ is for events nothing is
 * wrong with, which the replay will store once PostgreSQL is back. When the insert fails:
 * - PostgreSQL unavailable (StoreUnavailableError, also a write that waited too long; SQLSTATE
 *   class 08, 53, 57P0x): every event is queued (202), or, without a DLQ, the error goes on (503);
 * - a serialization failure or deadlock (class 40): the insert is tried once more, then as below;
 * - refused for the data (class 22/23): EventsRefusedError (400), naming the event when PostgreSQL's
 *   error identifies it; nothing of the batch is stored, so a client resending the others (or the
 *   whole batch once fixed) stores each event once, even events the service gave an id to;
 * - anything else (a broken partition, a permission, an error nobody foresaw): the store's error
 *   goes on (500), nothing stored or queued; the client keeps the events and retries them.
 *
 * @throws TypeError when `deadLetters` is given without `logger`.
 * @example
 * const writer = createEventWriter({ store, metrics, deadLetters: dlq.deadLetters, logger })
 * const outcome = await writer.write(events, { recordedBy: c.get('principal') }) // 201 unless outcome.queued is not empty (202)
 */
export function createEventWriter(options: EventWriterOptions): EventWriter {
  const { store, metrics, deadLetters, logger } = options
  if (deadLetters && !logger) throw new TypeError('createEventWriter: a logger is required with deadLetters')

  async function insert(events: readonly AuditEventWithId[], recordedBy: string): Promise<WriteOutcome> {
    const { created, duplicates } = await store.insert(events, recordedBy)
    return { created, duplicates, queued: [] }
  }

  async function storeOrQueue(
    events: readonly AuditEventWithId[],
    recordedBy: string,
  ): Promise<WriteOutcome> {
    let failure: unknown
    try {
      return await insert(events, recordedBy)
    } catch (error) {
      failure = error
    }
    if (isTransientConflict(failure)) {
      try {
        return await insert(events, recordedBy)
      } catch (error) {
        failure = error
      }
    }
    const kind = classifyStoreError(failure)
    if (kind === 'unavailable') {
      if (!deadLetters || !logger) throw failure
      await deadLetters.write(events, `PostgreSQL unavailable: ${describeError(failure)}`, { recordedBy })
      logger.warn(
        { err: failure, queued: events.length },
        'PostgreSQL did not take the write; events queued to the DLQ',
      )
      return { created: [], duplicates: [], queued: events.map((e) => e.event_id) }
    }
    if (kind === 'data') {
      const refused = new EventsRefusedError(failure, events)
      logger?.warn(
        {
          sqlState: sqlStateOf(failure),
          reason: describeError(failure),
          events: events.length,
          refusedIndexes: refused.indexes,
        },
        'PostgreSQL refused the data of a write; nothing stored, refused with 400',
      )
      throw refused
    }
    throw failure
  }

  return {
    async write(events, { recordedBy }) {
      const outcome = await storeOrQueue(events, recordedBy)
      if (outcome.created.length > 0) metrics.eventsWritten.inc({ result: 'created' }, outcome.created.length)
      if (outcome.duplicates.length > 0) {
        metrics.eventsWritten.inc({ result: 'duplicate' }, outcome.duplicates.length)
      }
      return outcome
    },
  }
}
