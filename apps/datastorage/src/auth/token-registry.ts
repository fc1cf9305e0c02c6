import { type FSWatcher, readFileSync, watch } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import type { Logger } from 'pino'
import { ConfigError } from '../errors.js'
import { parseTokensFile, type TokenEntry, type TokenSet, TokensFileError } from './tokens-file.js'

/** What made the registry read its file: start-up, a change of the file, or SIGHUP. */
export type ReloadTrigger = 'startup' | 'file_change' | 'sighup'

/** How the log lines name what made the registry read its file (unchanged since before triggers had names). */
const LOGGED_REASON: Record<ReloadTrigger, string> = {
  startup: 'startup',
  file_change: 'file changed',
  sighup: 'SIGHUP',
}

/** A reload that put a new set in force: the names that came, went or changed (hash or scopes). */
export interface TokensReloaded {
  file: string
  trigger: ReloadTrigger
  /** Tokens in force now. */
  tokens: number
  added: string[]
  removed: string[]
  changed: string[]
}

/** A reload that did not: the file did not read or parse, the last good set stays. */
export interface TokensRejected {
  file: string
  trigger: ReloadTrigger
  reason: string
}

/** Told of every reload (the self-audit); each call must return at once. */
export interface TokensListener {
  reloaded(change: TokensReloaded): void
  rejected(rejection: TokensRejected): void
}

/** The names of `next` that are new, gone or changed (hash or scopes) against `previous`. */
export function diffTokens(
  previous: readonly TokenEntry[],
  next: readonly TokenEntry[],
): Pick<TokensReloaded, 'added' | 'removed' | 'changed'> {
  const before = new Map(previous.map((e) => [e.name, e]))
  const after = new Map(next.map((e) => [e.name, e]))
  const same = (a: TokenEntry, b: TokenEntry) =>
    a.sha256 === b.sha256 && [...a.scopes].sort().join(' ') === [...b.scopes].sort().join(' ')
  return {
    added: [...after.keys()].filter((name) => !before.has(name)),
    removed: [...before.keys()].filter((name) => !after.has(name)),
    changed: [...after.values()]
      .filter((e) => before.has(e.name) && !same(before.get(e.name)!, e))
      .map((e) => e.name),
  }
}

/**
 * The tokens of `AUTH_TOKENS_FILE` in force. {@link reload} reads the file again and swaps the set
 * in one assignment; a file that does not read or parse keeps the last good set and logs why.
 */
export class TokenRegistry {
  readonly path: string
  #set: TokenSet
  readonly #logger: Logger
  /** Bumped on every successful reload, so tests can wait for one. */
  #generation = 0
  #listener: TokensListener | undefined

  /**
   * Reads and parses the file once.
   *
   * @throws ConfigError naming AUTH_TOKENS_FILE, the file and the problem, when it does not read or parse.
   */
  constructor(path: string, logger: Logger) {
    this.path = resolve(path)
    this.#logger = logger
    try {
      this.#set = parseTokensFile(readFileSync(this.path, 'utf8'), this.path)
    } catch (error) {
      throw new ConfigError(`AUTH_TOKENS_FILE: ${messageOf(error)}`, { cause: error })
    }
  }

  /** The entry whose token hashes to `sha256` (lower-case hex), by a map lookup. */
  lookup(sha256: string): TokenEntry | undefined {
    return this.#set.byHash.get(sha256)
  }

  get entries(): readonly TokenEntry[] {
    return this.#set.entries
  }

  get generation(): number {
    return this.#generation
  }

  /**
   * Tells `listener` of every reload from now on, and at once of the set read at start-up (as a
   * `startup` reload that added every name): the registry is read before the self-audit exists.
   */
  listen(listener: TokensListener): void {
    this.#listener = listener
    listener.reloaded({
      file: this.path,
      trigger: 'startup',
      tokens: this.#set.entries.length,
      ...diffTokens([], this.#set.entries),
    })
  }

  /**
   * Reads the file again. On success the new set replaces the old one (logged with the names);
   * otherwise the old set stays and an error names the file and the problem.
   *
   * @returns Whether the new set is in force.
   */
  reload(trigger: Exclude<ReloadTrigger, 'startup'>): boolean {
    let next: TokenSet
    try {
      next = parseTokensFile(readFileSync(this.path, 'utf8'), this.path)
    } catch (error) {
      this.#logger.error(
        {
          file: this.path,
          reason: LOGGED_REASON[trigger],
          problem: messageOf(error),
          tokens: this.#set.entries.length,
        },
        `AUTH_TOKENS_FILE ${this.path} not reloaded, keeping the last good set of ${this.#set.entries.length} token(s): ${messageOf(error)}`,
      )
      this.#listener?.rejected({ file: this.path, trigger, reason: messageOf(error) })
      return false
    }
    const change = diffTokens(this.#set.entries, next.entries)
    this.#set = next
    this.#generation++
    this.#logger.info(
      {
        file: this.path,
        reason: LOGGED_REASON[trigger],
        tokens: next.entries.map((e) => ({ name: e.name, scopes: e.scopes })),
        ...change,
      },
      `AUTH_TOKENS_FILE reloaded: ${next.entries.length} token(s)`,
    )
    this.#listener?.reloaded({ file: this.path, trigger, tokens: next.entries.length, ...change })
    return true
  }
}

const messageOf = (error: unknown): string => {
  if (error instanceof TokensFileError) return error.message
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    return code ? `cannot read the file (${code})` : error.message
  }
  return String(error)
}

/** Options of {@link watchTokensFile}. */
export interface WatchTokensFileOptions {
  /** Quiet time after the last change before reloading (editors write in steps). Default 200 ms. */
  debounceMs?: number
  logger: Logger
}

/**
 * Reloads the registry when its file changes: watches the file's directory (editors and config
 * management replace the file rather than write it in place, which a watch on the file itself
 * would miss), debounced.
 *
 * @returns A function that stops watching.
 */
export function watchTokensFile(registry: TokenRegistry, options: WatchTokensFileOptions): () => void {
  const debounceMs = options.debounceMs ?? 200
  const name = basename(registry.path)
  let timer: NodeJS.Timeout | undefined
  let watcher: FSWatcher | undefined
  try {
    watcher = watch(dirname(registry.path), { persistent: false }, (_event, file) => {
      if (file !== null && file !== name) return
      clearTimeout(timer)
      timer = setTimeout(() => registry.reload('file_change'), debounceMs)
      timer.unref()
    })
    watcher.on('error', (error) =>
      options.logger.error(
        { err: error, file: registry.path },
        'watching AUTH_TOKENS_FILE failed; reload with SIGHUP',
      ),
    )
  } catch (error) {
    options.logger.error(
      { err: error, file: registry.path },
      'cannot watch AUTH_TOKENS_FILE; reload with SIGHUP',
    )
  }
  return () => {
    clearTimeout(timer)
    watcher?.close()
  }
}
