import { type Command, Option } from 'commander'
import {
  addOutputOptions,
  addServiceOptions,
  type CliContext,
  type OutputOptions,
  type ServiceOptions,
  serviceEndpoint,
  serviceSource,
} from '../context.js'
import { ExitCode, type ExitStatus, UsageError } from '../errors.js'
import { EXPORT_FORMATS, type ExportFormat, exportEvents } from '../events/export.js'
import { addFilterOptions, type FilterOptions, filterQuery, integerIn } from '../events/filters.js'
import { EventStreamPrinter, eventFormat, printEvents } from '../events/output.js'
import { STREAM_WIDTHS } from '../events/table.js'
import { tailEvents } from '../events/tail.js'
import { createCounter, formatCount } from '../progress.js'
import type { ReceivedEvent } from '../source/log-source.js'
import { parseTimeBound } from '../verify/selection.js'

interface QueryOptions extends ServiceOptions, OutputOptions, FilterOptions {
  limit: number
  all?: boolean
}

interface TailCommandOptions extends ServiceOptions, OutputOptions, FilterOptions {
  lines: number
  follow?: boolean
  interval: number
  lag: string
}

interface ExportCommandOptions extends ServiceOptions, FilterOptions {
  format: ExportFormat
  output?: string
  limit?: number
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const OUTPUT_NOTE =
  'On a terminal: a table (time, type, outcome, actor, resource, correlation). Piped, or with --json: ' +
  'one event a line, as JSON, whole.'

/** `audit-trail events …`: reading events, for people at a terminal and for scripts. */
export function registerEvents(
  parent: Command,
  context: CliContext,
  setExit: (code: ExitStatus) => void,
): void {
  const events = parent
    .command('events')
    .summary('query, read and follow audit events')
    .description('Query, read and follow audit events (a token with audit:read).')

  const query = events
    .command('query')
    .summary('events matching filters, newest first')
    .description(
      `Events matching the filters, newest first: one page (--limit), or every page with --all.\n${OUTPUT_NOTE}\n\n` +
        'Exit status: 0 done (also when nothing matched), 2 usage error, unreachable service or an error answer.',
    )
  addFilterOptions(addServiceOptions(query))
    .option('--limit <n>', 'events per page (1-1000)', integerIn(1, 1000), 100)
    .option('--all', 'follow the keyset cursor through every page')
  addOutputOptions(query).action(async (options: QueryOptions) => {
    await runQuery(context, options)
    setExit(ExitCode.Ok)
  })

  const get = events
    .command('get')
    .summary('one event by its id')
    .description(
      'The event with this id, whole: pretty JSON on a terminal, one line piped (or with --json).\n\n' +
        'Exit status: 0 found, 1 no such event, 2 usage error, unreachable service or an error answer.',
    )
    .argument('<event-id>', 'the event_id (a UUID)')
  addOutputOptions(addServiceOptions(get)).action(
    async (id: string, options: ServiceOptions & OutputOptions) => {
      setExit(await runGet(context, id, options))
    },
  )

  const tail = events
    .command('tail')
    .summary('the newest events, and with -f the ones that follow')
    .description(
      'The newest events matching the filters, oldest first; with -f, every newer one as it is stored, ' +
        `each printed once, until interrupted (Ctrl-C).\n${OUTPUT_NOTE}\n\n` +
        'Exit status: 0 done or interrupted, 2 usage error, unreachable service or an error answer.',
    )
  addFilterOptions(addServiceOptions(tail), { until: false })
    .option(
      '-n, --lines <n>',
      'how many of the newest events to print first (0-1000)',
      integerIn(0, 1000),
      20,
    )
    .option('-f, --follow', 'keep printing newer events until interrupted')
    .option(
      '--interval <ms>',
      'time between two polls with -f, milliseconds',
      integerIn(100, 3_600_000),
      2000,
    )
    .option(
      '--lag <duration>',
      'with -f, also print events stored up to this long after their event_timestamp (e.g. 30s, 5m)',
      '30s',
    )
  addOutputOptions(tail).action(async (options: TailCommandOptions) => {
    await runTail(context, options)
    setExit(ExitCode.Ok)
  })

  const exporter = events
    .command('export')
    .summary('every matching event, streamed as NDJSON or CSV')
    .description(
      'Every event matching the filters, newest first, streamed from the service as it reads them ' +
        '(constant memory, any size): NDJSON (each event whole, as `events get` prints it) or CSV ' +
        '(a header row, one row an event, event_data as JSON text; cells a spreadsheet would run ' +
        "as a formula start with '). To stdout, or with --output to a file written as FILE.partial " +
        'and renamed when the whole export arrived. Rows and bytes on stderr when it is a terminal.\n\n' +
        'Exit status: 0 written (also when nothing matched), 1 the transfer broke off or was ' +
        'interrupted (no FILE is left), 2 usage error, unreachable service or an error answer.',
    )
  addFilterOptions(addServiceOptions(exporter))
    .addOption(new Option('--format <format>', 'ndjson or csv').choices(EXPORT_FORMATS).default('ndjson'))
    .option('-o, --output <file>', 'write to this file instead of stdout (- for stdout)')
    .option(
      '--limit <n>',
      'at most this many events, the newest (default: all that match)',
      integerIn(1, Number.MAX_SAFE_INTEGER),
    )
    .action(async (options: ExportCommandOptions) => {
      await runExport(context, options)
      setExit(ExitCode.Ok)
    })
}

async function runQuery(context: CliContext, options: QueryOptions): Promise<void> {
  const filters = filterQuery(options, (context.io.now ?? Date.now)())
  const source = serviceSource(context, options)
  const format = eventFormat(context, options.json)
  const collected: ReceivedEvent[] = []
  let cursor: string | undefined
  do {
    const page = await source.queryEvents({ ...filters, limit: options.limit, ...(cursor ? { cursor } : {}) })
    // JSON lines go out page by page (constant memory); a table needs all rows for its widths.
    if (format === 'json') printEvents(context, format, page.events)
    else collected.push(...page.events)
    cursor = page.nextCursor
  } while (cursor && options.all)
  if (format === 'table') {
    if (collected.length === 0) context.io.stderr.write('no events match\n')
    else printEvents(context, format, collected)
    if (cursor) context.io.stderr.write(`more events match: --all for every page, or narrow the filters\n`)
  }
}

async function runGet(
  context: CliContext,
  id: string,
  options: ServiceOptions & OutputOptions,
): Promise<ExitStatus> {
  if (!UUID.test(id)) throw new UsageError(`the event id must be a UUID, got ${id}`)
  const event = await serviceSource(context, options).getEvent(id)
  if (event === undefined) {
    context.io.stderr.write(`audit-trail: no event ${id}\n`)
    return ExitCode.NotFound
  }
  const pretty = !options.json && context.io.stdout.isTTY === true
  context.io.stdout.write(
    pretty ? `${JSON.stringify(event.value, null, 2)}\n` : `${JSON.stringify(event.value)}\n`,
  )
  return ExitCode.Ok
}

async function runTail(context: CliContext, options: TailCommandOptions): Promise<void> {
  const nowMs = (context.io.now ?? Date.now)()
  const lag = /^\d{1,9}[smhdw]$/.test(options.lag)
    ? nowMs - parseTimeBound(options.lag, '--lag', nowMs)
    : Number.NaN
  if (Number.isNaN(lag)) throw new UsageError(`--lag must be a duration like 30s, 5m; got ${options.lag}`)
  const query = filterQuery(options, nowMs)
  const sinceMs = options.since === undefined ? undefined : parseTimeBound(options.since, '--since', nowMs)
  const controller = new AbortController()
  const stopListening = options.follow ? context.io.onInterrupt?.(() => controller.abort()) : undefined
  try {
    const source = serviceSource(context, options, controller.signal)
    const printer = new EventStreamPrinter(context, eventFormat(context, options.json), STREAM_WIDTHS)
    await tailEvents({
      source,
      query,
      sinceMs,
      count: options.lines,
      follow: options.follow === true,
      intervalMs: options.interval,
      lagMs: lag,
      signal: controller.signal,
      print: (events) => printer.print(events),
    })
  } finally {
    stopListening?.()
  }
}

async function runExport(context: CliContext, options: ExportCommandOptions): Promise<void> {
  const filters = filterQuery(options, (context.io.now ?? Date.now)())
  const endpoint = serviceEndpoint(context, options)
  const file = options.output === undefined || options.output === '-' ? undefined : options.output
  if (file === '') throw new UsageError('--output must name a file')
  const controller = new AbortController()
  const stopListening = context.io.onInterrupt?.(() => controller.abort())
  try {
    const summary = await exportEvents({
      endpoint,
      fetch: context.io.fetch,
      query: {
        ...filters,
        format: options.format,
        ...(options.limit === undefined ? {} : { limit: options.limit }),
      },
      output: file === undefined ? { stream: context.io.stdout } : { file },
      // Not when the export itself goes to the same terminal: the counter would overwrite its lines.
      progress:
        file === undefined && context.io.stdout.isTTY
          ? undefined
          : createCounter(context.io.stderr, 'export'),
      signal: controller.signal,
    })
    if (summary.file !== undefined) {
      context.io.stderr.write(`wrote ${formatCount(summary.rows, summary.bytes)} to ${summary.file}\n`)
    }
  } finally {
    stopListening?.()
  }
}
