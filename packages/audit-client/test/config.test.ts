import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseDuration } from '../src/config.js'
import { ConfigError, createAuditClient, loadAuditClientConfig } from '../src/index.js'
import { DEFAULTS } from '../src/options.js'

const dir = mkdtempSync(join(tmpdir(), 'audit-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
function yamlFile(text: string): string {
  const path = join(dir, `config-${n++}.yaml`)
  writeFileSync(path, text)
  return path
}

function configError(run: () => unknown): ConfigError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error('expected a ConfigError')
}

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['1s', 1000],
    ['1.5s', 1500],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['250', 250],
    [750, 750],
  ])('%s → %i ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms)
  })

  it.each(['', '1d', 's', '1 s', '-1s', 'fast'])('rejects %j', (input) => {
    expect(() => parseDuration(input)).toThrow(RangeError)
  })

  it('rejects a non-finite number', () => {
    expect(() => parseDuration(Number.NaN)).toThrow(RangeError)
  })
})

describe('loadAuditClientConfig', () => {
  it('reads an object, applying the defaults', () => {
    const config = loadAuditClientConfig({
      env: false,
      values: { baseUrl: 'http://ds:8080/', service: 'gw', batchSize: 10 },
    })
    expect(config).toEqual({
      ...DEFAULTS,
      compression: 'gzip',
      baseUrl: 'http://ds:8080',
      service: 'gw',
      batchSize: 10,
    })
  })

  it('reads AUDIT_* env variables, with durations', () => {
    const config = loadAuditClientConfig({
      env: {
        AUDIT_BASE_URL: 'https://ds.example',
        AUDIT_SERVICE: 'orchestrator',
        AUDIT_BUFFER_SIZE: '500',
        AUDIT_BATCH_SIZE: '50',
        AUDIT_FLUSH_INTERVAL: '250ms',
        AUDIT_MAX_RETRIES: '5',
        AUDIT_RETRY_BASE: '200ms',
        AUDIT_RETRY_MAX: '1m',
        AUDIT_REQUEST_TIMEOUT: '5s',
        AUDIT_CONCURRENCY: '4',
        AUDIT_COMPRESSION: 'none',
        AUDIT_COMPRESSION_THRESHOLD: '1024',
        AUDIT_ON_FULL: 'reject',
        AUDIT_TOKEN: 'tok',
        UNRELATED: 'x',
      },
    })
    expect(config).toEqual({
      baseUrl: 'https://ds.example',
      service: 'orchestrator',
      bufferSize: 500,
      batchSize: 50,
      flushIntervalMs: 250,
      maxRetries: 5,
      retryBaseMs: 200,
      retryMaxMs: 60_000,
      requestTimeoutMs: 5000,
      concurrency: 4,
      compression: 'none',
      compressionThresholdBytes: 1024,
      onFull: 'reject',
      token: 'tok',
    })
  })

  it('reads the nested YAML shape (audit: { datastorage_url, timeout, buffer: {…} })', () => {
    const file = yamlFile(`
# RemediationOrchestrator Configuration
audit:
  datastorage_url: http://datastorage-service:8080
  service: remediation-orchestrator
  timeout: 10s
  buffer:
    buffer_size: 10000
    batch_size: 1000
    flush_interval: 5s
    max_retries: 3
`)
    expect(loadAuditClientConfig({ file, env: false })).toEqual({
      ...DEFAULTS,
      compression: 'gzip',
      baseUrl: 'http://datastorage-service:8080',
      service: 'remediation-orchestrator',
      requestTimeoutMs: 10_000,
      flushIntervalMs: 5000,
    })
  })

  it('reads a flat snake_case YAML file', () => {
    const file = yamlFile(
      'base_url: http://ds:1\nservice: s\nretry_base: 2s\nretry_max: 2m\nrequest_timeout: 1500ms\non_full: reject\n',
    )
    expect(loadAuditClientConfig({ file, env: false })).toMatchObject({
      retryBaseMs: 2000,
      retryMaxMs: 120_000,
      requestTimeoutMs: 1500,
      onFull: 'reject',
    })
  })

  it('reads a JSON file (JSON is YAML: the same shapes, without the yaml package)', () => {
    const file = join(dir, `config-${n++}.json`)
    writeFileSync(
      file,
      JSON.stringify({ audit: { datastorage_url: 'http://ds:1', service: 's', buffer: { batch_size: 7 } } }),
    )
    expect(loadAuditClientConfig({ file, env: false })).toMatchObject({
      baseUrl: 'http://ds:1',
      batchSize: 7,
    })
    const broken = join(dir, `config-${n++}.json`)
    writeFileSync(broken, '{ "service": ')
    expect(configError(() => loadAuditClientConfig({ file: broken, env: false })).field).toBe(broken)
  })

  it('lets env override the file and the object override both; AUDIT_CONFIG_FILE names the file', () => {
    const file = yamlFile(
      'audit:\n  datastorage_url: http://file:1\n  service: from-file\n  buffer:\n    batch_size: 10\n',
    )
    const config = loadAuditClientConfig({
      env: { AUDIT_CONFIG_FILE: file, AUDIT_SERVICE: 'from-env', AUDIT_BATCH_SIZE: '20' },
      values: { batchSize: 30 },
    })
    expect(config).toMatchObject({ baseUrl: 'http://file:1', service: 'from-env', batchSize: 30 })
  })

  it('names a bad env variable', () => {
    const error = configError(() =>
      loadAuditClientConfig({
        env: { AUDIT_BASE_URL: 'http://x', AUDIT_SERVICE: 's', AUDIT_BATCH_SIZE: 'lots' },
      }),
    )
    expect(error.field).toBe('AUDIT_BATCH_SIZE')
    expect(error.message).toContain('must be an integer')
  })

  it('names a bad duration in env', () => {
    const error = configError(() =>
      loadAuditClientConfig({
        env: { AUDIT_BASE_URL: 'http://x', AUDIT_SERVICE: 's', AUDIT_FLUSH_INTERVAL: 'soon' },
      }),
    )
    expect(error.field).toBe('AUDIT_FLUSH_INTERVAL')
    expect(error.message).toBe(
      'AUDIT_FLUSH_INTERVAL: must be a duration such as 500ms, 1s, 2m or 1m30s (a bare number is milliseconds), got "soon"',
    )
  })

  it('says what an integer setting expects, whatever the source', () => {
    const error = configError(() =>
      loadAuditClientConfig({
        env: { AUDIT_BASE_URL: 'http://x', AUDIT_SERVICE: 's', AUDIT_CONCURRENCY: '1.5' },
      }),
    )
    expect(error.message).toBe('AUDIT_CONCURRENCY: must be an integer >= 1 and <= 64, got "1.5"')
    const file = yamlFile('base_url: http://x\nservice: s\nmax_retries: many\n')
    expect(configError(() => loadAuditClientConfig({ file, env: false })).message).toBe(
      `${file}: max_retries: must be an integer >= 0 and <= 100, got "many"`,
    )
    expect(
      loadAuditClientConfig({
        env: { AUDIT_BASE_URL: 'http://x', AUDIT_SERVICE: 's', AUDIT_MAX_RETRIES: ' 7 ' },
      }),
    ).toMatchObject({ maxRetries: 7 })
  })

  it('names an invalid value by where it came from, including cross-field rules', () => {
    const file = yamlFile(
      'audit:\n  datastorage_url: http://ds:1\n  service: s\n  buffer:\n    buffer_size: 100\n    batch_size: 1000\n',
    )
    const error = configError(() => loadAuditClientConfig({ file, env: false }))
    expect(error.field).toBe(`${file}: audit.buffer.batch_size`)
    expect(error.message).toContain('must be <= bufferSize (100)')
    const envError = configError(() =>
      loadAuditClientConfig({
        env: { AUDIT_BASE_URL: 'http://x', AUDIT_SERVICE: 's', AUDIT_MAX_RETRIES: '-1' },
      }),
    )
    expect(envError.field).toBe('AUDIT_MAX_RETRIES')
  })

  it('refuses a base URL with the API path, naming it as written and saying what to use', () => {
    const envError = configError(() =>
      loadAuditClientConfig({ env: { AUDIT_BASE_URL: 'http://h:8080/api/v1/', AUDIT_SERVICE: 's' } }),
    )
    expect(envError.field).toBe('AUDIT_BASE_URL')
    expect(envError.message).toBe(
      'AUDIT_BASE_URL: must be the service root without the API path /api/v1: got "http://h:8080/api/v1/", use "http://h:8080"',
    )
    const file = yamlFile(
      'audit:\n  datastorage_url: http://gw/audit-trail/api/v1/audit/events\n  service: s\n',
    )
    const fileError = configError(() => loadAuditClientConfig({ file, env: false }))
    expect(fileError.field).toBe(`${file}: audit.datastorage_url`)
    expect(fileError.message).toContain('use "http://gw/audit-trail"')
    expect(() => createAuditClient({ baseUrl: 'http://h:8080/api/v1', service: 's' })).toThrow(
      'baseUrl: must be the service root without the API path /api/v1: got "http://h:8080/api/v1", use "http://h:8080"',
    )
  })

  it('accepts a base URL with a reverse-proxy prefix', () => {
    const config = loadAuditClientConfig({
      env: { AUDIT_BASE_URL: 'http://gw/audit-trail/', AUDIT_SERVICE: 's' },
    })
    expect(config.baseUrl).toBe('http://gw/audit-trail')
  })

  it('names an unknown YAML key (a typo must not be ignored silently)', () => {
    const file = yamlFile('audit:\n  buffer:\n    flush_intervall: 1s\n')
    expect(configError(() => loadAuditClientConfig({ file, env: false })).field).toBe(
      `${file}: audit.buffer.flush_intervall`,
    )
  })

  it('names an unknown object key and a missing required setting', () => {
    expect(configError(() => loadAuditClientConfig({ env: false, values: { bathSize: 1 } })).field).toBe(
      'bathSize',
    )
    expect(
      configError(() => loadAuditClientConfig({ env: false, values: { baseUrl: 'http://x' } })).field,
    ).toBe('service')
  })

  it('reports an unreadable or malformed file', () => {
    expect(
      configError(() => loadAuditClientConfig({ file: join(dir, 'missing.yaml'), env: false })).message,
    ).toContain('cannot read YAML')
    const list = yamlFile('- a\n- b\n')
    expect(configError(() => loadAuditClientConfig({ file: list, env: false })).message).toContain('mapping')
    const badDuration = yamlFile('flush_interval: [1]\n')
    expect(configError(() => loadAuditClientConfig({ file: badDuration, env: false })).field).toBe(
      `${badDuration}: flush_interval`,
    )
  })

  it('treats an empty file as no settings', () => {
    const empty = yamlFile('')
    expect(configError(() => loadAuditClientConfig({ file: empty, env: false })).field).toBe(
      `${empty}: datastorage_url`,
    )
  })

  describe('a missing required setting is named where it can be given', () => {
    const baseUrlIs = 'is required: the DataStorage service root URL, e.g. "http://datastorage:8080"'
    const serviceIs = 'is required: the name of the emitting service, 1 to 100 characters'

    it('by its env variable when only env is read', () => {
      expect(configError(() => loadAuditClientConfig({ env: {} })).message).toBe(
        `AUDIT_BASE_URL: ${baseUrlIs}; set the environment variable AUDIT_BASE_URL`,
      )
      const error = configError(() => loadAuditClientConfig({ env: { AUDIT_BASE_URL: 'http://x' } }))
      expect(error.field).toBe('AUDIT_SERVICE')
      expect(error.message).toBe(`AUDIT_SERVICE: ${serviceIs}; set the environment variable AUDIT_SERVICE`)
    })

    it('saying that a variable is set but empty', () => {
      expect(
        configError(() => loadAuditClientConfig({ env: { AUDIT_BASE_URL: 'http://x', AUDIT_SERVICE: '' } }))
          .message,
      ).toBe(`AUDIT_SERVICE: ${serviceIs}; set the environment variable AUDIT_SERVICE (it is empty)`)
    })

    it('listing the YAML key and values.<name> when a file and values are in play', () => {
      const file = yamlFile('audit:\n  service: from-file\n')
      const error = configError(() => loadAuditClientConfig({ file, env: {}, values: { batchSize: 10 } }))
      expect(error.field).toBe('AUDIT_BASE_URL')
      expect(error.message).toBe(
        `AUDIT_BASE_URL: ${baseUrlIs}; set the environment variable AUDIT_BASE_URL, ` +
          `the YAML key audit.datastorage_url in ${file} or values.baseUrl`,
      )
      const flat = yamlFile('datastorage_url: http://x\n')
      expect(configError(() => loadAuditClientConfig({ file: flat, env: {} })).message).toBe(
        `AUDIT_SERVICE: ${serviceIs}; set the environment variable AUDIT_SERVICE or the YAML key service in ${flat}`,
      )
    })

    it('by the file named in AUDIT_CONFIG_FILE', () => {
      const file = yamlFile('audit:\n  datastorage_url: http://x\n')
      expect(configError(() => loadAuditClientConfig({ env: { AUDIT_CONFIG_FILE: file } })).message).toBe(
        `AUDIT_SERVICE: ${serviceIs}; set the environment variable AUDIT_SERVICE or the YAML key audit.service in ${file}`,
      )
    })

    it('by its YAML key or option name when env is not read', () => {
      const file = yamlFile('audit:\n  service: s\n')
      const error = configError(() => loadAuditClientConfig({ file, env: false }))
      expect(error.field).toBe(`${file}: audit.datastorage_url`)
      expect(error.message).toBe(
        `${file}: audit.datastorage_url: ${baseUrlIs}; set the YAML key audit.datastorage_url in ${file}`,
      )
      expect(
        configError(() => loadAuditClientConfig({ env: false, values: { baseUrl: 'http://x' } })).message,
      ).toBe(`service: ${serviceIs}; set values.service`)
      expect(configError(() => loadAuditClientConfig({ env: false })).message).toBe(`baseUrl: ${baseUrlIs}`)
    })

    it('reading process.env by default', () => {
      const saved = { ...process.env }
      try {
        delete process.env.AUDIT_BASE_URL
        delete process.env.AUDIT_CONFIG_FILE
        process.env.AUDIT_SERVICE = 'proc'
        expect(configError(() => loadAuditClientConfig()).field).toBe('AUDIT_BASE_URL')
      } finally {
        process.env = saved
      }
    })

    it('while a bad value before it in the settings is still named first', () => {
      expect(configError(() => loadAuditClientConfig({ env: { AUDIT_BASE_URL: 'ds:8080' } })).message).toBe(
        'AUDIT_BASE_URL: must be an http(s) URL such as "http://datastorage:8080", got "ds:8080"',
      )
    })
  })

  it('reads process.env by default', () => {
    const saved = { ...process.env }
    try {
      process.env.AUDIT_BASE_URL = 'http://from-process:9'
      process.env.AUDIT_SERVICE = 'proc'
      delete process.env.AUDIT_CONFIG_FILE
      expect(loadAuditClientConfig()).toMatchObject({ baseUrl: 'http://from-process:9', service: 'proc' })
    } finally {
      process.env = saved
    }
  })

  it('produces options createAuditClient accepts', async () => {
    const config = loadAuditClientConfig({
      env: { AUDIT_BASE_URL: 'http://127.0.0.1:9', AUDIT_SERVICE: 's', AUDIT_TOKEN: 't' },
    })
    const client = createAuditClient(config)
    expect(client.stats().emitted).toBe(0)
    await client.close()
  })
})
