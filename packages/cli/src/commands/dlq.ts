import type { Command } from 'commander'
import {
  addOutputOptions,
  addServiceOptions,
  type CliContext,
  type OutputOptions,
  type ServiceOptions,
  serviceEndpoint,
} from '../context.js'
import { DlqApi } from '../dlq/dlq-api.js'
import { formatMessages, formatReplay, formatStats } from '../dlq/format.js'
import { replayProblems, replayWithProgress } from '../dlq/replay.js'
import { ExitCode, type ExitStatus } from '../errors.js'
import { integerIn } from '../events/filters.js'
import { createProgress } from '../progress.js'

interface InspectOptions extends ServiceOptions, OutputOptions {
  count: number
  deadLetter?: boolean
}

interface ReplayCommandOptions extends ServiceOptions, OutputOptions {
  maxWait?: number
  interval: number
}

const SCOPE = 'audit:admin'
const OUTPUT_NOTE = 'On a terminal: a table. Piped, or with --json: JSON.'

/**
 * `audit-trail dlq …`: the service's dead-letter queue over HTTP (a token with audit:admin), what
 * `datastorage dlq` does on the service's host, from anywhere.
 */
export function registerDlq(parent: Command, context: CliContext, setExit: (code: ExitStatus) => void): void {
  const dlq = parent
    .command('dlq')
    .summary("look at and replay the service's dead-letter queue")
    .description(
      "The service's dead-letter queue (events it could not write to PostgreSQL, kept in Redis) over " +
        'HTTP, with a token with audit:admin.',
    )

  const stats = dlq
    .command('stats')
    .summary('depth, capacity, replay group and dead-letter stream')
    .description(
      `Depth, capacity, replay consumer group and dead-letter stream of the DLQ.\n${OUTPUT_NOTE}\n\n` +
        'Exit status: 0 done (also for a service without a DLQ: enabled false), 2 usage error, ' +
        'unreachable service or an error answer.',
    )
  addOutputOptions(addServiceOptions(stats, SCOPE)).action(
    async (options: ServiceOptions & OutputOptions) => {
      const answer = await api(context, options).stats()
      write(context, options, answer, () => formatStats(answer))
      setExit(ExitCode.Ok)
    },
  )

  const inspect = dlq
    .command('inspect')
    .summary('the oldest messages, decoded')
    .description(
      'The oldest messages of the DLQ (or with --dead-letter, of the poison messages set aside), ' +
        'decoded; the service records the read as an audit event.\n' +
        'On a terminal: a table. Piped, or with --json: one message a line, as JSON.\n\n' +
        'Exit status: 0 done (also when the stream is empty), 2 usage error, unreachable service or ' +
        'an error answer (404: the service has no DLQ).',
    )
  addServiceOptions(inspect, SCOPE)
    .option('--count <n>', 'how many messages (1-100)', integerIn(1, 100), 10)
    .option('--dead-letter', 'the dead-letter stream (poison messages) instead of the DLQ')
  addOutputOptions(inspect).action(async (options: InspectOptions) => {
    const answer = await api(context, options).messages({
      count: options.count,
      stream: options.deadLetter ? 'dead-letter' : 'dlq',
    })
    if (json(context, options)) {
      for (const message of answer.messages) context.io.stdout.write(`${JSON.stringify(message)}\n`)
    } else if (answer.messages.length === 0) {
      context.io.stderr.write(`${answer.stream} is empty\n`)
    } else {
      context.io.stdout.write(formatMessages(answer.messages))
    }
    setExit(ExitCode.Ok)
  })

  const replay = dlq
    .command('replay')
    .summary('drain the DLQ into PostgreSQL now, with a progress bar')
    .description(
      'Asks the service to store the messages of its DLQ now (POST /api/v1/audit/dlq/replay), which ' +
        'answers when the replay ends; meanwhile the DLQ depth is read every --interval to draw the ' +
        'progress on stderr (a bar on a terminal, a line every two seconds otherwise). Poison messages ' +
        'go to the dead-letter stream, events already stored are not stored again.\n' +
        `${OUTPUT_NOTE}\n\n` +
        'Exit status: 0 the queue was replayed, 1 the replay gave up (--max-wait without progress) with ' +
        'messages left, or parked poison messages, 2 usage error, unreachable service or an error answer ' +
        '(404: no DLQ; 409: another replay is running).',
    )
  addServiceOptions(replay, SCOPE)
    .option(
      '--max-wait <ms>',
      "give up after this long without progress (0-600000; default: the service's, max(60000, 2 × DLQ_CLAIM_IDLE_MS))",
      integerIn(0, 600_000),
    )
    .option(
      '--interval <ms>',
      'time between two reads of the depth, for the progress',
      integerIn(50, 60_000),
      500,
    )
  addOutputOptions(replay).action(async (options: ReplayCommandOptions) => {
    const summary = await replayWithProgress({
      api: api(context, options),
      maxWaitMs: options.maxWait,
      progress: createProgress(context.io.stderr),
      pollIntervalMs: options.interval,
    })
    write(context, options, summary, () => formatReplay(summary))
    const problems = replayProblems(summary)
    for (const problem of problems) context.io.stderr.write(`audit-trail: ${problem}\n`)
    setExit(problems.length > 0 ? ExitCode.Failed : ExitCode.Ok)
  })
}

function api(context: CliContext, options: ServiceOptions): DlqApi {
  return new DlqApi({ endpoint: serviceEndpoint(context, options), fetch: context.io.fetch })
}

/** JSON when asked for or when stdout is not a terminal, as `events` does. */
function json(context: CliContext, options: OutputOptions): boolean {
  return options.json === true || context.io.stdout.isTTY !== true
}

/** One answer: a JSON line for scripts, `text()` for a person. */
function write(context: CliContext, options: OutputOptions, value: unknown, text: () => string): void {
  context.io.stdout.write(json(context, options) ? `${JSON.stringify(value)}\n` : text())
}
