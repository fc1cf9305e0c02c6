import { createRequire } from 'node:module'
// Types only: erased from the build, so a user without @opentelemetry/api never loads it.
import type { Context, SpanContext } from '@opentelemetry/api'

/**
 * The members of `@opentelemetry/api` the client reads, so that the package's types do not name
 * it (an optional peer dependency): the module as it is fits.
 */
export interface OtelTraceApi {
  context: { active(): Context }
  trace: { getSpanContext(context: Context): SpanContext | undefined }
  isSpanContextValid(spanContext: SpanContext): boolean
}

/** The ids of the active span, as the contract spells them (lower-case hex). */
export interface TraceIds {
  readonly trace_id: string
  readonly span_id: string
}

/** Reads the active span's ids; `undefined` without an active span or with an invalid one. */
export type ActiveTraceIds = () => TraceIds | undefined

/** How a module is loaded: `require` relative to this package (tests pass a failing one). */
export type ModuleLoader = (name: string) => unknown

/** What {@link loadTraceApi} found: the API, or why there is none. */
export type TraceApiLoad =
  | { readonly api: OtelTraceApi }
  | { readonly api: undefined; readonly absent: true }
  | { readonly api: undefined; readonly absent: false; readonly problem: string }

const PACKAGE = '@opentelemetry/api'

/** Whether `error` says that `PACKAGE` itself is not installed (not that something inside it failed). */
function isPackageMissing(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  return (
    (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    message.includes(`'${PACKAGE}'`)
  )
}

/**
 * Loads `@opentelemetry/api`, an optional peer dependency, with `load` (by default `require`
 * relative to this package, which both the ESM and the CommonJS build can do). Never throws: a
 * missing package is `absent`; a package that fails to load or lacks what the client reads is a
 * `problem` (the client then runs without trace context and says why in its log).
 */
export function loadTraceApi(load: ModuleLoader = requireHere()): TraceApiLoad {
  let loaded: unknown
  try {
    loaded = load(PACKAGE)
  } catch (error) {
    if (isPackageMissing(error)) return { api: undefined, absent: true }
    const why = error instanceof Error ? error.message : String(error)
    return { api: undefined, absent: false, problem: `loading ${PACKAGE} failed: ${why}` }
  }
  const api = loaded as Partial<OtelTraceApi> | null | undefined
  if (
    typeof api?.context?.active !== 'function' ||
    typeof api.trace?.getSpanContext !== 'function' ||
    typeof api.isSpanContextValid !== 'function'
  ) {
    return {
      api: undefined,
      absent: false,
      problem: `${PACKAGE} lacks context.active, trace.getSpanContext or isSpanContextValid (version 1.0 or later is needed)`,
    }
  }
  return { api: api as OtelTraceApi }
}

function requireHere(): ModuleLoader {
  return createRequire(import.meta.url)
}

/**
 * A reader of the active span's ids through `api`. Only a valid span context counts
 * (`isSpanContextValid`: 32 and 16 hex digits, not all zeros), sampled or not. Cheap on the emit
 * path: the last span context read is remembered, so a burst of emits in one span validates and
 * lower-cases its ids once (span contexts are immutable by the API's contract).
 */
export function activeTraceIdsFrom(api: OtelTraceApi): ActiveTraceIds {
  const { context, trace, isSpanContextValid } = api
  let lastContext: SpanContext | undefined
  let lastIds: TraceIds | undefined
  return () => {
    const spanContext = trace.getSpanContext(context.active())
    if (spanContext === undefined) return undefined
    if (spanContext !== lastContext) {
      lastContext = spanContext
      // isSpanContextValid accepts upper-case hex; the contract's pattern is lower-case.
      lastIds = isSpanContextValid(spanContext)
        ? { trace_id: spanContext.traceId.toLowerCase(), span_id: spanContext.spanId.toLowerCase() }
        : undefined
    }
    return lastIds
  }
}

let loadedOnce: TraceApiLoad | undefined

/**
 * The process's `@opentelemetry/api`, loaded once, at the first client that wants trace context
 * (never at import: the package stays unloaded for a client created with `traceContext: false`).
 */
export function sharedTraceApi(): TraceApiLoad {
  loadedOnce ??= loadTraceApi()
  return loadedOnce
}
