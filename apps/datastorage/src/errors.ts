/** Base class of every error the DataStorage service raises on purpose; `code` is stable. */
export class DataStorageError extends Error {
  override readonly name: string = 'DataStorageError'
  readonly code: string
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

/** Configuration is invalid; the message names the variable. Raised at start-up only. */
export class ConfigError extends DataStorageError {
  override readonly name = 'ConfigError'
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', message, options)
  }
}

/** The database could not be reached or did not answer in time (connection refused, timeout, pool wait). */
export class StoreUnavailableError extends DataStorageError {
  override readonly name = 'StoreUnavailableError'
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options)
  }
}

/** A query cursor that this service did not issue, or that was tampered with. */
export class InvalidCursorError extends DataStorageError {
  override readonly name = 'InvalidCursorError'
  constructor(message = 'cursor is not valid', options?: { cause?: unknown }) {
    super('INVALID_CURSOR', message, options)
  }
}
