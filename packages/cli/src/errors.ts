/**
 * Exit statuses of every `audit-trail` command. Scripts and cron jobs branch on them, so a failed
 * verification (1) must never be confused with a verifier that could not run (2).
 */
export const ExitCode = {
  /** The command did what it was asked; for `verify`: everything checked is valid. */
  Ok: 0,
  /** `verify` ran to the end and something failed verification. */
  VerificationFailed: 1,
  /** `events get`: the service has no event with that id. */
  NotFound: 1,
  /** Usage error, unreachable or misbehaving service, unreadable key, state or bundle. */
  Error: 2,
} as const

/** One of {@link ExitCode}'s values. */
export type ExitStatus = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * An error that stops a command before it can give its answer (exit status 2). `code` lets callers
 * of the library tell the kinds apart without parsing messages.
 */
export class CliError extends Error {
  readonly code: string

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.code = code
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

/** A local input the command cannot read or use: key file, state file, offline bundle. */
export class InputError extends CliError {
  constructor(message: string, options?: ErrorOptions) {
    super('input', message, options)
  }
}

/** The message of anything thrown, for a one-line report on stderr. */
export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return `${error.message}${cause}`
  }
  return String(error)
}
