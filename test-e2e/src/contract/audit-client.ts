import {
  type AuditClient,
  type AuditClientOptions,
  createAuditClient as createUncheckedAuditClient,
} from '@audit-trail/audit-client'
import { validatingFetch } from './validating-fetch.js'

/**
 * `createAuditClient` for the e2e suite: a client that sends over HTTP and brings no `fetch` of its
 * own gets the global fetch through {@link validatingFetch}, so every answer to its batches is held
 * to the contract. (Its default, private keep-alive fetch cannot be wrapped from outside.) The load
 * scenarios keep that default: their burst into a small buffer depends on its pacing, and the
 * global fetch drained it fast enough that scenario 10b overflowed nothing.
 */
export function createAuditClient(options: AuditClientOptions): AuditClient {
  if (options.transport !== undefined || options.fetch !== undefined)
    return createUncheckedAuditClient(options)
  return createUncheckedAuditClient({ ...options, fetch: validatingFetch() })
}
