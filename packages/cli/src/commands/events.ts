import type { Command } from 'commander'
import {
  addOutputOptions,
  addServiceOptions,
  type CliContext,
  type OutputOptions,
  type ServiceOptions,
  serviceSource,
} from '../context.js'
import { ExitCode, type ExitStatus, UsageError } from '../errors.js'
import { addFilterOptions, type FilterOptions, filterQuery, integerIn } from '../events/filters.js'
import { EventStreamPrinter, eventFormat, printEvents } from '../events/output.js'
import { STREAM_WIDTHS } from '../events/table.js'
import { tailEvents } from '../events/tail.js'
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
