import type { components, FieldError } from '@audit-trail/datastorage-client'
import { type Context, Hono } from 'hono'
import { DataStorageError } from '../../errors.js'
import {
  LegalHoldAlreadyReleasedError,
  LegalHoldNotFoundError,
  type LegalHoldRecord,
  type LegalHoldStatus,
  type LegalHoldStore,
} from '../../integrity/legal-holds.js'
import { invalid, readObjectBody, stringField } from '../../integrity/request-body.js'
import { requestInfoOf } from '../../self-audit/http.js'
import type { SelfAudit } from '../../self-audit/self-audit.js'
import type { AppEnv } from '../context.js'
import {
  type ContractParameter,
  checkParameter,
  checkQueryParameters,
  contractParameters,
} from '../contract-parameters.js'
import { HttpProblem } from '../problem.js'

type LegalHoldBody = components['schemas']['LegalHold']
type LegalHoldListBody = components['schemas']['LegalHoldList']
type LegalHoldCompatBody = components['schemas']['LegalHoldCompat']
type LegalHoldCompatListBody = components['schemas']['LegalHoldCompatList']
type LegalHoldReleasedCompatBody = components['schemas']['LegalHoldReleasedCompat']

/** Options of {@link legalHoldRoutes}. */
export interface LegalHoldRoutesOptions {
  /** Where holds are kept; undefined in an app built without a database (tests of other routes). */
  holds: LegalHoldStore | undefined
  /** Records each placement and release (`datastorage.legal_hold.*`). Default none (`SELF_AUDIT=false`). */
  selfAudit?: SelfAudit | undefined
  /** Largest request body in bytes (413 beyond). */
  bodyLimitBytes: number
}

const PATH = '/api/v1/audit'
const placeParameters = contractParameters(`${PATH}/legal-holds`, 'post')
const listParameters = contractParameters(`${PATH}/legal-holds`, 'get')
const releaseParameters = contractParameters(`${PATH}/legal-holds/{hold_id}`, 'delete')
const compatPlaceParameters = contractParameters(`${PATH}/legal-hold`, 'post')
const compatListParameters = contractParameters(`${PATH}/legal-hold`, 'get')
const compatReleaseParameters = contractParameters(`${PATH}/legal-hold/{correlation_id}`, 'delete')
const defaultStatus = String(listParameters.get('status')?.schema.default ?? 'active') as LegalHoldStatus

const TEXT = { minLength: 1, maxLength: 1000 } as const
const CORRELATION_ID = { required: true, minLength: 1, maxLength: 255 } as const

/** The query checked against the operation's parameters: unknown, repeated or invalid ones in one 400. */
function checkQuery(url: string, parameters: ReadonlyMap<string, ContractParameter>): Map<string, string> {
  const { values, errors } = checkQueryParameters(parameters, new URL(url).searchParams)
  if (errors.length > 0) {
    throw invalid(errors, `${errors.length} query parameter${errors.length === 1 ? ' is' : 's are'} invalid.`)
  }
  return values
}

/** A path parameter checked against its contract schema (400 naming it). */
function pathParameter(c: Context, parameters: ReadonlyMap<string, ContractParameter>, name: string): string {
  const value = c.req.param(name) ?? ''
  const error = checkParameter(parameters.get(name)!, value)
  if (error) throw invalid([error], `${name} is invalid.`)
  return value
}

/** Who the request is from: access control sets it on every /api/v1 request it lets through. */
function principalOf(c: Context<AppEnv>): string {
  const principal = c.get('principal')
  if (!principal) {
    throw new DataStorageError('NO_PRINCIPAL', 'no principal on the request: access control did not run')
  }
  return principal
}

function storeOf(holds: LegalHoldStore | undefined): LegalHoldStore {
  if (!holds)
    throw new DataStorageError('NO_DATABASE', 'the app was built without a database for legal holds')
  return holds
}

function holdBody(h: LegalHoldRecord): LegalHoldBody {
  return {
    id: h.id,
    correlation_id: h.correlationId,
    reason: h.reason,
    placed_by: h.placedBy,
    placed_at: h.placedAt,
    status: h.releasedAt === null ? 'active' : 'released',
    events_affected: h.eventsAffected,
    released_by: h.releasedBy,
    released_at: h.releasedAt,
    release_reason: h.releaseReason,
  }
}

function compatBody(h: LegalHoldRecord): LegalHoldCompatBody {
  return {
    correlation_id: h.correlationId,
    events_affected: h.eventsAffected,
    placed_by: h.placedBy,
    placed_at: h.placedAt,
    reason: h.reason,
  }
}

/** `LegalHoldRequest`: correlation_id and reason (other fields are allowed and ignored). */
function holdRequest(body: Record<string, unknown>): { correlationId: string; reason: string } {
  const errors: FieldError[] = []
  const correlationId = stringField(body, 'correlation_id', CORRELATION_ID, errors)
  const reason = stringField(body, 'reason', { ...TEXT, required: true }, errors)
  if (errors.length > 0 || correlationId === undefined || reason === undefined) {
    throw invalid(errors, 'The legal hold is invalid.')
  }
  return { correlationId, reason }
}

/**
 * The legal holds (scope `audit:admin`), mounted under `/api/v1/audit`: `POST/GET /legal-holds`,
 * `DELETE /legal-holds/{hold_id}`, and the replaced system's `POST/GET /legal-hold` and
 * `DELETE /legal-hold/{correlation_id}`, over one store (`integrity/legal-holds.ts`). `placed_by`
 * and `released_by` are the caller's principal, never a field of the request; every placement and
 * release is recorded as a `datastorage.legal_hold.placed` / `.released` event.
 */
export function legalHoldRoutes(options: LegalHoldRoutesOptions): Hono<AppEnv> {
  const { holds, selfAudit, bodyLimitBytes } = options
  const app = new Hono<AppEnv>()

  const record = (
    c: Context<AppEnv>,
    change: 'placed' | 'released',
    hold: LegalHoldRecord,
    principal: string,
  ) =>
    selfAudit?.legalHoldChanged(change, requestInfoOf(c), {
      hold_id: hold.id,
      correlation_id: hold.correlationId,
      principal,
      reason: change === 'placed' ? hold.reason : hold.releaseReason,
      events_affected: hold.eventsAffected,
    })

  app.post('/legal-holds', async (c) => {
    checkQuery(c.req.url, placeParameters)
    const request = holdRequest((await readObjectBody(c, bodyLimitBytes))!)
    const principal = principalOf(c)
    const hold = await storeOf(holds).place({ ...request, placedBy: principal })
    record(c, 'placed', hold, principal)
    c.header('Location', `${PATH}/legal-holds/${hold.id}`)
    return c.json(holdBody(hold), 201)
  })

  app.get('/legal-holds', async (c) => {
    const values = checkQuery(c.req.url, listParameters)
    const status = (values.get('status') as LegalHoldStatus | undefined) ?? defaultStatus
    const list = await storeOf(holds).list({ status, correlationId: values.get('correlation_id') })
    return c.json({ holds: list.map(holdBody), total: list.length } satisfies LegalHoldListBody)
  })

  app.delete('/legal-holds/:hold_id', async (c) => {
    checkQuery(c.req.url, releaseParameters)
    const id = pathParameter(c, releaseParameters, 'hold_id')
    const body = await readObjectBody(c, bodyLimitBytes, { optional: true })
    const errors: FieldError[] = []
    const reason = body ? stringField(body, 'reason', TEXT, errors) : undefined
    if (errors.length > 0) throw invalid(errors, 'The release is invalid.')
    const principal = principalOf(c)
    try {
      const hold = await storeOf(holds).release(id, { releasedBy: principal, reason: reason ?? null })
      record(c, 'released', hold, principal)
      return c.json(holdBody(hold))
    } catch (error) {
      if (error instanceof LegalHoldNotFoundError)
        throw new HttpProblem('not-found', `No legal hold with id ${id}.`)
      if (error instanceof LegalHoldAlreadyReleasedError) {
        throw new HttpProblem('already-released', `Legal hold ${id} was released at ${error.releasedAt}.`)
      }
      throw error
    }
  })

  app.post('/legal-hold', async (c) => {
    checkQuery(c.req.url, compatPlaceParameters)
    const request = holdRequest((await readObjectBody(c, bodyLimitBytes))!)
    const store = storeOf(holds)
    // The replaced system refuses a hold on a correlation id of which nothing is stored.
    const stored = (await store.eventCounts([request.correlationId])).get(request.correlationId) ?? 0
    if (stored === 0) {
      throw new HttpProblem(
        'not-found',
        `No audit event with correlation_id ${request.correlationId} is stored.`,
      )
    }
    const principal = principalOf(c)
    const hold = await store.place({ ...request, placedBy: principal })
    record(c, 'placed', hold, principal)
    return c.json(compatBody(hold))
  })

  app.get('/legal-hold', async (c) => {
    checkQuery(c.req.url, compatListParameters)
    const list = await storeOf(holds).list({ status: 'active' })
    return c.json({ holds: list.map(compatBody), total: list.length } satisfies LegalHoldCompatListBody)
  })

  app.delete('/legal-hold/:correlation_id', async (c) => {
    checkQuery(c.req.url, compatReleaseParameters)
    const correlationId = pathParameter(c, compatReleaseParameters, 'correlation_id')
    const errors: FieldError[] = []
    const reason = stringField(
      (await readObjectBody(c, bodyLimitBytes))!,
      'release_reason',
      { ...TEXT, required: true },
      errors,
    )
    if (errors.length > 0 || reason === undefined) throw invalid(errors, 'The release is invalid.')
    const principal = principalOf(c)
    const released = await storeOf(holds).releaseAll(correlationId, { releasedBy: principal, reason })
    if (released.length === 0) {
      throw new HttpProblem('not-found', `No active legal hold on correlation_id ${correlationId}.`)
    }
    for (const hold of released) record(c, 'released', hold, principal)
    const body: LegalHoldReleasedCompatBody = {
      correlation_id: correlationId,
      events_released: released[0]!.eventsAffected,
      released_by: principal,
      released_at: released
        .map((h) => h.releasedAt ?? '')
        .sort()
        .at(-1)!,
    }
    return c.json(body)
  })

  return app
}
