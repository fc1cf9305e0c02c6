import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateToken, sha256Hex } from '../datastorage-process.js'

/**
 * The tokens of a hostile-input run: the service runs in tokens mode with a tokens file of the
 * run's own, holding one token per scope. Valid writes carry the writer's token, queries the
 * reader's; the admin token holds neither scope, so it is refused (403) on every /api/v1 route.
 */

export type HostileScope = 'audit:write' | 'audit:read' | 'audit:admin'

/** A token of the run: the holder's name (what the service logs and records), the token, its one scope. */
export interface HostileToken {
  readonly name: string
  readonly token: string
  readonly scope: HostileScope
}

export interface HostileTokens {
  readonly writer: HostileToken
  readonly reader: HostileToken
  readonly admin: HostileToken
}

/** The characters of a token after its `at_` prefix (base64url). */
export const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Three fresh random tokens, one per scope. */
export function createHostileTokens(): HostileTokens {
  return {
    writer: { name: 'hostile-writer', token: generateToken(), scope: 'audit:write' },
    reader: { name: 'hostile-reader', token: generateToken(), scope: 'audit:read' },
    admin: { name: 'hostile-admin', token: generateToken(), scope: 'audit:admin' },
  }
}

/** `Authorization` value of a token. */
export const bearer = (token: HostileToken): string => `Bearer ${token.token}`

/** A tokens file of the run's tokens, in a temporary directory of its own; `remove()` deletes it. */
export interface HostileTokensFile {
  readonly path: string
  remove(): void
}

/** Writes the tokens file (JSON, which the service reads as YAML; mode 0600 as the CLI writes it). */
export function writeTokensFile(tokens: HostileTokens): HostileTokensFile {
  const dir = mkdtempSync(join(tmpdir(), 'audit-hostile-tokens-'))
  const path = join(dir, 'tokens.json')
  const entries = [tokens.writer, tokens.reader, tokens.admin].map((t) => ({
    name: t.name,
    sha256: sha256Hex(t.token),
    scopes: [t.scope],
  }))
  writeFileSync(path, `${JSON.stringify({ tokens: entries }, null, 2)}\n`, { mode: 0o600 })
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
