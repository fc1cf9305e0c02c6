import { EventEmitter } from 'node:events'
import type { CliIo } from '../../src/context.js'
import { runCli } from '../../src/program.js'

/** What a run of the CLI in-process left. */
export interface CliRun {
  status: number
  stdout: string
  stderr: string
}

/** Options of {@link cliHarness}. */
export interface HarnessOptions {
  /** stdout is a terminal (tables). */
  tty?: boolean
  /** stderr is a terminal (bars, redrawn counters). */
  stderrTty?: boolean
  env?: Record<string, string | undefined>
  fetch?: typeof globalThis.fetch
}

/** The CLI's io over buffers: stdout collected as bytes (decoded once), stderr as text. */
export interface Harness {
  io: CliIo
  stdout(): string
  stderr(): string
  /** Calls what the command registered for an interrupt (SIGINT for the process). */
  interrupt(): void
}

export function cliHarness(options: HarnessOptions = {}): Harness {
  const out: Buffer[] = []
  const err: string[] = []
  const listeners = new Set<() => void>()
  const stdout = Object.assign(new EventEmitter(), {
    isTTY: options.tty ?? false,
    write: (chunk: string | Uint8Array) => out.push(Buffer.from(chunk)),
  })
  return {
    io: {
      stdout,
      stderr: { write: (t: string) => err.push(t), isTTY: options.stderrTty ?? false },
      env: options.env ?? {},
      fetch: options.fetch,
      onInterrupt: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
    stdout: () => Buffer.concat(out).toString('utf8'),
    stderr: () => err.join(''),
    interrupt: () => {
      for (const listener of listeners) listener()
    },
  }
}

/** Runs `audit-trail <args>` in-process and collects its status and streams. */
export async function runIn(args: string[], options: HarnessOptions = {}): Promise<CliRun> {
  const h = cliHarness(options)
  const status = await runCli(args, h.io)
  return { status, stdout: h.stdout(), stderr: h.stderr() }
}

/** Waits until `predicate` holds, failing after `timeoutMs` with `what`. */
export async function waitUntil(predicate: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
