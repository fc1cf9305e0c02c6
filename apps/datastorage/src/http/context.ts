import type { Logger } from 'pino'

/** Hono environment of the app: what middleware puts on the context for the handlers. */
export interface AppEnv {
  Variables: {
    /** From `X-Request-Id` when the caller sent a sane one, else a fresh UUID. */
    requestId: string
    /** The app's logger bound to this request's id. */
    logger: Logger
    /** The name of the token that authenticated the request (tokens mode only). */
    principal?: string
  }
}
