/** Options every error of this package takes: the standard `cause`. */
export type MerkleErrorOptions = ErrorOptions

/**
 * Base class of the errors this package throws for bad data it cannot work with (a malformed hash,
 * checkpoint or key, a missing stored node); `code` is stable and meant for programs, the message
 * for people. Programming errors keep the built-in classes: arguments out of range throw
 * `RangeError`, values JSON cannot carry throw {@link CanonicalizationError} (a `TypeError`).
 * Proof verification never throws on a malformed proof: it answers `false`.
 */
export class MerkleError extends Error {
  override readonly name: string = 'MerkleError'
  readonly code: string

  constructor(code: string, message: string, options?: MerkleErrorOptions) {
    super(message, options)
    this.code = code
  }
}

/** A hash is not 32 bytes, or its text is not 64 hexadecimal characters. */
export class InvalidHashError extends MerkleError {
  override readonly name = 'InvalidHashError'

  constructor(message: string, options?: MerkleErrorOptions) {
    super('INVALID_HASH', message, options)
  }
}

/** A checkpoint's fields cannot be signed as they are (see `checkpointSignedText`). */
export class InvalidCheckpointError extends MerkleError {
  override readonly name = 'InvalidCheckpointError'

  constructor(message: string, options?: MerkleErrorOptions) {
    super('INVALID_CHECKPOINT', message, options)
  }
}

/** A key is unreadable or is not an Ed25519 key of the kind asked for (public or private). */
export class InvalidKeyError extends MerkleError {
  override readonly name = 'InvalidKeyError'

  constructor(message: string, options?: MerkleErrorOptions) {
    super('INVALID_KEY', message, options)
  }
}

/**
 * A proof plan needed a stored perfect node that the lookup did not have (or gave back something
 * that is not a 32-byte hash): the node table and the tree size disagree.
 */
export class MissingNodeError extends MerkleError {
  override readonly name = 'MissingNodeError'
  readonly level: number
  readonly index: number

  constructor(level: number, index: number, message: string, options?: MerkleErrorOptions) {
    super('MISSING_NODE', message, options)
    this.level = level
    this.index = index
  }
}

/** A `CompactRange` cannot be resumed from the given state (peak count or size does not fit). */
export class InvalidCompactRangeError extends MerkleError {
  override readonly name = 'InvalidCompactRangeError'

  constructor(message: string, options?: MerkleErrorOptions) {
    super('INVALID_COMPACT_RANGE', message, options)
  }
}

/**
 * `canonicalJson` met a value JSON cannot carry, or one RFC 8785 says to refuse (NaN, Infinity,
 * undefined, a function, a bigint, a symbol, a lone surrogate, a cycle, an object that is not a
 * plain parsed-JSON object). A `TypeError`, as `JSON.stringify` throws for a bigint; `path` names
 * where (`$.event_data.items[2]`).
 */
export class CanonicalizationError extends TypeError {
  override readonly name = 'CanonicalizationError'
  readonly code = 'NOT_CANONICALIZABLE'
  readonly path: string

  constructor(path: string, reason: string) {
    super(`cannot canonicalize ${path}: ${reason}`)
    this.path = path
  }
}
