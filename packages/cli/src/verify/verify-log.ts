import type { KeyObject } from 'node:crypto'
import {
  CompactRange,
  eventLeafHash,
  fromHex,
  toHex,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '@audit-trail/merkle'
import { InputError } from '../errors.js'
import { type Progress, silentProgress } from '../progress.js'
import type { LogSource } from '../source/log-source.js'
import type { Checkpoint } from '../wire.js'
import type { Failure, RemovedEvent, VerifyReport } from './report.js'
import { ALL_EVENTS, isSelected, type Selection } from './selection.js'

/** Options of {@link verifyLog}. */
export interface VerifyLogOptions {
  readonly source: LogSource
  /** The service's public key, obtained out of band: the only thing the verification trusts. */
  readonly publicKey: KeyObject
  /**
   * The last checkpoint this verifier accepted (`--state`): the new one must extend it. `null`: a
   * state file was asked for but does not exist yet (first run).
   */
  readonly previous?: Checkpoint | null | undefined
  readonly selection?: Selection | undefined
  /** Also fetch and verify the inclusion proof of every selected sealed event (online sources). */
  readonly proofs?: boolean | undefined
  readonly progress?: Progress | undefined
  /** Inclusion proofs fetched at once (default 8). */
  readonly proofConcurrency?: number | undefined
}

const FLAG_SELECTED = 1
const FLAG_SEEN = 2

/**
 * The whole-log audit: checks the newest checkpoint's signature, its consistency with the
 * remembered one, that the leaf list hashes to its root (so the list is complete and unaltered),
 * and that every selected event equals its leaf and every selected leaf still has its event.
 * Failures are collected, not thrown, so one run reports all of them; a source that cannot be read
 * or a state that cannot be used throws a CliError.
 */
export async function verifyLog(options: VerifyLogOptions): Promise<VerifyReport> {
  const { source, publicKey } = options
  const selection = options.selection ?? ALL_EVENTS
  const progress = options.progress ?? silentProgress
  const checkpoint = await source.latestCheckpoint()
  const failures: Failure[] = []
  const report: VerifyReport = {
    valid: false,
    source: source.label,
    checkpoint: {
      origin: checkpoint.origin,
      tree_size: checkpoint.tree_size,
      root_hash: checkpoint.root_hash,
      timestamp: checkpoint.timestamp,
      key_id: checkpoint.key_id,
      signature: checkpoint.signature,
      signature_valid: signatureValid(checkpoint, publicKey),
    },
    consistency: { status: options.previous === undefined ? 'not_requested' : 'first_run' },
    leaves: { read: 0, root_matches: false, selected: 0 },
    events: { received: 0, matched: 0, unsealed: 0, removed: 0 },
    failures,
    removed: [],
    unsealed: [],
  }
  if (!report.checkpoint.signature_valid) {
    // Nothing else can be trusted without a checkpoint signed by the key.
    failures.push({
      reason: 'checkpoint_signature_invalid',
      message: `checkpoint signature invalid (key_id ${checkpoint.key_id}, tree_size ${checkpoint.tree_size})`,
    })
    return report
  }
  if (options.previous) await checkConsistency(source, publicKey, options.previous, checkpoint, report)

  const leaves = await readLeaves(source, checkpoint, selection, progress, report)
  const proofCandidates = await compareEvents(source, selection, leaves, progress, report)
  collectMissing(leaves, report)
  if (options.proofs) {
    await checkProofs(source, checkpoint, proofCandidates, options.proofConcurrency ?? 8, progress, report)
  }
  // Event failures in leaf order, after the log-wide ones.
  failures.sort((a, b) => (a.leaf_index ?? -1) - (b.leaf_index ?? -1))
  report.valid = failures.length === 0
  return report
}

function signatureValid(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return verifyCheckpoint(checkpoint, publicKey)
  } catch {
    return false
  }
}

async function checkConsistency(
  source: LogSource,
  publicKey: KeyObject,
  previous: Checkpoint,
  checkpoint: Checkpoint,
  report: VerifyReport,
): Promise<void> {
  if (!signatureValid(previous, publicKey)) {
    throw new InputError('the remembered checkpoint (--state) is not signed by this public key')
  }
  const from = previous.tree_size
  const to = checkpoint.tree_size
  report.consistency = { status: 'failed', from_tree_size: from, from_root_hash: previous.root_hash }
  if (previous.origin !== checkpoint.origin) {
    report.failures.push({
      reason: 'inconsistent',
      message: `checkpoint of log ${JSON.stringify(checkpoint.origin)}, the remembered one is of ${JSON.stringify(previous.origin)}`,
    })
    return
  }
  if (to < from) {
    report.failures.push({
      reason: 'rolled_back',
      message: `the log was rolled back: tree_size ${to}, smaller than the remembered ${from}`,
    })
    return
  }
  if (to === from) {
    if (checkpoint.root_hash === previous.root_hash) report.consistency.status = 'unchanged'
    else
      report.failures.push({
        reason: 'inconsistent',
        message: `tree_size ${to} has root ${checkpoint.root_hash}, the remembered checkpoint had ${previous.root_hash}`,
      })
    return
  }
  const proof = await source.consistencyProof(from, to)
  if (proof === undefined) {
    throw new InputError(
      `${source.label} has no consistency proof from tree_size ${from} to ${to}; download the bundle with --from-state`,
    )
  }
  const ok = verifyConsistency({
    fromSize: from,
    toSize: to,
    proof: proof.map((h) => fromHex(h)),
    fromRoot: fromHex(previous.root_hash),
    toRoot: fromHex(checkpoint.root_hash),
  })
  if (ok) report.consistency.status = 'verified'
  else
    report.failures.push({
      reason: 'inconsistent',
      message: `the consistency proof from tree_size ${from} to ${to} does not verify: the log was rewritten`,
    })
}

/** The leaves as the verifier keeps them: index by event id, hash and flags by index. */
interface LeafTable {
  readonly size: number
  readonly indexById: Map<string, number>
  readonly eventIds: string[]
  readonly hashes: string[]
  readonly flags: Uint8Array
  readonly removedAt: Map<number, string>
}

async function readLeaves(
  source: LogSource,
  checkpoint: Checkpoint,
  selection: Selection,
  progress: Progress,
  report: VerifyReport,
): Promise<LeafTable> {
  const size = checkpoint.tree_size
  const table: LeafTable = {
    size,
    indexById: new Map(),
    eventIds: [],
    hashes: [],
    flags: new Uint8Array(size),
    removedAt: new Map(),
  }
  const range = new CompactRange()
  let broken: string | undefined
  progress.start('leaves', size)
  try {
    pages: for await (const page of source.leafPages(size)) {
      for (const leaf of page) {
        const index = range.size
        if (leaf.leaf_index !== index) {
          broken = `leaf ${index} expected, leaf ${leaf.leaf_index} listed`
          break pages
        }
        if (index >= size) break pages
        range.append(fromHex(leaf.leaf_hash))
        table.eventIds.push(leaf.event_id)
        table.hashes.push(leaf.leaf_hash)
        if (table.indexById.has(leaf.event_id)) {
          report.failures.push({
            reason: 'leaf_mismatch',
            message: `event ${leaf.event_id} has two leaves (${table.indexById.get(leaf.event_id)} and ${index})`,
            event_id: leaf.event_id,
            leaf_index: index,
          })
        } else {
          table.indexById.set(leaf.event_id, index)
        }
        if (isSelected(selection, leaf.correlation_id, leaf.event_timestamp)) {
          table.flags[index] = FLAG_SELECTED
          report.leaves.selected++
        }
        if (leaf.removed) table.removedAt.set(index, leaf.removed.removed_at)
      }
      progress.advance(page.length)
    }
  } finally {
    progress.finish()
  }
  report.leaves.read = range.size
  if (broken === undefined && range.size !== size) {
    broken = `${range.size} leaves listed, the checkpoint has ${size}`
  }
  if (broken !== undefined) {
    report.failures.push({
      reason: 'leaf_mismatch',
      message: `the leaf list is not the signed tree: ${broken}`,
    })
  } else if (toHex(range.root()) !== checkpoint.root_hash) {
    report.failures.push({
      reason: 'leaf_mismatch',
      message: `the ${size} leaves do not hash to the checkpoint's root ${checkpoint.root_hash}`,
    })
  } else {
    report.leaves.root_matches = true
  }
  return table
}

/** An event that has a leaf, with the hash computed from it, for `--proofs`. */
interface ProofCandidate {
  readonly eventId: string
  readonly index: number
  readonly hash: Buffer
  readonly altered: boolean
}

async function compareEvents(
  source: LogSource,
  selection: Selection,
  leaves: LeafTable,
  progress: Progress,
  report: VerifyReport,
): Promise<ProofCandidate[]> {
  const candidates: ProofCandidate[] = []
  const unsealed = new Set<string>()
  progress.start('events', report.leaves.selected)
  try {
    for await (const page of source.eventPages(selection)) {
      for (const { value } of page) {
        const event = value as Record<string, unknown> | null
        const eventId = typeof event === 'object' && event !== null ? event['event_id'] : undefined
        if (typeof eventId !== 'string') {
          report.failures.push({
            reason: 'malformed_event',
            message: 'an event without an event_id was listed',
          })
          continue
        }
        // The same filter as the service's, so a bundle (which holds every event) selects alike.
        if (!isSelected(selection, event?.['correlation_id'], event?.['event_timestamp'])) continue
        const index = leaves.indexById.get(eventId)
        if (index === undefined) {
          unsealed.add(eventId)
          continue
        }
        if ((leaves.flags[index]! & FLAG_SEEN) !== 0) continue
        leaves.flags[index]! |= FLAG_SEEN
        report.events.received++
        const hash = hashOf(event)
        const altered = hash === undefined || toHex(hash) !== leaves.hashes[index]
        if (altered) {
          report.failures.push({
            reason: 'altered',
            message: `altered ${eventId} (leaf ${index})`,
            event_id: eventId,
            leaf_index: index,
          })
        } else {
          report.events.matched++
        }
        if (hash !== undefined) candidates.push({ eventId, index, hash, altered })
      }
      progress.advance(page.length)
    }
  } finally {
    progress.finish()
  }
  report.unsealed = [...unsealed]
  report.events.unsealed = unsealed.size
  report.events.received += unsealed.size
  return candidates
}

/** The leaf hash of an event, or `undefined` when it cannot be canonicalized (then it is altered). */
function hashOf(event: unknown): Buffer | undefined {
  try {
    return eventLeafHash(event)
  } catch {
    return undefined
  }
}

function collectMissing(leaves: LeafTable, report: VerifyReport): void {
  for (let index = 0; index < leaves.eventIds.length; index++) {
    if (leaves.flags[index] !== FLAG_SELECTED) continue
    const eventId = leaves.eventIds[index]!
    const removedAt = leaves.removedAt.get(index)
    if (removedAt !== undefined) {
      const removed: RemovedEvent = { event_id: eventId, leaf_index: index, removed_at: removedAt }
      report.removed.push(removed)
      report.events.removed++
    } else {
      report.failures.push({
        reason: 'missing',
        message: `missing ${eventId} (leaf ${index})`,
        event_id: eventId,
        leaf_index: index,
      })
    }
  }
}

async function checkProofs(
  source: LogSource,
  checkpoint: Checkpoint,
  candidates: readonly ProofCandidate[],
  concurrency: number,
  progress: Progress,
  report: VerifyReport,
): Promise<void> {
  const fetchProof = source.inclusionProof
  if (!fetchProof)
    throw new InputError(`${source.label} cannot give inclusion proofs (--proofs needs the service)`)
  const rootHash = fromHex(checkpoint.root_hash)
  const proofs = { checked: 0, verified: 0 }
  report.proofs = proofs
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < candidates.length) {
      const candidate = candidates[next++]!
      const answer = await fetchProof(candidate.eventId, checkpoint.tree_size)
      proofs.checked++
      const ok =
        answer !== undefined &&
        answer.leaf_index === candidate.index &&
        verifyInclusion({
          leafHash: candidate.hash,
          index: candidate.index,
          treeSize: checkpoint.tree_size,
          proof: answer.proof.map((h) => fromHex(h)),
          rootHash,
        })
      if (ok) proofs.verified++
      // An altered event fails its proof too; its `altered` failure already says so.
      else if (!candidate.altered) {
        report.failures.push({
          reason: 'inclusion_proof_failed',
          message: `inclusion proof of ${candidate.eventId} (leaf ${candidate.index}) does not verify${answer === undefined ? ': the service has none' : ''}`,
          event_id: candidate.eventId,
          leaf_index: candidate.index,
        })
      }
      progress.advance(1)
    }
  }
  progress.start('proofs', candidates.length)
  try {
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
  } finally {
    progress.finish()
  }
}

/** The checkpoint a report verified, as the service signed it: what `--state` remembers. */
export function acceptedCheckpoint(report: VerifyReport): Checkpoint {
  const { origin, tree_size, root_hash, timestamp, key_id, signature } = report.checkpoint
  return { origin, tree_size, root_hash, timestamp, key_id, signature }
}
