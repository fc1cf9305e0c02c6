import { describe, ServiceError } from '../errors.js'

/** What a call of the typed client resolves to (openapi-fetch's `{ data, error, response }`). */
export interface Answer<T> {
  data?: T
  error?: unknown
  response: Response
}

/**
 * Sends `request`; a request that cannot be made (connection refused, DNS, timeout) becomes a
 * {@link ServiceError} naming `what` and the service `label`.
 */
export async function sendRequest<T>(
  label: string,
  what: string,
  request: () => Promise<Answer<T>>,
): Promise<Answer<T>> {
  try {
    return await request()
  } catch (error) {
    throw new ServiceError(`${what}: cannot reach ${label} (${describe(error)})`, undefined, {
      cause: error,
    })
  }
}

/** The answer's body when its status is 2xx; a {@link ServiceError} with the problem's title otherwise. */
export function answerData<T>(what: string, answer: Answer<T>): T | undefined {
  if (answer.response.ok) return answer.data
  throw new ServiceError(
    `${what}: ${answer.response.status} ${problemText(answer.error)}`,
    answer.response.status,
  )
}

/** {@link sendRequest} then {@link answerData}. */
export async function callService<T>(
  label: string,
  what: string,
  request: () => Promise<Answer<T>>,
): Promise<T | undefined> {
  return answerData(what, await sendRequest(label, what, request))
}

/** An RFC 7807 problem (or whatever the error body was) as one short line: `title: detail`. */
export function problemText(error: unknown): string {
  if (error && typeof error === 'object') {
    const p = error as { title?: unknown; detail?: unknown }
    return [p.title, p.detail].filter((s) => typeof s === 'string').join(': ') || JSON.stringify(error)
  }
  return typeof error === 'string' && error.length > 0 ? error.slice(0, 200) : 'no details'
}

/**
 * The signal of one request: its own timeout (`timeoutMs`, none when undefined) and the command's
 * `abort` (SIGINT), whichever comes first.
 */
export function requestSignal(
  timeoutMs: number | undefined,
  abort: AbortSignal | undefined,
): AbortSignal | undefined {
  const signals = [
    ...(timeoutMs === undefined ? [] : [AbortSignal.timeout(timeoutMs)]),
    ...(abort ? [abort] : []),
  ]
  return signals.length <= 1 ? signals[0] : AbortSignal.any(signals)
}
