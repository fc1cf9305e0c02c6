import type { HttpBindings } from '@hono/node-server'
import type { Context, MiddlewareHandler } from 'hono'
import type { AccessRecorder } from '../auth/access-control.js'
import type { AppEnv } from '../http/context.js'
import type { RequestInfo, SelfAudit } from './self-audit.js'

/** What the self-audit records of a request: its id, the socket's address, method and path. */
export function requestInfoOf(c: Context): RequestInfo {
  const env = c.env as Partial<HttpBindings> | undefined
  return {
    requestId: (c.get('requestId') as string | undefined) ?? crypto.randomUUID(),
    sourceIp: env?.incoming?.socket?.remoteAddress,
    method: c.req.method,
    path: c.req.path,
  }
}

/** Access control's refusals (401, 403, 429) into the self-audit. */
export function accessRecorder(selfAudit: SelfAudit): AccessRecorder {
  return {
    authFailed: (c, reason) => selfAudit.authFailed(requestInfoOf(c), reason),
    denied: (c, principal, scope) => selfAudit.authDenied(requestInfoOf(c), principal, scope),
    rateLimited: (c, principal) => selfAudit.rateLimited(requestInfoOf(c), principal),
  }
}

/**
 * Records every read of audit data (`datastorage.audit.read`) once its answer is decided: the read
 * handlers leave what they returned in `auditRead` (also when they then answer 404), and this
 * middleware, mounted on `/api/v1/*`, records it with the principal and the status. Writes set
 * nothing, and the record is stored in-process, not through this app: a read of the self-audit adds
 * exactly one event, and no chain of reads follows. A streamed read (`sent`) is recorded when its
 * stream ended, with the rows it sent.
 */
export function readAuditing(selfAudit: SelfAudit): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const read = c.get('auditRead')
    if (read === undefined) return
    const request = requestInfoOf(c)
    const principal = c.get('principal') ?? '(unknown)'
    const status = c.res.status
    if (read.sent === undefined) {
      selfAudit.auditRead(request, principal, read, status)
      return
    }
    // A stream: its rows are known once it ended (the answer's status was already sent).
    const { sent, ...rest } = read
    void sent.then((rows) => selfAudit.auditRead(request, principal, { ...rest, rows }, status))
  }
}
