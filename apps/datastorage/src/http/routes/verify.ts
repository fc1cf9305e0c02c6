import type { components, FieldError } from '@audit-trail/datastorage-client'
import { Hono } from 'hono'
import type { Database } from '../../db/client.js'
import { invalid, readObjectBody, stringField, unknownFields } from '../../integrity/request-body.js'
import {
  NoCheckpointError,
  type Verification,
  type VerifyFinding,
  type VerifySelection,
  verifySelection,
} from '../../integrity/verify.js'
import { LogReader } from '../../log/log-reader.js'
import type { AppEnv } from '../context.js'
import { checkQueryParameters, contractParameters } from '../contract-parameters.js'
import { HttpProblem } from '../problem.js'
import { EARLIEST_STORABLE_MS, LATEST_STORABLE_MS, parseRfc3339, rfc3339Error } from '../rfc3339.js'

type VerifyResultBody = components['schemas']['VerifyResult']
type VerifyChainBody = components['schemas']['VerifyChainResponse']

/** The longest window `POST /verify` takes (the contract's "at most 31 days apart"). */
export const MAX_VERIFY_WINDOW_MS = 31 * 86_400_000

/** Options of {@link verifyRoutes}. */
export interface VerifyRoutesOptions {
  /**
   * The database holding the events and the log; undefined in an app built without one, which has
   * no checkpoint: both operations answer 404 `no-checkpoint`. With `TRANSPARENCY_LOG=false` the
   * checkpoints signed before still hold, and the events stored since are reported `not_in_log`.
   */
  database: Database | undefined
  /** Largest request body in bytes (413 beyond). */
  bodyLimitBytes: number
}

const verifyParameters = contractParameters('/api/v1/audit/verify', 'post')
const chainParameters = contractParameters('/api/v1/audit/verify-chain', 'post')
const CORRELATION_ID = { required: true, minLength: 1, maxLength: 255 } as const

function refuseQuery(url: string, parameters: ReturnType<typeof contractParameters>): void {
  const { errors } = checkQueryParameters(parameters, new URL(url).searchParams)
  if (errors.length > 0) throw invalid(errors, 'This operation takes no such query parameter.')
}

/** One bound of the window: a strict RFC 3339 date-time PostgreSQL can store, as a Date. */
function boundOf(
  body: Record<string, unknown>,
  name: 'since' | 'until',
  errors: FieldError[],
): Date | undefined {
  const value = body[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string') {
    errors.push({ field: name, message: 'must be a string' })
    return undefined
  }
  const ms = parseRfc3339(value)
  if (ms === undefined) {
    errors.push({ field: name, message: rfc3339Error(value) ?? 'must be an RFC 3339 date-time' })
    return undefined
  }
  if (ms < EARLIEST_STORABLE_MS || ms > LATEST_STORABLE_MS) {
    errors.push({
      field: name,
      message: 'must be an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z',
    })
    return undefined
  }
  return new Date(ms)
}

/**
 * The `VerifyRequest` of a body: `{correlation_id}` or `{since, until}` (until exclusive, since
 * before until, at most 31 days apart), nothing else; every invalid field named in one 400. The
 * window is compared at millisecond precision, as the log's leaves are selected.
 */
export function parseVerifyRequest(body: Record<string, unknown>): VerifySelection {
  const errors = unknownFields(body, ['correlation_id', 'since', 'until'])
  const hasCorrelation = body['correlation_id'] !== undefined
  const hasWindow = body['since'] !== undefined || body['until'] !== undefined
  if (hasCorrelation && hasWindow) {
    const field = body['since'] !== undefined ? 'since' : 'until'
    errors.push({
      field,
      message: 'must not be given with correlation_id: verify a correlation id or a window',
    })
  }
  if (!hasCorrelation && !hasWindow) {
    errors.push({ field: 'correlation_id', message: 'is required unless since and until are given' })
  }
  let selection: VerifySelection | undefined
  if (hasCorrelation) {
    const correlationId = stringField(body, 'correlation_id', CORRELATION_ID, errors)
    if (correlationId !== undefined) selection = { correlationId }
  } else if (hasWindow) {
    const since = boundOf(body, 'since', errors)
    const until = boundOf(body, 'until', errors)
    for (const name of ['since', 'until'] as const) {
      if (body[name] === undefined)
        errors.push({ field: name, message: `is required with ${name === 'since' ? 'until' : 'since'}` })
    }
    if (since && until) {
      if (since.getTime() >= until.getTime())
        errors.push({ field: 'since', message: 'must be earlier than until' })
      else if (until.getTime() - since.getTime() > MAX_VERIFY_WINDOW_MS) {
        errors.push({ field: 'until', message: 'must be at most 31 days after since' })
      }
      selection = { since, until }
    }
  }
  if (errors.length > 0 || !selection) throw invalid(errors, 'The verification request is invalid.')
  return selection
}

function resultBody(v: Verification): VerifyResultBody {
  return {
    valid: v.failures.length === 0,
    checked: v.checked,
    unsealed: v.unsealed,
    removed: v.removed.map((r) => ({ event_id: r.eventId, removed_at: r.removedAt.toISOString() })),
    tree_size: v.checkpoint.treeSize,
    failures: v.failures.map((f) => ({
      event_id: f.eventId,
      reason: f.reason,
      detail: f.detail,
      ...(f.leafIndex === undefined ? {} : { leaf_index: f.leafIndex }),
    })),
  }
}

function tamperedEntry(f: VerifyFinding): NonNullable<VerifyChainBody['tampered_events']>[number] {
  return {
    event_id: f.eventId,
    ...(f.eventTimestamp === undefined ? {} : { event_timestamp: f.eventTimestamp }),
    ...(f.leafHash === undefined ? {} : { expected_hash: f.leafHash }),
    ...(f.eventHash === undefined ? {} : { actual_hash: f.eventHash }),
    message: `${f.reason}: ${f.detail}`,
  }
}

/**
 * The replaced system's answer: its counts are of events, so an event failing twice (altered and
 * its leaf changed) counts once; the removed ones are neither verified nor tampered, and the
 * unsealed ones count in the total but are not verified yet.
 */
function chainBody(correlationId: string, v: Verification): VerifyChainBody {
  const failed = new Set(v.failures.map((f) => f.eventId)).size
  const { verified } = v
  const total = v.checked + v.unsealed
  const valid = v.failures.length === 0
  const removed = v.removed.length === 0 ? '' : `; ${v.removed.length} removed by retention`
  const unsealed = v.unsealed === 0 ? '' : `; ${v.unsealed} not sealed yet`
  return {
    correlation_id: correlationId,
    is_valid: valid,
    total_events: total,
    verified_events: verified,
    tampered_events: v.failures.map(tamperedEntry),
    verification_time: new Date().toISOString(),
    message: valid
      ? `${verified} events verified against the checkpoint of tree size ${v.checkpoint.treeSize}${removed}${unsealed}`
      : `${failed} of ${v.checked} events failed verification against the checkpoint of tree size ${v.checkpoint.treeSize}${removed}${unsealed}`,
  }
}

/** The filters the self-audit records of a verification: what was asked, as sent. */
function readFilters(body: Record<string, unknown>): Record<string, string> {
  const filters: Record<string, string> = {}
  for (const name of ['correlation_id', 'since', 'until']) {
    const value = body[name]
    if (typeof value === 'string') filters[name] = value
  }
  return filters
}

/**
 * `POST /verify` and `POST /verify-chain` (scope `audit:read`), mounted under `/api/v1/audit`: the
 * server's own check of stored events against the newest signed checkpoint (`integrity/verify.ts`),
 * in the contract's shape and in the replaced system's. Both read audit data, so both are recorded
 * as reads (operation `verify`, rows = events of the selection found stored).
 */
export function verifyRoutes(options: VerifyRoutesOptions): Hono<AppEnv> {
  const { database, bodyLimitBytes } = options
  const reader = database && new LogReader(database)
  const app = new Hono<AppEnv>()

  const verify = async (selection: VerifySelection): Promise<Verification> => {
    if (!database || !reader) throw new NoCheckpointError()
    return verifySelection(database, reader, selection)
  }
  const noCheckpoint = (error: unknown): never => {
    if (error instanceof NoCheckpointError)
      throw new HttpProblem('no-checkpoint', error.message, { cause: error })
    throw error
  }

  app.post('/verify', async (c) => {
    refuseQuery(c.req.url, verifyParameters)
    const body = (await readObjectBody(c, bodyLimitBytes))!
    const selection = parseVerifyRequest(body)
    c.set('auditRead', { operation: 'verify', filters: readFilters(body), rows: 0 })
    const result = await verify(selection).catch(noCheckpoint)
    c.set('auditRead', { operation: 'verify', filters: readFilters(body), rows: result.events })
    return c.json(resultBody(result))
  })

  app.post('/verify-chain', async (c) => {
    refuseQuery(c.req.url, chainParameters)
    const body = (await readObjectBody(c, bodyLimitBytes))!
    const errors: FieldError[] = []
    const correlationId = stringField(body, 'correlation_id', CORRELATION_ID, errors)
    if (errors.length > 0 || correlationId === undefined)
      throw invalid(errors, 'The verification request is invalid.')
    c.set('auditRead', { operation: 'verify', filters: { correlation_id: correlationId }, rows: 0 })
    const result = await verify({ correlationId }).catch(noCheckpoint)
    c.set('auditRead', {
      operation: 'verify',
      filters: { correlation_id: correlationId },
      rows: result.events,
    })
    return c.json(chainBody(correlationId, result))
  })

  return app
}
