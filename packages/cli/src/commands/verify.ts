import { type Command, Option } from 'commander'
import {
  addOutputOptions,
  addServiceOptions,
  type CliContext,
  loadPublicKey,
  type OutputOptions,
  print,
  type ServiceOptions,
  serviceSource,
} from '../context.js'
import { ExitCode, type ExitStatus } from '../errors.js'
import { createProgress } from '../progress.js'
import { BundleLogSource } from '../source/bundle.js'
import { formatReport } from '../verify/format.js'
import { makeSelection } from '../verify/selection.js'
import { readState, writeState } from '../verify/state.js'
import { acceptedCheckpoint, verifyLog } from '../verify/verify-log.js'

interface VerifyOptions extends ServiceOptions, OutputOptions {
  publicKey: string
  state?: string
  bundle?: string
  correlationId?: string
  since?: string
  until?: string
  proofs?: boolean
}

/** `audit-trail verify`: the whole-log audit, online or from a bundle. */
export function registerVerify(
  parent: Command,
  context: CliContext,
  setExit: (code: ExitStatus) => void,
): void {
  const command = parent
    .command('verify')
    .summary('check the signed log and the events against it')
    .description(
      'Checks the newest checkpoint with the public key, that the log only grew since the checkpoint in --state, ' +
        'that the leaves hash to the signed root, and that every selected event equals its leaf.\n\n' +
        'Exit status: 0 valid, 1 something failed verification, 2 usage error, unreachable service or bad input.',
    )
    .requiredOption('--public-key <file>', 'the service public key, PEM or raw base64 (obtained out of band)')
    .option(
      '--state <file>',
      'the last checkpoint accepted: the new one must be consistent with it; updated when valid',
    )
  addServiceOptions(command)
    .addOption(
      new Option(
        '--bundle <dir>',
        'verify a bundle written by `log download` instead of asking the service',
      ).conflicts(['url', 'token', 'proofs']),
    )
    .option('--correlation-id <id>', 'check only the events of this correlation id')
    .option('--since <time>', 'check only events at or after this time (RFC 3339, or 15m, 24h, 7d ago)')
    .option('--until <time>', 'check only events before this time (RFC 3339, or a duration ago)')
    .option('--proofs', 'also fetch and verify the inclusion proof of every selected event')
  addOutputOptions(command).action(async (options: VerifyOptions) => {
    setExit(await runVerify(context, options))
  })
}

async function runVerify(context: CliContext, options: VerifyOptions): Promise<ExitStatus> {
  const { io } = context
  const selection = makeSelection(options, (io.now ?? Date.now)())
  const publicKey = await loadPublicKey(options.publicKey)
  const source = options.bundle ? new BundleLogSource(options.bundle) : serviceSource(context, options)
  const previous = options.state === undefined ? undefined : await readState(options.state)
  const report = await verifyLog({
    source,
    publicKey,
    previous,
    selection,
    proofs: options.proofs,
    progress: createProgress(io.stderr),
  })
  if (options.state !== undefined) {
    if (report.valid) await writeState(options.state, acceptedCheckpoint(report))
    report.state = { file: options.state, updated: report.valid }
  }
  print(context, options.json ? JSON.stringify(report, null, 2) : formatReport(report))
  return report.valid ? ExitCode.Ok : ExitCode.VerificationFailed
}
