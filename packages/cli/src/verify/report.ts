/**
 * Why a verification failed. `altered`, `missing` and `leaf_mismatch` mean what docs/integrity.md
 * says; the others are the verifier's own.
 */
export type FailureReason =
  /** The checkpoint's signature or key id does not verify with the public key. */
  | 'checkpoint_signature_invalid'
  /** The log is smaller than a checkpoint this verifier accepted before. */
  | 'rolled_back'
  /** The consistency proof from the remembered checkpoint fails, or the same size has another root. */
  | 'inconsistent'
  /** The leaf list is incomplete, out of order, or does not hash to the signed root. */
  | 'leaf_mismatch'
  /** The stored event no longer hashes to the leaf it was sealed with. */
  | 'altered'
  /** The leaf is in the tree, the event is gone (and retention did not remove it). */
  | 'missing'
  /** With `--proofs`: the service's inclusion proof does not lead to the signed root. */
  | 'inclusion_proof_failed'
  /** An event without an `event_id`, which no leaf can stand for. */
  | 'malformed_event'

/** One thing that failed verification. */
export interface Failure {
  readonly reason: FailureReason
  /** One line for people: `altered <event_id> (leaf N)`. */
  readonly message: string
  readonly event_id?: string
  readonly leaf_index?: number
}

/** A leaf whose event the retention job removed: reported, not a failure. */
export interface RemovedEvent {
  readonly event_id: string
  readonly leaf_index: number
  readonly removed_at: string
}

/** How the new checkpoint relates to the remembered one (`--state`). */
export type ConsistencyStatus =
  /** No `--state` given. */
  | 'not_requested'
  /** `--state` names a file that does not exist yet: nothing to compare, it is written on success. */
  | 'first_run'
  /** Same size and root as the remembered checkpoint. */
  | 'unchanged'
  /** The consistency proof from the remembered size verified. */
  | 'verified'
  /** Rolled back or inconsistent (see the failures). */
  | 'failed'

/** What `audit-trail verify --json` prints, and `verifyLog` returns. */
export interface VerifyReport {
  /** True when nothing failed: exit status 0. */
  valid: boolean
  /** The service URL or bundle folder. */
  source: string
  checkpoint: {
    origin: string
    tree_size: number
    root_hash: string
    timestamp: string
    key_id: string
    signature: string
    signature_valid: boolean
  }
  consistency: { status: ConsistencyStatus; from_tree_size?: number; from_root_hash?: string }
  leaves: {
    /** Leaves read and hashed. */
    read: number
    /** Whether they hash to the checkpoint's root. */
    root_matches: boolean
    /** Leaves the selection covers (`--correlation-id`, `--since`, `--until`). */
    selected: number
  }
  events: {
    /** Selected events received. */
    received: number
    /** Events equal to their leaf. */
    matched: number
    /** Events without a leaf: stored after the checkpoint (not a failure). */
    unsealed: number
    /** Leaves whose event retention removed (not a failure). */
    removed: number
  }
  /** With `--proofs`: inclusion proofs checked and verified. */
  proofs?: { checked: number; verified: number }
  failures: Failure[]
  removed: RemovedEvent[]
  /** Ids of the unsealed events. */
  unsealed: string[]
  /** Set by the command when `--state` is given. */
  state?: { file: string; updated: boolean }
}
