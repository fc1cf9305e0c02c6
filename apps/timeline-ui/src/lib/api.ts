import type { components, paths } from '@audit-trail/datastorage-client'
import createClient, { type Client } from 'openapi-fetch'

type Problem = components['schemas']['Problem']

/** A refused or failed API call, with the problem the service answered (RFC 7807) when it sent one. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    what: string,
  ) {
    super(`${what}: ${status} ${problem?.detail ?? problem?.title ?? ''}`.trim())
  }
}

/** The typed client of the public API (the generated `paths`), sending the reader's token. */
export type ApiClient = Client<paths>

/**
 * A client of this origin's API that sends `Authorization: Bearer <token>` on every call. The
 * token is read from `getToken` at each request (it lives in session storage, never in the URL).
 */
export function createApiClient(
  getToken: () => string | undefined,
  baseUrl = window.location.origin,
): ApiClient {
  const client = createClient<paths>({ baseUrl })
  client.use({
    onRequest({ request }) {
      const token = getToken()
      if (token) request.headers.set('Authorization', `Bearer ${token}`)
      return request
    },
  })
  return client
}

/** Throws an {@link ApiError} for a refused answer; returns the data of an accepted one. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data !== undefined && result.response.ok) return result.data
  const problem =
    typeof result.error === 'object' && result.error !== null ? (result.error as Problem) : undefined
  throw new ApiError(result.response.status, problem, what)
}
