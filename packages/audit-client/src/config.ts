import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { ConfigError } from './errors.js'
import { type AuditClientSettings, parseSettings, type RequiredSetting, showValue } from './options.js'

/**
 * Settings read by {@link loadAuditClientConfig}, validated and with defaults applied; `onFull` and
 * `token` are present only when set (never `undefined`), so the object spreads into
 * `createAuditClient({ ...config, logger })` under `exactOptionalPropertyTypes` too.
 */
export type AuditClientConfig = AuditClientSettings

/** Options of {@link loadAuditClientConfig}. */
export interface LoadAuditClientConfigOptions {
  /** Settings in option form (`batchSize`, `flushIntervalMs`, …); they win over env and file. */
  values?: Record<string, unknown>
  /** A YAML file with snake_case keys [env `AUDIT_CONFIG_FILE`, else none]. */
  file?: string
  /** Environment read for `AUDIT_*` [`process.env`]; `false` reads none. */
  env?: Record<string, string | undefined> | false
}

type Kind = 'string' | 'int' | 'duration'
type Key = keyof AuditClientSettings

/** Each setting: its kind, env variable and snake_case YAML keys (nested `audit:` names first). */
const FIELDS: Record<Key, { kind: Kind; env: string; yaml: readonly string[] }> = {
  baseUrl: { kind: 'string', env: 'AUDIT_BASE_URL', yaml: ['datastorage_url', 'base_url'] },
  service: { kind: 'string', env: 'AUDIT_SERVICE', yaml: ['service'] },
  bufferSize: { kind: 'int', env: 'AUDIT_BUFFER_SIZE', yaml: ['buffer_size'] },
  batchSize: { kind: 'int', env: 'AUDIT_BATCH_SIZE', yaml: ['batch_size'] },
  flushIntervalMs: { kind: 'duration', env: 'AUDIT_FLUSH_INTERVAL', yaml: ['flush_interval'] },
  maxRetries: { kind: 'int', env: 'AUDIT_MAX_RETRIES', yaml: ['max_retries'] },
  retryBaseMs: { kind: 'duration', env: 'AUDIT_RETRY_BASE', yaml: ['retry_base'] },
  retryMaxMs: { kind: 'duration', env: 'AUDIT_RETRY_MAX', yaml: ['retry_max'] },
  requestTimeoutMs: { kind: 'duration', env: 'AUDIT_REQUEST_TIMEOUT', yaml: ['timeout', 'request_timeout'] },
  concurrency: { kind: 'int', env: 'AUDIT_CONCURRENCY', yaml: ['concurrency'] },
  compression: { kind: 'string', env: 'AUDIT_COMPRESSION', yaml: ['compression'] },
  compressionThresholdBytes: {
    kind: 'int',
    env: 'AUDIT_COMPRESSION_THRESHOLD',
    yaml: ['compression_threshold'],
  },
  onFull: { kind: 'string', env: 'AUDIT_ON_FULL', yaml: ['on_full'] },
  token: { kind: 'string', env: 'AUDIT_TOKEN', yaml: ['token'] },
}
const KEYS = Object.keys(FIELDS) as Key[]
const BY_YAML = new Map<string, Key>(KEYS.flatMap((k) => FIELDS[k].yaml.map((y) => [y, k] as const)))
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/**
 * Parses a duration to milliseconds: `500ms`, `1s`, `1.5s`, `2m`, `1h`, `1m30s` (Go style); a bare
 * number is milliseconds.
 * @throws {RangeError} for anything else.
 */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite duration: ${value}`)
    return value
  }
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text)
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/y
  let total = 0
  let at = 0
  while (at < text.length) {
    part.lastIndex = at
    const match = part.exec(text)
    if (!match) throw new RangeError(`not a duration: ${JSON.stringify(value)} (use e.g. 500ms, 1s, 2m)`)
    total += Number(match[1]) * UNITS[match[2]!]!
    at = part.lastIndex
  }
  if (text.length === 0) throw new RangeError('not a duration: empty')
  return Math.round(total)
}

/**
 * A value as written (env text, YAML scalar, option) in the form the settings take. Text that is
 * not an integer stays text, so that the settings' check says what the field expects.
 * @throws {ConfigError} for a value that is not a duration.
 */
function convert(kind: Kind, value: unknown, field: string): unknown {
  if (kind === 'duration') {
    try {
      if (typeof value === 'string' || typeof value === 'number') return parseDuration(value)
    } catch {}
    throw new ConfigError(
      field,
      `must be a duration such as 500ms, 1s, 2m or 1m30s (a bare number is milliseconds), got ${showValue(value)}`,
    )
  }
  if (kind === 'int' && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value)
  if (kind === 'string' && typeof value === 'number') return String(value)
  return value
}

interface Found {
  value: unknown
  field: string
}

/**
 * The `yaml` package's parser. It is an optional peer dependency, loaded only when a YAML file is
 * read (a `.json` file needs nothing: JSON is YAML too).
 */
function yamlParser(path: string): (text: string) => unknown {
  try {
    return (createRequire(import.meta.url)('yaml') as { parse: (text: string) => unknown }).parse
  } catch (cause) {
    throw new ConfigError(
      path,
      "reading a YAML file needs the package 'yaml' (an optional peer dependency): npm install yaml",
      { cause },
    )
  }
}

/**
 * Reads the settings of a YAML (or JSON) file into `found`.
 * @returns the prefix of the file's keys: `'audit.'` for the nested shape, else `''`.
 */
function fromYaml(path: string, found: Map<Key, Found>): string {
  const parse = path.endsWith('.json') ? JSON.parse : yamlParser(path)
  let doc: unknown
  try {
    doc = parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw new ConfigError(path, `cannot read YAML: ${(cause as Error).message}`, { cause })
  }
  if (doc == null) return ''
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError(path, 'must be a YAML mapping')
  const root = doc as Record<string, unknown>
  // The nested shape puts everything under `audit:`, with the buffer settings under `buffer:`.
  const [section, prefix] =
    typeof root.audit === 'object' && root.audit !== null
      ? [root.audit as Record<string, unknown>, 'audit.']
      : [root, '']
  const visit = (obj: Record<string, unknown>, at: string) => {
    for (const [name, value] of Object.entries(obj)) {
      const field = `${at}${name}`
      if (name === 'buffer' && at === prefix && typeof value === 'object' && value !== null) {
        visit(value as Record<string, unknown>, `${field}.`)
        continue
      }
      const key = BY_YAML.get(name)
      if (!key) throw new ConfigError(`${path}: ${field}`, 'is not a known setting')
      found.set(key, {
        value: convert(FIELDS[key].kind, value, `${path}: ${field}`),
        field: `${path}: ${field}`,
      })
    }
  }
  visit(section, prefix)
  return prefix
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}

/**
 * Reads the client's settings from a YAML file, the environment and an object, in rising
 * precedence, and validates them with the same rules as `createAuditClient`.
 *
 * YAML keys are snake_case, flat or nested under `audit:` (`audit: { datastorage_url,
 * timeout, buffer: { buffer_size, batch_size, flush_interval, max_retries } }`); env variables are
 * `AUDIT_BASE_URL`, `AUDIT_SERVICE`, `AUDIT_BUFFER_SIZE`, `AUDIT_BATCH_SIZE`,
 * `AUDIT_FLUSH_INTERVAL`, `AUDIT_MAX_RETRIES`, `AUDIT_RETRY_BASE`, `AUDIT_RETRY_MAX`,
 * `AUDIT_REQUEST_TIMEOUT`, `AUDIT_CONCURRENCY`, `AUDIT_ON_FULL`, `AUDIT_TOKEN` (and
 * `AUDIT_CONFIG_FILE` for the file). Durations take `500ms`, `1s`, `2m`; a bare number is ms.
 *
 * @throws {ConfigError} whose `field` names the bad setting as written: `AUDIT_BATCH_SIZE`,
 * `<file>: audit.buffer.batch_size` or `batchSize`. A missing `baseUrl` or `service` is named by
 * its env variable (`AUDIT_BASE_URL`, `AUDIT_SERVICE`; with `env: false` by its YAML key or option
 * name), and the message lists where it can be given.
 * @example
 * const audit = createAuditClient({ ...loadAuditClientConfig({ file: 'config/audit.yaml' }), logger })
 */
export function loadAuditClientConfig(options: LoadAuditClientConfigOptions = {}): AuditClientConfig {
  const env = options.env === false ? {} : (options.env ?? process.env)
  const found = new Map<Key, Found>()
  const file = options.file ?? env.AUDIT_CONFIG_FILE
  const yamlPrefix = file ? fromYaml(file, found) : undefined
  for (const key of KEYS) {
    const { env: name, kind } = FIELDS[key]
    const raw = env[name]
    if (raw !== undefined && raw !== '') found.set(key, { value: convert(kind, raw, name), field: name })
  }
  for (const [key, value] of Object.entries(options.values ?? {})) {
    if (!(key in FIELDS)) throw new ConfigError(key, 'is not a known setting')
    if (value !== undefined)
      found.set(key as Key, { value: convert(FIELDS[key as Key].kind, value, key), field: key })
  }
  const input = Object.fromEntries([...found].map(([key, f]) => [key, f.value]))
  const yamlKey = (key: Key) => `${yamlPrefix}${FIELDS[key].yaml[0]}`
  // Where a setting none of the sources gave is named: the env variable, else the file's key.
  const missingField = (key: Key) =>
    options.env !== false ? FIELDS[key].env : file ? `${file}: ${yamlKey(key)}` : key
  const howToSet = (key: RequiredSetting) => {
    const ways: string[] = []
    if (options.env !== false) {
      const name = FIELDS[key].env
      ways.push(`the environment variable ${name}${env[name] === '' ? ' (it is empty)' : ''}`)
    }
    if (file) ways.push(`the YAML key ${yamlKey(key)} in ${file}`)
    if (options.values !== undefined) ways.push(`values.${key}`)
    return ways.length > 0 ? `set ${orList(ways)}` : undefined
  }
  return parseSettings(input, (key) => found.get(key as Key)?.field ?? missingField(key as Key), howToSet)
}
