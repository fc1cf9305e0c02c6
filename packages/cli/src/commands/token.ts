import { createHash, randomBytes } from 'node:crypto'
import type { Command } from 'commander'
import { addOutputOptions, type CliContext, type OutputOptions, print } from '../context.js'
import { ExitCode, type ExitStatus, UsageError } from '../errors.js'

/**
 * The scopes a token can hold, as the contract's `bearerAuth` security scheme names them (its
 * description, not a generated type: OpenAPI scopes of an http scheme are not a schema).
 */
export const SCOPES = ['audit:write', 'audit:read', 'audit:admin'] as const

/** Prefix of every token, the same as `datastorage token create`'s: recognisable in a leaked log. */
export const TOKEN_PREFIX = 'at_'

const NAME = /^[A-Za-z0-9._-]{1,100}$/

/** A tokens-file entry: what the service keeps instead of the token. */
export interface TokenEntry {
  readonly name: string
  /** Lower-case hex SHA-256 of the token. */
  readonly sha256: string
  readonly scopes: readonly string[]
}

/** A new token (the prefix and 256 random bits, base64url) and its tokens-file entry. */
export function createToken(name: string, scopes: readonly string[]): { token: string; entry: TokenEntry } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const sha256 = createHash('sha256').update(token, 'utf8').digest('hex')
  return { token, entry: { name, sha256, scopes } }
}

/** The entry as YAML lines to paste under the `tokens:` list of the service's tokens file. */
export function entryYaml(entry: TokenEntry): string {
  const scopes = entry.scopes.map((s) => `      - ${s}\n`).join('')
  return `  - name: ${entry.name}\n    sha256: ${entry.sha256}\n    scopes:\n${scopes}`
}

interface CreateOptions extends OutputOptions {
  name: string
  scopes: string
}

/** `audit-trail token create`: a token for the service, made on the operator's machine. */
export function registerToken(
  parent: Command,
  context: CliContext,
  setExit: (code: ExitStatus) => void,
): void {
  const token = parent
    .command('token')
    .summary('make API tokens')
    .description('Make API tokens for the service.')
  const create = token
    .command('create')
    .summary('a new token and its tokens-file entry (no service needed)')
    .description(
      'Prints a new random token on stdout, once, and on stderr the entry (name, SHA-256, scopes) to add ' +
        "to the service's tokens file (AUTH_TOKENS_FILE): the service keeps only the hash, and reloads the file " +
        'by itself. `datastorage token create` on the service host appends it to the file instead.\n' +
        'With --json: {"token", "entry"} on stdout.\n\n' +
        'Exit status: 0 made, 2 usage error.',
    )
    .requiredOption('--name <name>', 'who uses the token, e.g. billing-service (letters, digits, . _ -)')
    .requiredOption('--scopes <scopes>', `comma-separated: ${SCOPES.join(', ')}`)
  addOutputOptions(create).action((options: CreateOptions) => {
    if (!NAME.test(options.name)) {
      throw new UsageError('--name must be 1 to 100 letters, digits, dots, underscores or hyphens')
    }
    const scopes = [
      ...new Set(
        options.scopes
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ]
    const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s))
    if (scopes.length === 0 || unknown.length > 0) {
      throw new UsageError(
        `--scopes must list one or more of ${SCOPES.join(', ')}${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}`,
      )
    }
    const made = createToken(options.name, scopes)
    if (options.json) {
      print(context, JSON.stringify(made, null, 2))
    } else {
      print(context, made.token)
      context.io.stderr.write(
        `audit-trail token: token "${made.entry.name}" (${scopes.join(', ')}). It is shown only this once. ` +
          "Add this entry to the service's tokens file (AUTH_TOKENS_FILE), under `tokens:`:\n\n" +
          entryYaml(made.entry),
      )
    }
    setExit(ExitCode.Ok)
  })
}
