import type { KeyObject } from 'node:crypto'
import { randomUUID } from 'node:crypto'
import {
  consistencyProofFromLeaves,
  eventLeafHash,
  fromHex,
  generateSigningKey,
  inclusionProofFromLeaves,
  rootHash,
  signCheckpoint,
  toHex,
} from '@audit-trail/merkle'
import type { LogSource, ReceivedEvent } from '../../src/source/log-source.js'
import type { Selection } from '../../src/verify/selection.js'
import type { Checkpoint, InclusionProof, LogLeaf } from '../../src/wire.js'

/** A test event: the fields the verifier reads, and a payload with a number JCS rewrites. */
export type TestEvent = Record<string, unknown> & {
  event_id: string
  correlation_id: string
  event_timestamp: string
}

/** `count` events, one a minute from 2026-12-01T10:00Z, correlation ids c-0 … c-(groups-1). */
export function makeEvents(count: number, groups = 3): TestEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    event_id: randomUUID(),
    correlation_id: `c-${i % groups}`,
    event_timestamp: new Date(Date.UTC(2026, 11, 1, 10, i)).toISOString(),
    event_type: 'test.event',
    event_data: { index: i, ratio: 0.5, nested: { b: 1, a: [true, null, 'x'] } },
  }))
}

/** The Merkle log the service would have built from `events`, and its signed checkpoint. */
export interface MemoryLog {
  readonly events: TestEvent[]
  readonly leaves: LogLeaf[]
  readonly checkpoint: Checkpoint
  readonly key: { privateKey: KeyObject; publicKey: KeyObject }
}

const ORIGIN = 'audit-trail.test'

/** Seals `sealed` events (leaves, root, signed checkpoint); events past it are unsealed. */
export function buildLog(events: TestEvent[], sealed = events.length, key = generateSigningKey()): MemoryLog {
  const leaves: LogLeaf[] = events.slice(0, sealed).map((event, leaf_index) => ({
    leaf_index,
    event_id: event.event_id,
    leaf_hash: toHex(eventLeafHash(event)),
    correlation_id: event.correlation_id,
    event_timestamp: event.event_timestamp,
  }))
  return {
    events: events.map((e) => structuredClone(e)),
    leaves,
    checkpoint: sign(leaves, key.privateKey),
    key,
  }
}

/** The checkpoint of the first `size` leaves (all of them by default), signed with `privateKey`. */
export function sign(leaves: readonly LogLeaf[], privateKey: KeyObject, size = leaves.length): Checkpoint {
  const root = rootHash(leaves.slice(0, size).map((l) => fromHex(l.leaf_hash)))
  return signCheckpoint(
    { origin: ORIGIN, tree_size: size, root_hash: toHex(root), timestamp: '2026-12-02T07:45:00.123Z' },
    privateKey,
  )
}

/** A {@link LogSource} over a {@link MemoryLog}, pages as small as asked, proofs computed from the leaves. */
export class MemorySource implements LogSource {
  readonly label = 'memory'
  readonly requests: string[] = []
  leafPageSize = 4
  eventPageSize = 3

  constructor(readonly log: MemoryLog) {}

  async latestCheckpoint(): Promise<Checkpoint> {
    return this.log.checkpoint
  }

  async *leafPages(treeSize: number): AsyncIterable<readonly LogLeaf[]> {
    const leaves = this.log.leaves.slice(0, treeSize)
    for (let i = 0; i < leaves.length; i += this.leafPageSize) yield leaves.slice(i, i + this.leafPageSize)
  }

  async *eventPages(selection: Selection): AsyncIterable<readonly ReceivedEvent[]> {
    this.requests.push(`events ${JSON.stringify(selection)}`)
    const events = this.log.events.map((e) => ({ text: JSON.stringify(e), value: e }))
    for (let i = 0; i < events.length; i += this.eventPageSize) yield events.slice(i, i + this.eventPageSize)
  }

  async consistencyProof(from: number, to: number): Promise<readonly string[]> {
    this.requests.push(`consistency ${from} ${to}`)
    const hashes = this.log.leaves.slice(0, to).map((l) => fromHex(l.leaf_hash))
    return consistencyProofFromLeaves(from, hashes).map(toHex)
  }

  inclusionProof = async (eventId: string, treeSize: number): Promise<InclusionProof | undefined> => {
    const leaf = this.log.leaves.find((l) => l.event_id === eventId && l.leaf_index < treeSize)
    if (!leaf) return undefined
    const hashes = this.log.leaves.slice(0, treeSize).map((l) => fromHex(l.leaf_hash))
    return {
      event_id: eventId,
      leaf_index: leaf.leaf_index,
      tree_size: treeSize,
      leaf_hash: leaf.leaf_hash,
      proof: inclusionProofFromLeaves(leaf.leaf_index, hashes).map(toHex),
    }
  }
}
