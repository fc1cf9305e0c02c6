/**
 * Exit statuses of every `audit-trail` command. Scripts and cron jobs branch on them, so a failure
 * the command found (1: a log that fails verification, an export cut short, a replay that left
 * messages) must never be confused with a command that could not run (2).
 */
export const ExitCode = {
  /** The command did what it was asked; for `verify`: everything checked is valid. */
  Ok: 0,
  /** `verify` ran to the end and something failed verification. */
  VerificationFailed: 1,
  /** `events get`: the service has no event with that id. */
  NotFound: 1,
  /**
   * The command ran and its result is a failure: `events export` cut mid-transfer (nothing
   * complete-looking is left), `dlq replay` that gave up or parked poison messages.
   */
  Failed: 1,
  /** Usage error, unreachable or misbehaving service, refused token, unreadable key, state or bundle. */
  Error: 2,
} as const

/** One of {@link ExitCode}'s values. */
export type ExitStatus = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * An error that stops a command before it can give its answer (exit status 2, {@link exitStatus}).
 * `code` lets callers of the library tell the kinds apart without parsing messages.
 */
export class CliError extends Error {
  readonly code: string

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.code = code
  }

  /** The status the CLI exits with: 2 (could not run) unless a subclass says otherwise. */
  get exitStatus(): ExitStatus {
    return ExitCode.Error
  }
}

/** Arguments that cannot be used: a missing required option, a malformed value, options that exclude each other. */
export class UsageError extends CliError {
  constructor(message: string, options?: ErrorOptions) {
    super('usage', message, options)
  }
}

/**
 * The service could not be asked, or did not answer as the contract says: connection refused, an
 * error status, a body that is not what the spec declares. Not a verification failure: nothing was
 * shown to be wrong with the log, the verifier just could not look.
 */
export class ServiceError extends CliError {
  /** The HTTP status, when the service answered. */
  readonly status: number | undefined

  constructor(message: string, status?: number, options?: ErrorOptions) {
    super('service', message, options)
    this.status = status
  }
}

/**
 * A transfer that started and did not end: the service's answer (an export) broke off after its
 * first bytes, the connection was cut, or the command was interrupted. Exit status 1: the command
 * ran, and what it produced is incomplete (an `--output` file is never left complete-looking).
 */
export class TransferError extends CliError {
  constructor(message: string, options?: ErrorOptions) {
    super('transfer', message, options)
  }

  override get exitStatus(): ExitStatus {
    return ExitCode.Failed
  }
}

/** A local input the command cannot read or use: key file, state file, offline bundle. */
export class InputError extends CliError {
  constructor(message: string, options?: ErrorOptions) {
    super('input', message, options)
  }
}

/** The message of anything thrown, for a one-line report on stderr. */
export function describe(error: unknown): string {
  if (error instanceof Error) {
    // A message that already quotes its cause's is not followed by it again.
    const cause =
      error.cause instanceof Error && !error.message.includes(error.cause.message)
        ? `: ${error.cause.message}`
        : ''
    return `${error.message}${cause}`
  }
  return String(error)
}
