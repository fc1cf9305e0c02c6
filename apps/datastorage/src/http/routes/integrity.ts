import type { components, FieldError } from '@audit-trail/datastorage-client'
import { toHex } from '@audit-trail/merkle'
import { Hono } from 'hono'
import {
  checkpointBody,
  type LogReader,
  type StoredCheckpoint,
  type StoredLeaf,
} from '../../log/log-reader.js'
import type { AuditEventStore } from '../../store/audit-event-store.js'
import type { AppEnv } from '../context.js'
import {
  type ContractParameter,
  checkParameter,
  checkQueryParameters,
  contractParameters,
} from '../contract-parameters.js'
import { HttpProblem } from '../problem.js'

type LogLeafBody = components['schemas']['LogLeaf']
type LogLeafPageBody = components['schemas']['LogLeafPage']
type InclusionProofBody = components['schemas']['InclusionProof']
type ConsistencyProofBody = components['schemas']['ConsistencyProof']

/** Options of {@link integrityRoutes}. */
export interface IntegrityRoutesOptions {
  /** The log's tables; undefined when the log is off (`TRANSPARENCY_LOG=off`): 404 `no-checkpoint`. */
  log: LogReader | undefined
  /** Tells an unknown event (404 `not-found`) from one not sealed yet (404 `event-not-sealed`). */
  store: Pick<AuditEventStore, 'get'>
}

const latestParameters = contractParameters('/api/v1/audit/checkpoints/latest', 'get')
const checkpointParameters = contractParameters('/api/v1/audit/checkpoints', 'get')
const consistencyParameters = contractParameters('/api/v1/audit/checkpoints/consistency', 'get')
const proofParameters = contractParameters('/api/v1/audit/events/{event_id}/proof', 'get')
const leavesParameters = contractParameters('/api/v1/audit/log/leaves', 'get')
const eventIdParameter = proofParameters.get('event_id')!
const defaultStart = Number(leavesParameters.get('start')?.schema.default ?? 0)
const defaultLimit = Number(leavesParameters.get('limit')?.schema.default ?? 1000)

function invalid(errors: FieldError[]): HttpProblem {
  return new HttpProblem(
    'validation-error',
    `${errors.length} query parameter${errors.length === 1 ? ' is' : 's are'} invalid.`,
    { errors },
  )
}

/**
 * The query checked against the operation's contract parameters (unknown, repeated, out of schema,
 * and missing required ones), all errors in one 400; the integers by name.
 */
function checkQuery(parameters: ReadonlyMap<string, ContractParameter>, url: string): Map<string, number> {
  const { values, errors } = checkQueryParameters(parameters, new URL(url).searchParams)
  for (const p of parameters.values()) {
    if (p.in === 'query' && p.required && !values.has(p.name) && !errors.some((e) => e.field === p.name)) {
      errors.push({ field: p.name, message: 'is required' })
    }
  }
  if (errors.length > 0) throw invalid(errors)
  return new Map([...values].map(([name, value]) => [name, Number(value)]))
}

const noCheckpoint = (detail: string) => new HttpProblem('no-checkpoint', detail)

/** The newest checkpoint, or 404 `no-checkpoint` (none signed yet, or the log is off). */
async function latestOf(log: LogReader | undefined): Promise<{ log: LogReader; latest: StoredCheckpoint }> {
  if (!log) {
    throw noCheckpoint('The transparency log is off (TRANSPARENCY_LOG=off): there are no checkpoints.')
  }
  const latest = await log.latestCheckpoint()
  if (!latest) throw noCheckpoint('No checkpoint has been signed yet; retry after CHECKPOINT_INTERVAL_MS.')
  return { log, latest }
}

/** A `tree_size` parameter above the newest checkpoint's is a 400 naming the largest allowed. */
function notAbove(field: string, value: number, latest: StoredCheckpoint): void {
  if (value > latest.treeSize) {
    throw invalid([
      { field, message: `must not exceed the newest checkpoint's tree_size ${latest.treeSize}` },
    ])
  }
}

function leafBody(leaf: StoredLeaf, removedAt: Date | undefined): LogLeafBody {
  const body: LogLeafBody = {
    leaf_index: leaf.leafIndex,
    event_id: leaf.eventId,
    leaf_hash: toHex(leaf.leafHash),
    correlation_id: leaf.correlationId,
    event_timestamp: leaf.eventTimestamp,
  }
  if (removedAt) body.removed = { reason: 'retention', removed_at: removedAt.toISOString() }
  return body
}

/**
 * When the retention job dropped a leaf's event: its month's partition was dropped after the leaf
 * was sealed (an event stored later into a recreated partition of that month is not removed).
 */
function removalOf(leaf: StoredLeaf, removals: ReadonlyMap<string, Date>): Date | undefined {
  const removedAt = removals.get(`${leaf.eventDate.slice(0, 7)}-01`)
  return removedAt && removedAt.getTime() >= leaf.sealedAt.getTime() ? removedAt : undefined
}

/**
 * The transparency log's reads, mounted under `/api/v1/audit` (scope `audit:read`;
 * docs/integrity.md): `GET /checkpoints/latest`, `GET /checkpoints?tree_size`,
 * `GET /checkpoints/consistency?from&to`, `GET /events/{event_id}/proof?tree_size` and
 * `GET /log/leaves?start&limit`. Proofs are served for any size up to the newest checkpoint's, so
 * a verifier that saw an older checkpoint can still be answered. The proof and the leaves are
 * reads of audit data: the self-audit records them (operations `proof`, `log_leaves`).
 */
export function integrityRoutes(options: IntegrityRoutesOptions): Hono<AppEnv> {
  const { store } = options
  const app = new Hono<AppEnv>()

  app.get('/checkpoints/latest', async (c) => {
    checkQuery(latestParameters, c.req.url)
    const { latest } = await latestOf(options.log)
    return c.json(checkpointBody(latest))
  })

  app.get('/checkpoints', async (c) => {
    const treeSize = checkQuery(checkpointParameters, c.req.url).get('tree_size')!
    const checkpoint = await options.log?.checkpoint(treeSize)
    if (!checkpoint) throw noCheckpoint(`No checkpoint was signed at tree_size ${treeSize}.`)
    return c.json(checkpointBody(checkpoint))
  })

  app.get('/checkpoints/consistency', async (c) => {
    const query = checkQuery(consistencyParameters, c.req.url)
    const from = query.get('from')!
    const to = query.get('to')!
    if (from > to) throw invalid([{ field: 'from', message: `must not exceed to (${to})` }])
    const { log, latest } = await latestOf(options.log)
    notAbove('to', to, latest)
    const proof = await log.consistencyProof(from, to)
    return c.json({ from, to, proof: proof.map(toHex) } satisfies ConsistencyProofBody)
  })

  app.get('/events/:event_id/proof', async (c) => {
    const eventId = c.req.param('event_id')
    const errors: FieldError[] = []
    const idError = checkParameter(eventIdParameter, eventId)
    if (idError) errors.push(idError)
    let query = new Map<string, number>()
    try {
      query = checkQuery(proofParameters, c.req.url)
    } catch (error) {
      if (!(error instanceof HttpProblem) || !error.errors) throw error
      errors.push(...error.errors)
    }
    if (errors.length > 0) throw invalid(errors)
    c.set('auditRead', { operation: 'proof', eventId, rows: 0 })
    const { log, latest } = await latestOf(options.log)
    const treeSize = query.get('tree_size') ?? latest.treeSize
    notAbove('tree_size', treeSize, latest)
    const leaf = await log.leafByEventId(eventId)
    if (!leaf) {
      if (!(await store.get(eventId)))
        throw new HttpProblem('not-found', `No audit event with event_id ${eventId}.`)
      throw new HttpProblem(
        'event-not-sealed',
        `Event ${eventId} is stored but not sealed yet; retry after the next checkpoint.`,
      )
    }
    if (leaf.leafIndex >= treeSize) {
      throw new HttpProblem(
        'event-not-sealed',
        `Event ${eventId} is leaf ${leaf.leafIndex}, not in the tree of size ${treeSize}; ask for a larger tree_size or retry after the next checkpoint.`,
      )
    }
    const proof = await log.inclusionProof(leaf.leafIndex, treeSize)
    c.set('auditRead', { operation: 'proof', eventId, rows: 1 })
    const body: InclusionProofBody = {
      event_id: leaf.eventId,
      leaf_index: leaf.leafIndex,
      tree_size: treeSize,
      leaf_hash: toHex(leaf.leafHash),
      proof: proof.map(toHex),
    }
    return c.json(body)
  })

  app.get('/log/leaves', async (c) => {
    const query = checkQuery(leavesParameters, c.req.url)
    const start = query.get('start') ?? defaultStart
    const limit = query.get('limit') ?? defaultLimit
    const filters: Record<string, string> = {}
    for (const [name, value] of query) filters[name] = String(value)
    c.set('auditRead', { operation: 'log_leaves', filters, rows: 0 })
    const { log, latest } = await latestOf(options.log)
    const [leaves, removals] = await Promise.all([log.leaves(start, limit, latest.treeSize), log.removals()])
    const removedAt = new Map(removals.map((r) => [r.month, r.removedAt]))
    c.set('auditRead', { operation: 'log_leaves', filters, rows: leaves.length })
    const next = start + leaves.length
    const body: LogLeafPageBody = {
      tree_size: latest.treeSize,
      leaves: leaves.map((leaf) => leafBody(leaf, removalOf(leaf, removedAt))),
      next_start: leaves.length > 0 && next < latest.treeSize ? next : null,
    }
    return c.json(body)
  })

  return app
}
