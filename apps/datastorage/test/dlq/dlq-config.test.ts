import { hostname } from 'node:os'
import { describe, expect, it } from 'vitest'
import { loadDlqConfig } from '../../src/dlq/dlq-config.js'
import { ConfigError } from '../../src/errors.js'

describe('loadDlqConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadDlqConfig({})).toEqual({
      stream: 'audit:dlq:events',
      deadLetterStream: 'audit:dead-letter:events',
      consumerGroup: 'datastorage',
      consumerName: `${hostname()}-${process.pid}`,
      capacity: 1_000_000,
      maxAttempts: 5,
      replayBatch: 500,
      claimIdleMs: 30_000,
    })
  })

  it('reads every variable', () => {
    expect(
      loadDlqConfig({
        DLQ_STREAM: 'test:1:dlq',
        DEAD_LETTER_STREAM: 'test:1:dead',
        DLQ_CONSUMER_GROUP: 'g',
        DLQ_CONSUMER_NAME: 'replica-7',
        DLQ_CAPACITY: '100',
        DLQ_MAX_ATTEMPTS: '2',
        DLQ_REPLAY_BATCH: '50',
        DLQ_CLAIM_IDLE_MS: '1000',
      }),
    ).toEqual({
      stream: 'test:1:dlq',
      deadLetterStream: 'test:1:dead',
      consumerGroup: 'g',
      consumerName: 'replica-7',
      capacity: 100,
      maxAttempts: 2,
      replayBatch: 50,
      claimIdleMs: 1000,
    })
  })

  it('names every bad variable with what it got', () => {
    const error = (() => {
      try {
        loadDlqConfig({ DLQ_CAPACITY: '0', DLQ_MAX_ATTEMPTS: 'five', DLQ_STREAM: 'a b' })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as ConfigError).message
    expect(message).toContain('DLQ_CAPACITY: must be an integer 1-1000000000, got "0"')
    expect(message).toContain('DLQ_MAX_ATTEMPTS: must be an integer 1-1000, got "five"')
    expect(message).toContain('DLQ_STREAM: must be a non-empty name without spaces, got "a b"')
  })

  it('refuses a dead-letter stream equal to the DLQ stream', () => {
    expect(() => loadDlqConfig({ DLQ_STREAM: 'x', DEAD_LETTER_STREAM: 'x' })).toThrow(
      'DEAD_LETTER_STREAM: must differ from DLQ_STREAM, got "x"',
    )
  })
})
