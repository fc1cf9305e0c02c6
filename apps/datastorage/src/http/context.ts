import type { components } from '@audit-trail/datastorage-client'
import type { Logger } from 'pino'

/** What a read of audit data returned, as the self-audit records it (`datastorage.audit.read`). */
export interface AuditRead {
  /** The contract's `AuditReadData.operation`. */
  operation: components['schemas']['AuditReadData']['operation']
  /** The query's parameters as sent, the cursor left out. */
  filters?: Record<string, string>
  /** The id asked for (`get`). */
  eventId?: string
  /** Events returned. */
  rows: number
  /**
   * A streamed answer (the export): resolves with the events sent once the stream ended, however
   * it ended; the read is recorded then, with that count instead of `rows`.
   */
  sent?: Promise<number>
}

/** Hono environment of the app: what middleware puts on the context for the handlers. */
export interface AppEnv {
  Variables: {
    /** From `X-Request-Id` when the caller sent a sane one, else a fresh UUID. */
    requestId: string
    /** The app's logger bound to this request's id. */
    logger: Logger
    /**
     * Who the request is from, as stored in `recorded_by`: the token's name (tokens mode), or a
     * reserved name with a colon, which token names cannot hold (`auth/principals.ts`).
     */
    principal?: string
    /** Set by a handler that returned audit data, for the self-audit's read record. */
    auditRead?: AuditRead
  }
}
