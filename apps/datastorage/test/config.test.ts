import { hostname } from 'node:os'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/env.js'
import { ConfigError } from '../src/errors.js'

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`)
}

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './.data',
      databasePoolMax: 10,
      databaseWriteTimeoutMs: 8000,
      redisUrl: undefined,
      dlq: {
        stream: 'audit:dlq:events',
        deadLetterStream: 'audit:dead-letter:events',
        consumerGroup: 'datastorage',
        consumerName: `${hostname()}-${process.pid}`,
        capacity: 1_000_000,
        maxAttempts: 5,
        replayBatch: 500,
        claimIdleMs: 30_000,
      },
      logLevel: 'info',
      logFormat: 'auto',
      bodyLimitBytes: 5 * 1024 * 1024,
      bodyReadBudgetBytes: 32 * 1024 * 1024,
      maxBatchSize: 5000,
      maxNewPartitions: 12,
      unknownEventTypes: 'accept',
      shutdownTimeoutMs: 10_000,
      shutdownDrainDelayMs: 0,
      authDisabled: false,
      authTokensFile: undefined,
      metricsToken: undefined,
      selfAudit: { enabled: true, failureWindowMs: 60_000 },
      transparencyLog: {
        enabled: true,
        checkpointIntervalMs: 10_000,
        signingKeyFile: undefined,
        origin: 'audit-trail',
        sequencerIntervalMs: 200,
        sequencerBatchSize: 5000,
        sequencerThread: 'auto',
      },
      retention: { enabled: false, intervalMs: 3_600_000 },
      ui: { enabled: true, traceUrlTemplate: undefined },
    })
  })

  it('parses every variable', () => {
    const config = loadConfig({
      PORT: '9090',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/audit',
      DATA_DIR: '/var/lib/audit',
      DATABASE_POOL_MAX: '25',
      DATABASE_WRITE_TIMEOUT_MS: '3000',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      DLQ_STREAM: 'audit:dlq:test',
      DEAD_LETTER_STREAM: 'audit:dead-letter:test',
      DLQ_CONSUMER_GROUP: 'ds',
      DLQ_CONSUMER_NAME: 'replica-1',
      DLQ_CAPACITY: '5000',
      DLQ_MAX_ATTEMPTS: '3',
      DLQ_REPLAY_BATCH: '100',
      DLQ_CLAIM_IDLE_MS: '10000',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      BODY_LIMIT_BYTES: '1048576',
      BODY_READ_BUDGET_BYTES: '8388608',
      MAX_BATCH_SIZE: '1000',
      MAX_NEW_PARTITIONS: '3',
      UNKNOWN_EVENT_TYPES: 'reject',
      SHUTDOWN_TIMEOUT_MS: '2500',
      SHUTDOWN_DRAIN_DELAY_MS: '500',
      AUTH_DISABLED: 'true',
      AUTH_TOKENS_FILE: '/etc/audit/tokens.yaml',
      METRICS_TOKEN: 'scrape-me-0123456789',
      SELF_AUDIT: 'false',
      SELF_AUDIT_FAILURE_WINDOW_MS: '5000',
      TRANSPARENCY_LOG: 'off',
      CHECKPOINT_INTERVAL_MS: '2500',
      SIGNING_KEY_FILE: '/etc/audit/signing-key.pem',
      LOG_ORIGIN: 'audit.example.com/prod',
      SEQUENCER_INTERVAL_MS: '50',
      SEQUENCER_BATCH_SIZE: '1000',
      SEQUENCER_THREAD: 'worker',
      RETENTION_ENABLED: 'true',
      RETENTION_INTERVAL_MS: '60000',
      UI_ENABLED: 'false',
      UI_TRACE_URL_TEMPLATE: 'https://tracing.example/trace/{trace_id}?from=audit',
    })
    expect(config).toEqual({
      port: 9090,
      host: '127.0.0.1',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/audit',
      dataDir: '/var/lib/audit',
      databasePoolMax: 25,
      databaseWriteTimeoutMs: 3000,
      redisUrl: 'redis://127.0.0.1:6379/0',
      dlq: {
        stream: 'audit:dlq:test',
        deadLetterStream: 'audit:dead-letter:test',
        consumerGroup: 'ds',
        consumerName: 'replica-1',
        capacity: 5000,
        maxAttempts: 3,
        replayBatch: 100,
        claimIdleMs: 10_000,
      },
      logLevel: 'debug',
      logFormat: 'json',
      bodyLimitBytes: 1_048_576,
      bodyReadBudgetBytes: 8_388_608,
      maxBatchSize: 1000,
      maxNewPartitions: 3,
      unknownEventTypes: 'reject',
      shutdownTimeoutMs: 2500,
      shutdownDrainDelayMs: 500,
      authDisabled: true,
      authTokensFile: '/etc/audit/tokens.yaml',
      metricsToken: 'scrape-me-0123456789',
      selfAudit: { enabled: false, failureWindowMs: 5000 },
      transparencyLog: {
        enabled: false,
        checkpointIntervalMs: 2500,
        signingKeyFile: '/etc/audit/signing-key.pem',
        origin: 'audit.example.com/prod',
        sequencerIntervalMs: 50,
        sequencerBatchSize: 1000,
        sequencerThread: 'worker',
      },
      retention: { enabled: true, intervalMs: 60_000 },
      ui: { enabled: false, traceUrlTemplate: 'https://tracing.example/trace/{trace_id}?from=audit' },
    })
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ', HOST: ' \t' })).toMatchObject({
      port: 8080,
      databaseUrl: undefined,
      host: '127.0.0.1',
    })
  })

  it.each([
    ['PORT', 'abc', 'PORT: must be an integer 0-65535, got "abc"'],
    ['PORT', '70000', 'PORT: must be an integer 0-65535, got "70000"'],
    ['PORT', '80.5', 'PORT: must be an integer 0-65535, got "80.5"'],
    [
      'DATABASE_URL',
      'mysql://localhost/db',
      'DATABASE_URL: must be a URL with scheme postgres:// or postgresql://',
    ],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL: must be a URL with scheme'],
    ['DATABASE_POOL_MAX', '0', 'DATABASE_POOL_MAX: must be an integer 1-1000, got "0"'],
    ['REDIS_URL', 'http://localhost:6379', 'REDIS_URL: must be a URL with scheme redis:// or rediss://'],
    ['DATABASE_WRITE_TIMEOUT_MS', '10', 'DATABASE_WRITE_TIMEOUT_MS: must be an integer 100-600000, got "10"'],
    ['DLQ_CAPACITY', '0', 'DLQ_CAPACITY: must be an integer 1-1000000000, got "0"'],
    ['DLQ_CLAIM_IDLE_MS', 'soon', 'DLQ_CLAIM_IDLE_MS: must be an integer 100-86400000, got "soon"'],
    [
      'DEAD_LETTER_STREAM',
      'audit:dlq:events',
      'DEAD_LETTER_STREAM: must differ from DLQ_STREAM, got "audit:dlq:events"',
    ],
    ['LOG_FORMAT', 'text', 'LOG_FORMAT: must be one of pretty, json, auto, got "text"'],
    [
      'LOG_LEVEL',
      'verbose',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
    ],
    ['BODY_LIMIT_BYTES', '5MB', 'BODY_LIMIT_BYTES: must be an integer'],
    ['BODY_LIMIT_BYTES', '100', 'BODY_LIMIT_BYTES: must be an integer 1024-'],
    [
      'BODY_READ_BUDGET_BYTES',
      '64MiB',
      'BODY_READ_BUDGET_BYTES: must be an integer 1024-17179869184, got "64MiB"',
    ],
    ['BODY_READ_BUDGET_BYTES', '1023', 'BODY_READ_BUDGET_BYTES: must be an integer 1024-'],
    [
      'BODY_READ_BUDGET_BYTES',
      '1048576',
      'BODY_READ_BUDGET_BYTES: must be at least BODY_LIMIT_BYTES (5242880), got "1048576"',
    ],
    ['MAX_BATCH_SIZE', '5001', 'MAX_BATCH_SIZE: must be an integer 1-5000, got "5001"'],
    ['MAX_BATCH_SIZE', '-1', 'MAX_BATCH_SIZE: must be an integer 1-5000, got "-1"'],
    ['MAX_NEW_PARTITIONS', '0', 'MAX_NEW_PARTITIONS: must be an integer 1-1000, got "0"'],
    ['RATE_LIMIT_PER_SECOND', '0', 'RATE_LIMIT_PER_SECOND: must be an integer 1-1000000, got "0"'],
    ['RATE_LIMIT_BURST', '1.5', 'RATE_LIMIT_BURST: must be an integer 1-1000000, got "1.5"'],
    ['UNKNOWN_EVENT_TYPES', 'drop', 'UNKNOWN_EVENT_TYPES: must be one of accept, reject, got "drop"'],
    ['SHUTDOWN_TIMEOUT_MS', '10s', 'SHUTDOWN_TIMEOUT_MS: must be an integer 0-600000, got "10s"'],
    ['SHUTDOWN_DRAIN_DELAY_MS', 'soon', 'SHUTDOWN_DRAIN_DELAY_MS: must be an integer 0-600000'],
    ['AUTH_DISABLED', 'yes please', 'AUTH_DISABLED: must be true or false, got "yes please"'],
    ['SELF_AUDIT', 'off', 'SELF_AUDIT: must be true or false, got "off"'],
    [
      'SELF_AUDIT_FAILURE_WINDOW_MS',
      '99',
      'SELF_AUDIT_FAILURE_WINDOW_MS: must be an integer 100-86400000, got "99"',
    ],
    ['METRICS_TOKEN', 'short', 'METRICS_TOKEN: must be at least 16 characters, got 5 characters'],
    ['SEQUENCER_THREAD', 'thread', 'SEQUENCER_THREAD: must be one of auto, worker, main, got "thread"'],
    [
      'SEQUENCER_THREAD',
      'worker',
      'SEQUENCER_THREAD: worker requires DATABASE_URL (the embedded PGlite cannot be opened from a worker thread), got "worker"',
    ],
  ])('%s=%j is refused with a message naming it', (name, value, message) => {
    const error = configError({ [name]: value })
    expect(error.message).toContain(message)
    expect(error.message.startsWith(`${name}: `)).toBe(true)
    expect(error.code).toBe('CONFIG_INVALID')
  })

  it('does not repeat the value of a secret', () => {
    expect(configError({ METRICS_TOKEN: 'hunter2-secret' }).message).not.toContain('hunter2')
  })

  it('reads the per-token rate limit, the burst defaulting to the rate', () => {
    expect(loadConfig({ RATE_LIMIT_PER_SECOND: '50' }).rateLimit).toEqual({ perSecond: 50, burst: 50 })
    expect(loadConfig({ RATE_LIMIT_PER_SECOND: '50', RATE_LIMIT_BURST: '200' }).rateLimit).toEqual({
      perSecond: 50,
      burst: 200,
    })
    expect(loadConfig({}).rateLimit).toBeUndefined()
  })

  it('accepts SEQUENCER_THREAD=main and auto on PGlite, worker with DATABASE_URL', () => {
    expect(loadConfig({ SEQUENCER_THREAD: 'main' }).transparencyLog.sequencerThread).toBe('main')
    expect(loadConfig({ SEQUENCER_THREAD: 'auto' }).transparencyLog.sequencerThread).toBe('auto')
    const url = 'postgres://postgres@127.0.0.1:5432/audit'
    expect(
      loadConfig({ SEQUENCER_THREAD: 'worker', DATABASE_URL: url }).transparencyLog.sequencerThread,
    ).toBe('worker')
  })

  it('names every bad variable at once', () => {
    const error = configError({ PORT: 'x', LOG_LEVEL: 'loud', MAX_BATCH_SIZE: '0' })
    expect(error.message).toContain('PORT:')
    expect(error.message).toContain('LOG_LEVEL:')
    expect(error.message).toContain('MAX_BATCH_SIZE:')
  })

  it('grows the default BODY_READ_BUDGET_BYTES with BODY_LIMIT_BYTES, so one largest body always fits', () => {
    expect(loadConfig({ BODY_LIMIT_BYTES: String(100 * 1024 * 1024) }).bodyReadBudgetBytes).toBe(
      100 * 1024 * 1024,
    )
    expect(loadConfig({ BODY_LIMIT_BYTES: '1048576' }).bodyReadBudgetBytes).toBe(32 * 1024 * 1024)
    expect(configError({ BODY_LIMIT_BYTES: '2097152', BODY_READ_BUDGET_BYTES: '2097151' }).message).toBe(
      'BODY_READ_BUDGET_BYTES: must be at least BODY_LIMIT_BYTES (2097152), got "2097151"',
    )
    expect(
      loadConfig({ BODY_LIMIT_BYTES: '2097152', BODY_READ_BUDGET_BYTES: '2097152' }).bodyReadBudgetBytes,
    ).toBe(2097152)
  })

  it('does not let MAX_BATCH_SIZE exceed the contract maxItems', async () => {
    const { contractLimits } = await import('@audit-trail/datastorage-client')
    expect(loadConfig({ MAX_BATCH_SIZE: String(contractLimits.maxBatchSize) }).maxBatchSize).toBe(
      contractLimits.maxBatchSize,
    )
    expect(configError({ MAX_BATCH_SIZE: String(contractLimits.maxBatchSize + 1) }).message).toContain(
      'MAX_BATCH_SIZE',
    )
  })
})
