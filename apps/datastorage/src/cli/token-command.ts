import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { isMap, isSeq, parseDocument } from 'yaml'
import { hashToken, parseTokensFile, SCOPES } from '../auth/index.js'

/** What `datastorage token help` prints, and bad usage after its message. */
export const TOKEN_USAGE = `usage: datastorage token create --name NAME --scopes SCOPE[,SCOPE…] [--file PATH]

  create    makes a new random token, prints it once on stdout, and appends its SHA-256 hash
            (never the token) to the tokens file; a running service reloads the file by itself

  --name    who uses the token, e.g. billing-service (letters, digits, . _ -; unique in the file)
  --scopes  audit:write, audit:read, audit:admin, comma-separated
  --file    the tokens file (YAML, or JSON by its .json extension) [AUTH_TOKENS_FILE]; created
            with mode 0600 when it does not exist
`

/** Prefix of every token this command makes: recognisable in a leaked log or a secret scanner. */
export const TOKEN_PREFIX = 'at_'

const NAME = /^[A-Za-z0-9._-]{1,100}$/

/** Where the command reads its settings and writes its output (injected by tests). */
export interface TokenCliIo {
  env: Record<string, string | undefined>
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

class UsageError extends Error {}

/** A new token: the prefix and 256 random bits, base64url. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url')
}

/**
 * Runs `datastorage token …` and returns the exit code: 0 done, 1 the file could not be read or
 * written, 2 bad usage.
 *
 * @example
 * process.exitCode = await runTokenCommand(['create', '--name', 'billing', '--scopes', 'audit:write'], { env: process.env, stdout: process.stdout, stderr: process.stderr })
 */
export async function runTokenCommand(args: readonly string[], io: TokenCliIo): Promise<number> {
  const { stdout, stderr, env } = io
  if (args[0] === 'help' || args[0] === '--help' || args[0] === '-h') {
    stdout.write(TOKEN_USAGE)
    return 0
  }
  let request: { name: string; scopes: string[]; file: string }
  try {
    request = parse(args, env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    stderr.write(`datastorage token: ${error.message}\n${TOKEN_USAGE}`)
    return 2
  }
  const token = generateToken()
  try {
    appendToken(request.file, { name: request.name, sha256: hashToken(token), scopes: request.scopes })
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`datastorage token: ${error.message}\n`)
      return 2
    }
    stderr.write(`datastorage token: ${request.file}: ${(error as Error).message}\n`)
    return 1
  }
  stdout.write(`${token}\n`)
  stderr.write(
    `datastorage token: token "${request.name}" (${request.scopes.join(', ')}) added to ${request.file}. ` +
      'It is shown only this once: only its hash is kept.\n',
  )
  return 0
}

function parse(args: readonly string[], env: Record<string, string | undefined>) {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>
  const options = {
    name: { type: 'string' },
    scopes: { type: 'string' },
    file: { type: 'string' },
  } as const
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const [command, ...rest] = parsed.positionals
  if (command !== 'create' || rest.length > 0) {
    throw new UsageError(
      command === undefined ? 'a command is required' : `unknown command ${JSON.stringify(command)}`,
    )
  }
  const { name, scopes, file = env.AUTH_TOKENS_FILE } = parsed.values
  if (name === undefined || !NAME.test(name)) {
    throw new UsageError('--name is required: 1 to 100 letters, digits, dots, underscores or hyphens')
  }
  const list = (scopes ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = list.filter((s) => !(SCOPES as readonly string[]).includes(s))
  if (list.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--scopes must list one or more of ${SCOPES.join(', ')}${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}`,
    )
  }
  if (!file) throw new UsageError('--file is required when AUTH_TOKENS_FILE is not set')
  return { name, scopes: [...new Set(list)], file }
}

interface TokenEntry {
  name: string
  sha256: string
  scopes: string[]
}

/**
 * Appends `entry` to the file's `tokens` list, keeping what else the file holds (comments of a
 * YAML file included), and replaces the file atomically (temporary file, then rename), mode 0600.
 */
function appendToken(file: string, entry: TokenEntry): void {
  const json = file.endsWith('.json')
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  let output: string
  if (json) {
    const data = (text.trim() === '' ? { tokens: [] } : JSON.parse(text)) as { tokens?: TokenEntry[] }
    if (
      typeof data !== 'object' ||
      data === null ||
      (data.tokens !== undefined && !Array.isArray(data.tokens))
    ) {
      throw new Error('must be a JSON object with a "tokens" array')
    }
    data.tokens ??= []
    refuseDuplicate(
      data.tokens.map((t) => t.name),
      entry.name,
      file,
    )
    data.tokens.push(entry)
    output = `${JSON.stringify(data, null, 2)}\n`
  } else {
    const doc = parseDocument(text.trim() === '' ? 'tokens: []\n' : text)
    if (doc.errors.length > 0) throw new Error(`not valid YAML: ${doc.errors[0]!.message}`)
    if (!isMap(doc.contents)) throw new Error('must be a YAML mapping with a "tokens" list')
    const tokens = doc.get('tokens')
    if (tokens !== undefined && !isSeq(tokens)) throw new Error('"tokens" must be a list')
    const names = isSeq(tokens)
      ? tokens.items.map((item) => (isMap(item) ? String(item.get('name')) : ''))
      : []
    refuseDuplicate(names, entry.name, file)
    const node = doc.createNode(entry)
    if (isSeq(tokens)) {
      tokens.flow = false
      tokens.items.push(node)
    } else doc.set('tokens', doc.createNode([entry]))
    output = doc.toString()
  }
  // The service must read what this writes: check it with the service's own parser first.
  parseTokensFile(output, file)
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, output, { mode: 0o600 })
  renameSync(temporary, file)
}

function refuseDuplicate(names: readonly string[], name: string, file: string): void {
  if (names.includes(name)) throw new UsageError(`${file} already has a token named "${name}"`)
}
