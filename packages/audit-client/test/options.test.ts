import { contractLimits } from '@audit-trail/datastorage-client'
import { describe, expect, it } from 'vitest'
import { createAuditClient } from '../src/client.js'
import { ConfigError } from '../src/errors.js'
import { DEFAULTS, parseSettings } from '../src/options.js'

const base = { baseUrl: 'http://ds:8080', service: 'svc' }

function configError(run: () => unknown): ConfigError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error('expected a ConfigError')
}

describe('parseSettings', () => {
  it('applies the defaults and leaves unset optional settings absent (not undefined)', () => {
    const settings = parseSettings(base)
    expect(settings).toEqual({ ...DEFAULTS, compression: 'gzip', ...base })
    expect(Object.keys(settings)).not.toContain('onFull')
    expect(Object.keys(settings)).not.toContain('token')
    expect(Object.keys(parseSettings({ ...base, onFull: undefined, token: undefined }))).not.toContain(
      'token',
    )
  })

  it('keeps every valid setting and ignores keys it does not know (functions, objects)', () => {
    const input = {
      ...base,
      bufferSize: 20,
      batchSize: 20,
      flushIntervalMs: 1,
      maxRetries: 0,
      retryBaseMs: 0,
      retryMaxMs: 0,
      requestTimeoutMs: 1,
      concurrency: 64,
      compression: 'none',
      compressionThresholdBytes: 0,
      onFull: 'reject',
      token: 't',
    }
    expect(parseSettings({ ...input, fetch: () => {}, logger: {} })).toEqual(input)
    expect(parseSettings({ ...base, onFull: 'dead-letter', maxRetries: 100 })).toMatchObject({
      onFull: 'dead-letter',
      maxRetries: 100,
    })
  })

  it.each([
    ['http://ds:8080/', 'http://ds:8080'],
    ['https://ds.example//', 'https://ds.example'],
    ['http://gw/audit-trail/', 'http://gw/audit-trail'],
    ['http://gw/api/v1-old', 'http://gw/api/v1-old'],
    ['http://gw/api/v1/audit-trail', 'http://gw/api/v1/audit-trail'],
    ['http://gw/api/v2', 'http://gw/api/v2'],
  ])('accepts baseUrl %s as %s (trailing slashes dropped, a proxy prefix kept)', (baseUrl, expected) => {
    expect(parseSettings({ ...base, baseUrl }).baseUrl).toBe(expected)
  })

  it.each([
    ['http://h:8080/api/v1', 'http://h:8080'],
    ['http://h:8080/api/v1/', 'http://h:8080'],
    ['http://h:8080/api/v1/audit/events', 'http://h:8080'],
    ['http://h:8080/api/v1/audit/events/batch', 'http://h:8080'],
    ['https://gw/audit-trail/api/v1', 'https://gw/audit-trail'],
    ['https://gw/audit-trail//api/v1//', 'https://gw/audit-trail'],
  ])('refuses baseUrl %s with the API path, saying to use %s', (baseUrl, root) => {
    const error = configError(() => parseSettings({ ...base, baseUrl }))
    expect(error.field).toBe('baseUrl')
    expect(error.message).toBe(
      `baseUrl: must be the service root without the API path /api/v1: got "${baseUrl}", use "${root}"`,
    )
  })

  it('does not echo the password of a baseUrl with credentials', () => {
    const error = configError(() => parseSettings({ ...base, baseUrl: 'http://u:secret@h/api/v1' }))
    expect(error.message).toBe(
      'baseUrl: must be the service root without the API path /api/v1: got "http://***@h/api/v1", use "http://***@h"',
    )
  })

  it('names the API-path refusal through nameOf', () => {
    const error = configError(() =>
      parseSettings({ ...base, baseUrl: 'http://h/api/v1' }, (key) => `AUDIT_${key.toUpperCase()}`),
    )
    expect(error.field).toBe('AUDIT_BASEURL')
  })

  const max = contractLimits.maxBatchSize
  it.each([
    [
      { baseUrl: 'ds:8080' },
      'baseUrl: must be an http(s) URL such as "http://datastorage:8080", got "ds:8080"',
    ],
    [{ baseUrl: '' }, 'baseUrl: must be an http(s) URL such as "http://datastorage:8080", got ""'],
    [{ baseUrl: 8080 }, 'baseUrl: must be an http(s) URL such as "http://datastorage:8080", got 8080'],
    [{ baseUrl: null }, 'baseUrl: must be an http(s) URL such as "http://datastorage:8080", got null'],
    [{ service: '' }, 'service: must be a non-empty string of at most 100 characters, got ""'],
    [
      { service: 'x'.repeat(101) },
      'service: must be a non-empty string of at most 100 characters, got a string of 101 characters',
    ],
    [{ service: ['a'] }, 'service: must be a non-empty string of at most 100 characters, got ["a"]'],
    [{ batchSize: 'ten' }, `batchSize: must be an integer >= 1 and <= ${max}, got "ten"`],
    [{ batchSize: 0 }, `batchSize: must be an integer >= 1 and <= ${max}, got 0`],
    [
      { batchSize: max + 1, bufferSize: 100_000 },
      `batchSize: must be an integer >= 1 and <= ${max}, got ${max + 1}`,
    ],
    [{ bufferSize: 0 }, 'bufferSize: must be an integer >= 1, got 0'],
    [{ bufferSize: null }, 'bufferSize: must be an integer >= 1, got null'],
    [{ flushIntervalMs: 1.5 }, 'flushIntervalMs: must be an integer >= 1, got 1.5'],
    [{ maxRetries: -1 }, 'maxRetries: must be an integer >= 0 and <= 100, got -1'],
    [{ maxRetries: 101 }, 'maxRetries: must be an integer >= 0 and <= 100, got 101'],
    [{ retryBaseMs: Number.NaN }, 'retryBaseMs: must be an integer >= 0, got NaN'],
    [{ retryMaxMs: Number.POSITIVE_INFINITY }, 'retryMaxMs: must be an integer >= 0, got Infinity'],
    [{ bufferSize: 2 ** 53 }, 'bufferSize: must be an integer >= 1, got 9007199254740992'],
    [{ requestTimeoutMs: '5s' }, 'requestTimeoutMs: must be an integer >= 1, got "5s"'],
    [{ concurrency: 65 }, 'concurrency: must be an integer >= 1 and <= 64, got 65'],
    [{ compression: 'br' }, 'compression: must be one of "gzip", "none", got "br"'],
    [{ compressionThresholdBytes: -1 }, 'compressionThresholdBytes: must be an integer >= 0, got -1'],
    [{ concurrency: { n: 1 } }, 'concurrency: must be an integer >= 1 and <= 64, got {"n":1}'],
    [{ onFull: 'drop' }, 'onFull: must be one of "dead-letter", "reject", got "drop"'],
    [{ token: '' }, 'token: must be a non-empty string, got an empty string'],
    [{ token: 42 }, 'token: must be a non-empty string, got a number'],
    [{ batchSize: 2000, bufferSize: 1000 }, 'batchSize: must be <= bufferSize (1000), got 2000'],
    [{ retryBaseMs: 5000, retryMaxMs: 1000 }, 'retryBaseMs: must be <= retryMaxMs (1000), got 5000'],
    [{ batchSize: 20_000 }, `batchSize: must be an integer >= 1 and <= ${max}, got 20000`],
  ])('refuses %o: %s', (options, message) => {
    const error = configError(() => parseSettings({ ...base, ...options }))
    expect(error.message).toBe(message)
    expect(error.field).toBe(message.slice(0, message.indexOf(':')))
    expect(error.code).toBe('CONFIG_INVALID')
  })

  it('cuts a long value in the message', () => {
    const error = configError(() => parseSettings({ ...base, onFull: 'z'.repeat(200) }))
    expect(error.message).toBe(`onFull: must be one of "dead-letter", "reject", got "${'z'.repeat(76)}...`)
  })

  it('says what a missing required setting is', () => {
    expect(configError(() => parseSettings({})).message).toBe(
      'baseUrl: is required: the DataStorage service root URL, e.g. "http://datastorage:8080"',
    )
    expect(configError(() => parseSettings({ baseUrl: 'http://x' })).message).toBe(
      'service: is required: the name of the emitting service, 1 to 100 characters',
    )
  })

  it('appends how to set a missing required setting, and only for a missing one', () => {
    const howToSet = (key: string) => `set ${key.toUpperCase()}`
    expect(configError(() => parseSettings({ baseUrl: 'http://x' }, undefined, howToSet)).message).toBe(
      'service: is required: the name of the emitting service, 1 to 100 characters; set SERVICE',
    )
    expect(
      configError(() => parseSettings({ ...base, service: '' }, undefined, howToSet)).message,
    ).not.toContain('set SERVICE')
  })

  it('names the first bad field in the order of the settings, through nameOf', () => {
    const nameOf = (key: string) => `<${key}>`
    expect(configError(() => parseSettings({ baseUrl: 'nope' }, nameOf)).field).toBe('<baseUrl>')
    expect(configError(() => parseSettings({ service: '' }, nameOf)).field).toBe('<baseUrl>')
    expect(configError(() => parseSettings({ ...base, bufferSize: 0, concurrency: 0 }, nameOf)).field).toBe(
      '<bufferSize>',
    )
    // Each field's own rule before the rules between fields.
    expect(
      configError(() => parseSettings({ ...base, batchSize: 2000, bufferSize: 1000, token: '' }, nameOf))
        .field,
    ).toBe('<token>')
  })

  it.each([null, undefined, 'http://x', [base]])(
    'refuses a settings value that is not an object: %o',
    (input) => {
      const error = configError(() => parseSettings(input))
      expect(error.field).toBe('(root)')
      expect(error.message).toMatch(/^\(root\): must be an object with baseUrl and service, got /)
    },
  )
})

describe('createAuditClient', () => {
  it('names a missing baseUrl or service by its option name and says what it is', () => {
    expect(() => createAuditClient({} as never)).toThrow(
      new ConfigError(
        'baseUrl',
        'is required: the DataStorage service root URL, e.g. "http://datastorage:8080"',
      ),
    )
    const error = configError(() => createAuditClient({ baseUrl: 'http://x' } as never))
    expect(error.field).toBe('service')
    expect(error.message).toBe('service: is required: the name of the emitting service, 1 to 100 characters')
  })
})
