#!/usr/bin/env node
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { replaySpool } from './dead-letter/replay-spool.js'
import { describe } from './errors.js'

const USAGE = `usage: audit-spool-replay --spool <path> --url <baseUrl> [--token <token>] [--batch-size N]

Sends the events of an audit-client file spool back to the DataStorage service.
  --spool        the spool's live file, as given to fileDeadLetterQueue({ path })
  --url          base URL of the service, e.g. http://127.0.0.1:8080
  --token        Bearer token (default: $AUDIT_TOKEN; the environment keeps it out of 'ps')
  --batch-size   events per request, 1-5000 (default 1000)
Exit status: 0 all replayed, 1 something remains in the spool, 2 usage error.`

/** Where the CLI writes; injectable so tests run it in-process. */
export interface CliIo {
  stdout: (line: string) => void
  stderr: (line: string) => void
  env?: Record<string, string | undefined>
  fetch?: typeof globalThis.fetch
}

const defaultIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}

/**
 * Runs `audit-spool-replay` with `args` (without the node and script paths) and returns the exit
 * status: 0 when the spool is empty afterwards, 1 when events remain, 2 on a usage error.
 */
export async function runCli(args: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse(args).values
  } catch (error) {
    return usage(io, describe(error))
  }
  if (values.help) {
    io.stdout(USAGE)
    return 0
  }
  if (!values.spool) return usage(io, '--spool is required')
  if (!values.url || !/^https?:\/\//.test(values.url)) return usage(io, '--url must be an http(s) URL')
  let batchSize: number | undefined
  if (values['batch-size'] !== undefined) {
    batchSize = Number(values['batch-size'])
    if (!/^\d+$/.test(values['batch-size']) || batchSize < 1 || batchSize > 5000) {
      return usage(io, `--batch-size must be an integer from 1 to 5000, got ${values['batch-size']}`)
    }
  }
  const token = values.token ?? io.env?.['AUDIT_TOKEN']

  try {
    const result = await replaySpool({
      path: values.spool,
      baseUrl: values.url,
      ...(token ? { token } : {}),
      ...(batchSize !== undefined && { batchSize }),
      ...(io.fetch && { fetch: io.fetch }),
    })
    io.stdout(
      `audit-spool-replay: files=${result.files} replayed=${result.replayed} duplicates=${result.duplicates} ` +
        `rejected=${result.rejected} remaining=${result.remaining}`,
    )
    if (result.rejected > 0)
      io.stderr(`audit-spool-replay: rejected events are in ${values.spool}.rejected.jsonl`)
    if (result.error) io.stderr(`audit-spool-replay: stopped: ${result.error}`)
    return result.remaining > 0 ? 1 : 0
  } catch (error) {
    io.stderr(`audit-spool-replay: ${describe(error)}`)
    return 1
  }
}

const parse = (args: readonly string[]) =>
  parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      spool: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })

function usage(io: CliIo, message: string): number {
  io.stderr(`audit-spool-replay: ${message}`)
  io.stderr(USAGE)
  return 2
}

// Run only as the bin; npm links it through a symlink, hence the realpath.
function invokedAsBin(): boolean {
  const script = process.argv[1]
  if (!script) return false
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href
  } catch {
    return false
  }
}

if (invokedAsBin()) process.exitCode = await runCli(process.argv.slice(2))
