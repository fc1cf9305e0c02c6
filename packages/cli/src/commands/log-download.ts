import type { Command } from 'commander'
import {
  addOutputOptions,
  addServiceOptions,
  type CliContext,
  type OutputOptions,
  print,
  type ServiceOptions,
  serviceSource,
} from '../context.js'
import { ExitCode, type ExitStatus } from '../errors.js'
import { createProgress } from '../progress.js'
import { BUNDLE_FILES, writeBundle } from '../source/bundle.js'
import { readState } from '../verify/state.js'

interface DownloadOptions extends ServiceOptions, OutputOptions {
  out: string
  fromState?: string
}

/** `audit-trail log …`: the log as files, for a verification without network access. */
export function registerLog(parent: Command, context: CliContext, setExit: (code: ExitStatus) => void): void {
  const log = parent
    .command('log')
    .summary('work with the Merkle log as files')
    .description('Work with the Merkle log as files.')
  const download = log
    .command('download')
    .summary('write an offline bundle for `verify --bundle`')
    .description(
      `Writes ${BUNDLE_FILES.checkpoint}, ${BUNDLE_FILES.leaves} and ${BUNDLE_FILES.events} (each event as the service sent it), ` +
        `and with --from-state ${BUNDLE_FILES.consistency}, the proof an offline verify needs to check that the log only grew.\n\n` +
        'Exit status: 0 written, 2 usage error, unreachable service or unwritable folder.',
    )
    .requiredOption('--out <dir>', 'the folder to write (created when missing)')
    .option(
      '--from-state <file>',
      "a verifier's --state file: include the consistency proof from its checkpoint",
    )
  addOutputOptions(addServiceOptions(download)).action(async (options: DownloadOptions) => {
    const source = serviceSource(context, options)
    const previous = options.fromState === undefined ? undefined : await readState(options.fromState)
    const summary = await writeBundle({
      source,
      dir: options.out,
      previous,
      progress: createProgress(context.io.stderr),
    })
    const result = {
      dir: summary.dir,
      tree_size: summary.checkpoint.tree_size,
      root_hash: summary.checkpoint.root_hash,
      leaves: summary.leaves,
      events: summary.events,
      consistency_from: summary.consistencyFrom ?? null,
    }
    print(
      context,
      options.json
        ? JSON.stringify(result, null, 2)
        : `wrote ${result.dir}: checkpoint tree_size ${result.tree_size}, ${result.leaves} leaves, ${result.events} events` +
            (summary.consistencyFrom === undefined
              ? ''
              : `, consistency proof from tree_size ${summary.consistencyFrom}`),
    )
    setExit(ExitCode.Ok)
  })
}
