import type { components } from '@audit-trail/datastorage-client'
import { InputError } from './errors.js'

// The integrity API's shapes, as the contract (openapi/datastorage.yaml) defines them.
type Schemas = components['schemas']
/** A signed tree head (`GET /api/v1/audit/checkpoints/latest`). */
export type Checkpoint = Schemas['Checkpoint']
/** One leaf of the log (`GET /api/v1/audit/log/leaves`). */
export type LogLeaf = Schemas['LogLeaf']
/** A page of leaves. */
export type LogLeafPage = Schemas['LogLeafPage']
/** `GET /api/v1/audit/checkpoints/consistency`. */
export type ConsistencyProof = Schemas['ConsistencyProof']
/** `GET /api/v1/audit/events/{event_id}/proof`. */
export type InclusionProof = Schemas['InclusionProof']
/** A stored event as the query API returns it. */
export type AuditEvent = Schemas['AuditEvent']
/** A page of `GET /api/v1/audit/events`. */
export type AuditEventPage = Schemas['AuditEventPage']

const HASH = /^[0-9a-f]{64}$/
const KEY_ID = /^[0-9a-f]{16}$/
const TIMESTAMP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isCount = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min

/**
 * Whether `value` has the shape of a {@link Checkpoint}. A checkpoint comes from the service, a
 * state file or a bundle, none of which the verifier trusts to be well-formed; its signature is
 * checked separately.
 */
export function isCheckpoint(value: unknown): value is Checkpoint {
  return (
    isRecord(value) &&
    typeof value['origin'] === 'string' &&
    value['origin'].length > 0 &&
    isCount(value['tree_size'], 1) &&
    typeof value['root_hash'] === 'string' &&
    HASH.test(value['root_hash']) &&
    typeof value['timestamp'] === 'string' &&
    TIMESTAMP.test(value['timestamp']) &&
    typeof value['key_id'] === 'string' &&
    KEY_ID.test(value['key_id']) &&
    typeof value['signature'] === 'string'
  )
}

/** The checkpoint in `value`, or an {@link InputError} naming `where` it came from. */
export function asCheckpoint(value: unknown, where: string): Checkpoint {
  if (!isCheckpoint(value))
    throw new InputError(
      `${where} is not a checkpoint (origin, tree_size, root_hash, timestamp, key_id, signature)`,
    )
  return {
    origin: value.origin,
    tree_size: value.tree_size,
    root_hash: value.root_hash,
    timestamp: value.timestamp,
    key_id: value.key_id,
    signature: value.signature,
  }
}

/** Whether `value` has the shape of a {@link LogLeaf} (the hash well-formed, the index a count). */
export function isLogLeaf(value: unknown): value is LogLeaf {
  if (!isRecord(value)) return false
  const removed = value['removed']
  return (
    isCount(value['leaf_index'], 0) &&
    typeof value['event_id'] === 'string' &&
    typeof value['leaf_hash'] === 'string' &&
    HASH.test(value['leaf_hash']) &&
    typeof value['correlation_id'] === 'string' &&
    typeof value['event_timestamp'] === 'string' &&
    (removed === undefined || (isRecord(removed) && typeof removed['removed_at'] === 'string'))
  )
}

/** Whether `value` is a list of lowercase hex SHA-256 hashes (a proof as the API sends it). */
export function isHashList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((h) => typeof h === 'string' && HASH.test(h))
}
