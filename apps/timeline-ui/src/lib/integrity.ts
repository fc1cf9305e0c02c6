import type { components } from '@audit-trail/datastorage-client'
import {
  bytesEqual,
  checkpointSignatureProblem,
  eventLeafHash,
  fromHex,
  rootFromInclusionProof,
  toHex,
} from './merkle.js'

type Checkpoint = components['schemas']['Checkpoint']
type InclusionProof = components['schemas']['InclusionProof']

/** The integrity badge of one event. */
export type Integrity =
  | { state: 'checking'; why?: string }
  | { state: 'verified'; why: string }
  | { state: 'unsealed'; why: string }
  | { state: 'unsigned'; why: string }
  | { state: 'failed'; why: string }

/**
 * Checks one event against an inclusion proof and the checkpoint whose size it was asked for:
 * the leaf recomputed from the event as the API returned it must be the proof's leaf and fold, by
 * the audit path, to the checkpoint's root; the checkpoint's Ed25519 signature must hold with the
 * public key the reader gave (out of band). Without a key the inclusion is checked but the badge
 * stays `unsigned`, never `verified`: a root whose signature nobody checked proves nothing, yet
 * nothing failed either, so it is not shown as a failure.
 */
export async function verifyEventInclusion(
  event: unknown,
  proof: InclusionProof,
  checkpoint: Checkpoint,
  rawPublicKey: Uint8Array<ArrayBuffer> | undefined,
): Promise<Integrity> {
  if (proof.tree_size !== checkpoint.tree_size) {
    return {
      state: 'failed',
      why: `the proof is for tree size ${proof.tree_size}, the checkpoint for ${checkpoint.tree_size}`,
    }
  }
  let leaf: Uint8Array
  try {
    leaf = await eventLeafHash(event)
  } catch (error) {
    return { state: 'failed', why: `the event cannot be canonicalized: ${(error as Error).message}` }
  }
  if (toHex(leaf) !== proof.leaf_hash) {
    return {
      state: 'failed',
      why: `the event hashes to leaf ${toHex(leaf).slice(0, 12)}…, the log sealed ${proof.leaf_hash.slice(0, 12)}…`,
    }
  }
  const path = proof.proof.map(fromHex)
  const root = fromHex(checkpoint.root_hash)
  if (!root || path.some((p) => p === undefined))
    return { state: 'failed', why: 'a hash is not 64 hex digits' }
  const folded = await rootFromInclusionProof(leaf, proof.leaf_index, proof.tree_size, path as Uint8Array[])
  if (!folded) {
    return {
      state: 'failed',
      why: `the audit path does not fit leaf ${proof.leaf_index} of ${proof.tree_size}`,
    }
  }
  if (!bytesEqual(folded, root)) {
    return {
      state: 'failed',
      why: `the audit path leads to ${toHex(folded).slice(0, 12)}…, not the checkpoint's root`,
    }
  }
  if (!rawPublicKey) {
    return {
      state: 'unsigned',
      why: `leaf ${proof.leaf_index} of the tree of ${checkpoint.tree_size}, but no public key was given: the checkpoint's signature is unchecked (sign in with the service's public key)`,
    }
  }
  const problem = await checkpointSignatureProblem(checkpoint, rawPublicKey)
  if (problem) return { state: 'failed', why: problem }
  return {
    state: 'verified',
    why: `leaf ${proof.leaf_index} of the tree of ${checkpoint.tree_size} signed by key ${checkpoint.key_id} at ${checkpoint.timestamp}`,
  }
}
