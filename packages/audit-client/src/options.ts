import { contractLimits } from '@audit-trail/datastorage-client'
import { z } from 'zod'
import { ConfigError } from './errors.js'

/**
 * Defaults of the numeric settings (packages/audit-client/README.md#options); applied once, at
 * construction.
 */
export const DEFAULTS = {
  bufferSize: 10_000,
  batchSize: 1000,
  flushIntervalMs: 1000,
  maxRetries: 3,
  retryBaseMs: 1000,
  retryMaxMs: 30_000,
  requestTimeoutMs: 10_000,
  concurrency: 2,
} as const

/** What `emit()` does when the buffer is full. */
export type OnFull = 'dead-letter' | 'reject'

const count = (min: number) => z.number().int().min(min)

/**
 * The plain settings of the client (everything but functions and objects), shared by
 * `createAuditClient` and `loadAuditClientConfig` so the two cannot disagree.
 */
export const settingsSchema = z
  .object({
    baseUrl: z
      .string()
      .regex(/^https?:\/\/[^\s/]+/, 'must be an http(s) URL')
      .transform((s) => s.replace(/\/+$/, '')),
    service: z.string().min(1, 'must not be empty').max(100),
    bufferSize: count(1).default(DEFAULTS.bufferSize),
    batchSize: count(1).max(contractLimits.maxBatchSize).default(DEFAULTS.batchSize),
    flushIntervalMs: count(1).default(DEFAULTS.flushIntervalMs),
    maxRetries: count(0).max(100).default(DEFAULTS.maxRetries),
    retryBaseMs: count(0).default(DEFAULTS.retryBaseMs),
    retryMaxMs: count(0).default(DEFAULTS.retryMaxMs),
    requestTimeoutMs: count(1).default(DEFAULTS.requestTimeoutMs),
    concurrency: count(1).max(64).default(DEFAULTS.concurrency),
    onFull: z.enum(['dead-letter', 'reject']).optional(),
    token: z.string().min(1).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.batchSize > s.bufferSize) {
      ctx.addIssue({
        code: 'custom',
        path: ['batchSize'],
        message: `must be <= bufferSize (${s.bufferSize}), got ${s.batchSize}`,
      })
    }
    if (s.retryBaseMs > s.retryMaxMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['retryBaseMs'],
        message: `must be <= retryMaxMs (${s.retryMaxMs}), got ${s.retryBaseMs}`,
      })
    }
  })

/** The validated settings with defaults applied. */
export type AuditClientSettings = z.output<typeof settingsSchema>

/**
 * Validates `input` with {@link settingsSchema}.
 *
 * @param nameOf how to name a field in the error (an option name, an env variable, a YAML key).
 * @throws {ConfigError} naming the first invalid field.
 */
export function parseSettings(
  input: unknown,
  nameOf: (key: string) => string = (k) => k,
): AuditClientSettings {
  const result = settingsSchema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const key = issue.path.length > 0 ? String(issue.path[0]) : '(root)'
  const rest = issue.path.slice(1).map(String)
  const field = [nameOf(key), ...rest].join('.')
  throw new ConfigError(field, issue.message, { cause: result.error })
}
