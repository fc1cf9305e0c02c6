import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import { BODY_BUDGET_RETRY_AFTER_SECONDS, HttpProblem } from './problem.js'

/**
 * The bytes of request bodies the process holds at once (`BODY_READ_BUDGET_BYTES`). A body is
 * counted from the moment it starts being read until its response is sent, so the parsed JSON
 * and the validation that follow are covered too: a flood of large bodies is refused with 503
 * instead of growing the heap past what the host can give.
 */
export class BodyBudget {
  readonly limitBytes: number
  #inUse = 0

  constructor(limitBytes: number) {
    if (!Number.isSafeInteger(limitBytes) || limitBytes <= 0) {
      throw new RangeError(`body budget must be a positive integer, got ${limitBytes}`)
    }
    this.limitBytes = limitBytes
  }

  /** Bytes reserved now. */
  get inUseBytes(): number {
    return this.#inUse
  }

  /** Reserves `bytes` when they fit; false (and nothing reserved) when they do not. */
  tryReserve(bytes: number): boolean {
    if (bytes < 0 || this.#inUse + bytes > this.limitBytes) return false
    this.#inUse += bytes
    return true
  }

  release(bytes: number): void {
    this.#inUse = Math.max(0, this.#inUse - bytes)
  }
}

/** One request's share of the {@link BodyBudget}, grown while its body is read, released once. */
export class BodyReservation {
  readonly #budget: BodyBudget
  #held = 0
  #released = false
  /** Set when the body was read to its end (by `readJsonText`). */
  complete = false

  constructor(budget: BodyBudget) {
    this.#budget = budget
  }

  /** Bytes held for this request. */
  get heldBytes(): number {
    return this.#held
  }

  /**
   * Grows the reservation to at least `totalBytes`.
   *
   * @throws HttpProblem `body-budget-exhausted` (503, `Retry-After`, `Connection: close`) when the
   *   budget cannot hold them; what was held stays held until {@link release}.
   */
  ensure(totalBytes: number): void {
    if (this.#released) throw new Error('body reservation used after its release')
    if (totalBytes <= this.#held) return
    if (!this.#budget.tryReserve(totalBytes - this.#held)) {
      throw new HttpProblem(
        'body-budget-exhausted',
        'The service is reading too many request bodies at once; this one was not read and nothing was stored. Retry after Retry-After seconds.',
        {
          headers: { 'Retry-After': String(BODY_BUDGET_RETRY_AFTER_SECONDS), Connection: 'close' },
        },
      )
    }
    this.#held = totalBytes
  }

  /** Gives the held bytes back; later calls do nothing. */
  release(): void {
    if (this.#released) return
    this.#released = true
    this.#budget.release(this.#held)
    this.#held = 0
  }
}

const reservations = new WeakMap<Request, BodyReservation>()

/** The reservation {@link bodyBudget} opened for this request; undefined outside that middleware. */
export function bodyReservationOf(c: Context): BodyReservation | undefined {
  return reservations.get(c.req.raw)
}

/** What @hono/node-server passes as `c.env`: the Node request and response. */
interface NodeBindings {
  incoming?: IncomingMessage
  outgoing?: ServerResponse
}

const nodeBindings = (c: Context): NodeBindings => {
  const env: unknown = c.env
  return typeof env === 'object' && env !== null ? (env as NodeBindings) : {}
}

const declaresBody = (c: Context): boolean => {
  const length = c.req.header('content-length')
  return (length !== undefined && length.trim() !== '0') || c.req.header('transfer-encoding') !== undefined
}

/**
 * Whether the request's body was received to its end, so the connection can carry the next
 * request. Served by Node, the parser says (a small body it buffered whole counts, even unread);
 * under `app.request()` a declared body counts once `readJsonText` read it to the end.
 */
export function requestBodyComplete(c: Context): boolean {
  const { incoming } = nodeBindings(c)
  if (incoming && typeof incoming.complete === 'boolean') return incoming.complete
  return !declaresBody(c) || reservations.get(c.req.raw)?.complete === true
}

/**
 * Opens a {@link BodyReservation} per request for `readJsonText` to grow, and releases it when the
 * response has been sent (served by Node; when the handler returns otherwise). A response to a
 * request whose body was not received in full gets `Connection: close`: the rest of that body
 * would otherwise be read as the next request, or cut by a reset while the client still uses the
 * connection.
 */
export function bodyBudget(budget: BodyBudget): MiddlewareHandler {
  return async (c, next) => {
    const reservation = new BodyReservation(budget)
    reservations.set(c.req.raw, reservation)
    let deferred = false
    try {
      await next()
      if (!requestBodyComplete(c)) c.header('Connection', 'close')
      deferred = reservation.heldBytes > 0 && releaseWhenSent(nodeBindings(c), reservation)
    } finally {
      if (!deferred) reservation.release()
    }
  }
}

/**
 * Releases `reservation` when the Node response closes (sent, or its connection gone), or its
 * socket closes, whichever comes first: a response queued behind another on a connection that
 * dies never closes by itself, and a leaked reservation would shrink the budget for good.
 *
 * @returns false when there is no open Node response to wait for (release now).
 */
function releaseWhenSent({ incoming, outgoing }: NodeBindings, reservation: BodyReservation): boolean {
  if (!outgoing || outgoing.destroyed) return false
  const socket = incoming?.socket
  if (!socket || socket.destroyed) return false
  const release = () => {
    outgoing.off('close', release)
    socket.off('close', release)
    reservation.release()
  }
  outgoing.once('close', release)
  socket.once('close', release)
  return true
}
