import { createRequire } from 'node:module'
import { Command, CommanderError } from 'commander'
import { registerDlq } from './commands/dlq.js'
import { registerEvents } from './commands/events.js'
import { registerLog } from './commands/log-download.js'
import { registerToken } from './commands/token.js'
import { registerVerify } from './commands/verify.js'
import type { CliContext, CliIo } from './context.js'
import { CliError, describe, ExitCode, type ExitStatus } from './errors.js'

function packageVersion(): string {
  // dist/cli.js and src/program.ts are both one level below package.json.
  const require = createRequire(import.meta.url)
  return (require('../package.json') as { version: string }).version
}

/** The root's help after the command list: what every command shares. */
const ROOT_HELP = `
Every command that talks to the service takes --url (or AUDIT_TRAIL_URL) and --token (or
AUDIT_TRAIL_TOKEN, which keeps it out of the process list); --help works on every command.

Exit status, the same for every command:
  0  done
  1  it ran and found a failure: verify (the log fails verification), events get (no such
     event), events export (the transfer broke off or was interrupted), dlq replay (it gave
     up with messages left, or parked poison messages)
  2  it could not run: usage error, unreachable service, an error answer (a refused token:
     401, a missing scope: 403), unreadable key, state file or bundle`

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    onInterrupt: (listener) => {
      process.once('SIGINT', listener)
      return () => process.off('SIGINT', listener)
    },
  }
}

/**
 * Runs `audit-trail` with `args` (without the node and script paths) and returns the exit status
 * (see {@link ExitCode}). Never exits the process itself, so tests run it in-process.
 */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<ExitStatus> {
  let status: ExitStatus = ExitCode.Ok
  const context: CliContext = { io }
  const program = new Command('audit-trail')
    .description('The audit-trail command line.')
    .version(packageVersion())
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', ROOT_HELP)
  // One module per command (src/commands/); each sets the status its action ends with.
  const setExit = (code: ExitStatus) => {
    status = code
  }
  registerVerify(program, context, setExit)
  registerLog(program, context, setExit)
  registerEvents(program, context, setExit)
  registerDlq(program, context, setExit)
  registerToken(program, context, setExit)
  try {
    await program.parseAsync([...args], { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Error
    const message = error instanceof CliError ? describe(error) : `unexpected error: ${describe(error)}`
    io.stderr.write(`audit-trail: ${message}\n`)
    return error instanceof CliError ? error.exitStatus : ExitCode.Error
  }
  return status
}
