// The public API: one Merkle/JCS/checkpoint implementation shared by the storage service, which
// builds the log and serves proofs, and the offline verifier, which checks them.
export {
  CHECKPOINT_HEADER,
  type CheckpointBody,
  checkpointSignedText,
  generateSigningKey,
  keyId,
  parsePrivateKey,
  parsePublicKey,
  publicKeyText,
  type SignedCheckpoint,
  type SigningKeyPair,
  signCheckpoint,
  verifyCheckpoint,
} from './checkpoint.js'
export { CompactRange, type CompactRangeState, peakRefs } from './compact-range.js'
export {
  CanonicalizationError,
  InvalidCheckpointError,
  InvalidCompactRangeError,
  InvalidHashError,
  InvalidKeyError,
  MerkleError,
  type MerkleErrorOptions,
  MissingNodeError,
} from './errors.js'
export {
  EMPTY_TREE_ROOT,
  eventLeafHash,
  fromHex,
  HASH_SIZE,
  leafHash,
  nodeHash,
  textLeafHash,
  toHex,
} from './hash.js'
export { canonicalBytes, canonicalJson, canonicalString } from './jcs.js'
export type { NodeId, NodeRef, Range } from './node-ref.js'
export {
  consistencyProof,
  consistencyProofFromLeaves,
  consistencyProofRanges,
  inclusionProof,
  inclusionProofFromLeaves,
  inclusionProofRanges,
  type NodeLookup,
  perfectNodes,
  rangeHash,
} from './proof-plan.js'
export { rootHash } from './tree.js'
export {
  type ConsistencyCheck,
  type InclusionCheck,
  type InclusionClaim,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from './verify.js'
