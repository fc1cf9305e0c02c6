/**
 * The reserved names of `recorded_by`: who stored an event when no token did. Each holds a colon,
 * which a token's name cannot (`tokens-file.ts`), so no token can pass for one of them.
 */
export const PRINCIPALS = {
  /** Protected mode (no tokens file): a loopback caller without a token. */
  loopback: 'anonymous:loopback',
  /** `AUTH_DISABLED=true`: anyone. */
  authDisabled: 'anonymous:auth-disabled',
  /** The service's own security events (self-audit). */
  selfAudit: 'datastorage:self-audit',
  /** Replayed from a dead-letter message a client wrote to Redis itself, never through the API. */
  deadLetterQueue: 'redis:dead-letter-queue',
} as const

/** What a token's name may be: printable ASCII without spaces or colons, 1 to 255 characters. */
export const TOKEN_NAME = /^[A-Za-z0-9._@/+-]{1,255}$/
