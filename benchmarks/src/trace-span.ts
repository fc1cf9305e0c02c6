import { AsyncLocalStorage } from 'node:async_hooks'
import {
  type Context,
  type ContextManager,
  context,
  ROOT_CONTEXT,
  TraceFlags,
  trace,
} from '@opentelemetry/api'

/**
 * OpenTelemetry's context manager for Node reduced to what the emit benchmark uses (the package
 * `@opentelemetry/context-async-hooks` does the same with AsyncLocalStorage, and binds event
 * emitters too): the active context follows the code across awaits, as in an instrumented service.
 */
class AsyncLocalContextManager implements ContextManager {
  readonly #storage = new AsyncLocalStorage<Context>()

  active(): Context {
    return this.#storage.getStore() ?? ROOT_CONTEXT
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.#storage.run(ctx, () => fn.call(thisArg, ...args))
  }

  bind<T>(_ctx: Context, target: T): T {
    return target
  }

  enable(): this {
    return this
  }

  disable(): this {
    this.#storage.disable()
    return this
  }
}

/**
 * Runs `fn` with a sampled span active (a context manager registered for the call only, so the
 * other measures, OpenTelemetry's peer included, run without one, as before).
 */
export async function inActiveSpan<T>(fn: () => Promise<T>): Promise<T> {
  if (!context.setGlobalContextManager(new AsyncLocalContextManager())) {
    throw new Error('emit benchmark: a global OpenTelemetry context manager is already registered')
  }
  try {
    const span = trace.wrapSpanContext({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    })
    return await context.with(trace.setSpan(ROOT_CONTEXT, span), fn)
  } finally {
    context.disable()
  }
}
