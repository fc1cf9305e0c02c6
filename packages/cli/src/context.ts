import type { KeyObject } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { parsePublicKey } from '@audit-trail/merkle'
import { type Command, Option } from 'commander'
import { describe, InputError, UsageError } from './errors.js'
import type { ProgressStream } from './progress.js'
import { ApiLogSource } from './source/api-source.js'

/** Where a command's report goes: the process's stdout, or a buffer in tests. */
export interface OutputStream {
  write(chunk: string | Uint8Array): unknown
  readonly isTTY?: boolean | undefined
  /** Node's `on`, `once` and `off` for `drain` and `error`, when the stream has them. */
  on?(event: 'drain' | 'error', listener: (...args: unknown[]) => void): unknown
  once?(event: 'drain' | 'error', listener: (...args: unknown[]) => void): unknown
  off?(event: 'drain' | 'error', listener: (...args: unknown[]) => void): unknown
}

/** Where a command reads and writes; injectable so tests run the CLI in-process. */
export interface CliIo {
  /**
   * The report and nothing else (scripts parse it); a terminal gets tables, a pipe JSON lines.
   * `events export` writes the service's bytes to it as they come, and waits for `drain` when
   * `write` returns false (the process's stdout), so a slow reader holds the transfer back instead
   * of filling memory.
   */
  readonly stdout: OutputStream
  /** Progress, warnings and errors. */
  readonly stderr: ProgressStream
  readonly env: Readonly<Record<string, string | undefined>>
  /** The fetch the service is asked with (default: the global one). */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** The clock relative `--since`/`--until` count back from. */
  readonly now?: (() => number) | undefined
  /**
   * Registers `listener` for an interrupt (SIGINT for the process) and returns its removal:
   * `events tail -f` ends on it with status 0. Only commands that run until interrupted listen,
   * so Ctrl-C still kills the others at once.
   */
  readonly onInterrupt?: ((listener: () => void) => () => void) | undefined
}

/** What every command shares: its io and how it reaches the service. */
export interface CliContext {
  readonly io: CliIo
}

/** The options {@link addServiceOptions} adds. */
export interface ServiceOptions {
  url?: string | undefined
  token?: string | undefined
}

/** The options {@link addOutputOptions} adds. */
export interface OutputOptions {
  json?: boolean | undefined
}

/**
 * `--url` and `--token`, shared by every command that talks to the service; `scope` is what the
 * token must hold for this command (named in its help).
 */
export function addServiceOptions(command: Command, scope = 'audit:read'): Command {
  return command
    .addOption(
      new Option('--url <url>', 'service root, e.g. http://127.0.0.1:8080 (default: $AUDIT_TRAIL_URL)'),
    )
    .addOption(
      new Option(
        '--token <token>',
        `bearer token with ${scope} (default: $AUDIT_TRAIL_TOKEN, which keeps it out of the process list)`,
      ),
    )
}

/** `--json`: a machine-readable report on stdout. */
export function addOutputOptions(command: Command): Command {
  return command.option('--json', 'print the report as JSON')
}

/** Where the service is and how to authenticate to it, resolved from the options and the environment. */
export interface ServiceEndpoint {
  readonly url: string
  /** Undefined for an open service (protected mode on loopback). */
  readonly token: string | undefined
}

/**
 * `--url` or `AUDIT_TRAIL_URL`, `--token` or `AUDIT_TRAIL_TOKEN`: the same for every command.
 *
 * @throws UsageError when there is no URL or it is not http(s).
 */
export function serviceEndpoint(context: CliContext, options: ServiceOptions): ServiceEndpoint {
  const url = options.url ?? context.io.env['AUDIT_TRAIL_URL']
  if (!url) throw new UsageError('the service URL is required: --url or AUDIT_TRAIL_URL')
  if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(`--url must be an http(s) URL, got ${url}`)
  const token = options.token ?? context.io.env['AUDIT_TRAIL_TOKEN']
  return { url, token: token || undefined }
}

/** A client source for the service the options (or the environment) name. */
export function serviceSource(
  context: CliContext,
  options: ServiceOptions,
  signal?: AbortSignal,
): ApiLogSource {
  const { url, token } = serviceEndpoint(context, options)
  return new ApiLogSource({ url, token, fetch: context.io.fetch, signal })
}

/**
 * The public key in `file`: PEM (SPKI) or the base64 of the raw 32 bytes, as `datastorage log
 * public-key` prints it. It must come from the operator out of band, never from the service under
 * test, or a compromised service could vouch for itself.
 */
export async function loadPublicKey(file: string): Promise<KeyObject> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new InputError(`cannot read the public key ${file}: ${describe(error)}`, { cause: error })
  }
  try {
    return parsePublicKey(text.trim())
  } catch (error) {
    throw new InputError(`${file} is not an Ed25519 public key (PEM or raw base64): ${describe(error)}`, {
      cause: error,
    })
  }
}

/** Writes `text` and a newline to the report stream. */
export function print(context: CliContext, text: string): void {
  context.io.stdout.write(`${text}\n`)
}
