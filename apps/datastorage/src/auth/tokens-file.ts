import { createHash } from 'node:crypto'
import { parse as parseYaml } from 'yaml'
import { DataStorageError } from '../errors.js'
import { TOKEN_NAME } from './principals.js'

/** The scopes a token can hold. */
export const SCOPES = ['audit:write', 'audit:read', 'audit:admin'] as const
export type Scope = (typeof SCOPES)[number]

/** One entry of the tokens file: a name for logs, the hash of the token, its scopes. */
export interface TokenEntry {
  /** Who holds the token (`billing-service`); logged, never the token. */
  readonly name: string
  /** Lower-case hex SHA-256 of the token. */
  readonly sha256: string
  readonly scopes: readonly Scope[]
}

/** The parsed tokens file: its entries, and a map from hash to entry for the lookup. */
export interface TokenSet {
  readonly entries: readonly TokenEntry[]
  /** Lower-case hex SHA-256 → entry. */
  readonly byHash: ReadonlyMap<string, TokenEntry>
}

/** The tokens file is not valid; the message names the file and the problem. */
export class TokensFileError extends DataStorageError {
  override readonly name = 'TokensFileError'
  constructor(message: string, options?: { cause?: unknown }) {
    super('TOKENS_FILE_INVALID', message, options)
  }
}

/**
 * The hex SHA-256 of a token, as the tokens file holds it.
 *
 * @example
 * hashToken('s3cret') // '4e738ca5…'
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/

/**
 * Parses the text of an `AUTH_TOKENS_FILE` (YAML, or JSON which is YAML too):
 * `tokens: [{ name: billing-service, sha256: <hex SHA-256 of the token>, scopes: [audit:write] }]`.
 * It holds hashes only. An empty `tokens` list is valid (no token is accepted).
 *
 * @param path - The file's path, named in error messages.
 * @throws TokensFileError naming the file and the first problem (syntax, missing or bad field,
 *   unknown scope, duplicate name or hash).
 */
export function parseTokensFile(text: string, path: string): TokenSet {
  const fail = (problem: string, cause?: unknown): never => {
    throw new TokensFileError(`tokens file ${path}: ${problem}`, { cause })
  }
  let document: unknown
  try {
    document = parseYaml(text)
  } catch (error) {
    fail(`not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`, error)
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return fail('must be a mapping with a "tokens" list')
  }
  const tokens = (document as Record<string, unknown>).tokens
  if (!Array.isArray(tokens)) return fail('"tokens" must be a list')
  const entries: TokenEntry[] = []
  const byHash = new Map<string, TokenEntry>()
  const names = new Set<string>()
  for (const [index, item] of (tokens as unknown[]).entries()) {
    const at = `tokens[${index}]`
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      fail(`${at} must be a mapping with name, sha256 and scopes`)
    }
    const { name, sha256, scopes, ...rest } = item as Record<string, unknown>
    const extra = Object.keys(rest)
    if (extra.length > 0) {
      const hint = extra.includes('token') ? ' (the file holds hashes only: put the SHA-256 in sha256)' : ''
      fail(`${at} has unknown field ${extra.map((k) => JSON.stringify(k)).join(', ')}${hint}`)
    }
    if (typeof name !== 'string' || !TOKEN_NAME.test(name.trim())) {
      fail(
        `${at}.name must be 1 to 255 letters, digits or . _ @ / + - (no spaces, no colon: ` +
          'names with a colon are reserved for recorded_by)',
      )
    }
    if (typeof sha256 !== 'string' || !HEX_SHA256.test(sha256)) {
      fail(`${at}.sha256 must be 64 hex digits (the SHA-256 of the token)`)
    }
    if (!Array.isArray(scopes) || scopes.length === 0) {
      fail(`${at}.scopes must be a non-empty list of ${SCOPES.join(', ')}`)
    }
    for (const scope of scopes as unknown[]) {
      if (!SCOPES.includes(scope as Scope)) {
        fail(`${at}.scopes: unknown scope ${JSON.stringify(scope)} (known: ${SCOPES.join(', ')})`)
      }
    }
    const entry: TokenEntry = {
      name: (name as string).trim(),
      sha256: (sha256 as string).toLowerCase(),
      scopes: [...new Set(scopes as Scope[])],
    }
    if (names.has(entry.name)) fail(`${at}.name ${JSON.stringify(entry.name)} appears twice`)
    if (byHash.has(entry.sha256)) {
      fail(`${at}.sha256 is the same hash as ${JSON.stringify(byHash.get(entry.sha256)!.name)}'s`)
    }
    names.add(entry.name)
    byHash.set(entry.sha256, entry)
    entries.push(entry)
  }
  return { entries, byHash }
}
