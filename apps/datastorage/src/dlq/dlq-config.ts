import { hostname } from 'node:os'
import { DEAD_LETTER_STREAM, DLQ_STREAM } from '@audit-trail/datastorage-client'
import { z } from 'zod'
import { intVar, parseEnv } from '../env-vars.js'

/** Settings of the server-side dead-letter queue, parsed by {@link loadDlqConfig} or merged into `env.ts`. */
export interface DlqConfig {
  /** `DLQ_STREAM` [audit:dlq:events]: where failed writes go and what the replay worker reads. */
  stream: string
  /** `DEAD_LETTER_STREAM` [audit:dead-letter:events]: where poison messages are parked. */
  deadLetterStream: string
  /** `DLQ_CONSUMER_GROUP` [datastorage]: the group every replica's replay worker joins. */
  consumerGroup: string
  /** `DLQ_CONSUMER_NAME` [`<hostname>-<pid>`]: this replica's name within the group. */
  consumerName: string
  /** `DLQ_CAPACITY` [1000000]: messages the stream may hold; at 100% writes answer 503. */
  capacity: number
  /** `DLQ_MAX_ATTEMPTS` [5]: tries before a message that keeps failing on its own is parked. */
  maxAttempts: number
  /** `DLQ_REPLAY_BATCH` [500]: messages read and inserted per replay round. */
  replayBatch: number
  /** `DLQ_CLAIM_IDLE_MS` [30000]: how long a message may sit with a silent consumer before another takes it. */
  claimIdleMs: number
}

// Stream and group names become Redis keys and arguments: no blanks, no whitespace inside.
const name = z.string().refine((s) => /^\S+$/.test(s), { message: 'must be a non-empty name without spaces' })

/** The DLQ variables with their defaults; keys are the variable names, so env.ts can spread them into its schema. */
export const dlqEnvShape = {
  DLQ_STREAM: name.default(DLQ_STREAM),
  DEAD_LETTER_STREAM: name.default(DEAD_LETTER_STREAM),
  DLQ_CONSUMER_GROUP: name.default('datastorage'),
  DLQ_CONSUMER_NAME: name.optional(),
  DLQ_CAPACITY: intVar(1, 1_000_000_000).default(1_000_000),
  DLQ_MAX_ATTEMPTS: intVar(1, 1000).default(5),
  DLQ_REPLAY_BATCH: intVar(1, 10_000).default(500),
  DLQ_CLAIM_IDLE_MS: intVar(100, 86_400_000).default(30_000),
}

/** The cross-field rule of the DLQ variables, for a schema that spreads {@link dlqEnvShape}. */
export const dlqStreamsDiffer = (e: { DLQ_STREAM: string; DEAD_LETTER_STREAM: string }): boolean =>
  e.DLQ_STREAM !== e.DEAD_LETTER_STREAM
/** The issue {@link dlqStreamsDiffer} reports: `.refine(dlqStreamsDiffer, dlqStreamsIssue)`. */
export const dlqStreamsIssue = { message: 'must differ from DLQ_STREAM', path: ['DEAD_LETTER_STREAM'] }

const dlqEnvSchema = z.object(dlqEnvShape).refine(dlqStreamsDiffer, dlqStreamsIssue)

/** The parsed variables of {@link dlqEnvShape}. */
export type DlqEnv = z.output<typeof dlqEnvSchema>

/** Maps parsed variables to {@link DlqConfig}, filling in the default consumer name. */
export function dlqConfigFromEnv(e: DlqEnv): DlqConfig {
  return {
    stream: e.DLQ_STREAM,
    deadLetterStream: e.DEAD_LETTER_STREAM,
    consumerGroup: e.DLQ_CONSUMER_GROUP,
    consumerName: e.DLQ_CONSUMER_NAME ?? `${hostname()}-${process.pid}`,
    capacity: e.DLQ_CAPACITY,
    maxAttempts: e.DLQ_MAX_ATTEMPTS,
    replayBatch: e.DLQ_REPLAY_BATCH,
    claimIdleMs: e.DLQ_CLAIM_IDLE_MS,
  }
}

/**
 * Parses the DLQ settings alone (the operator CLI and tests); the service reads them through
 * `loadConfig`. An empty variable counts as unset.
 *
 * @throws ConfigError naming every bad variable, e.g. `DLQ_CAPACITY: must be an integer 1-1000000000, got "0"`.
 * @example
 * const dlq = loadDlqConfig({ DLQ_STREAM: 'test:1:dlq', DLQ_CAPACITY: '100' })
 */
export function loadDlqConfig(env: Record<string, string | undefined> = process.env): DlqConfig {
  return dlqConfigFromEnv(parseEnv(dlqEnvSchema, env))
}
