import { contractRequestValidator, type ObservedRequest } from './request-validator.js'
import { contractValidator, type ObservedResponse } from './response-validator.js'

/**
 * Every exchange the e2e suite has with the service is held to the contract: every service the
 * suite starts sits behind a validating proxy (validating-proxy.ts) that calls
 * {@link checkResponse} and {@link checkRequest} (the hostile suite's raw sockets, which bypass it,
 * call them themselves); what differs from openapi/datastorage.yaml is recorded here, and the setup
 * file (setup.ts) fails the test during which it was recorded.
 */

/**
 * Answers the fault proxy makes up itself (a 409, a 503 without Retry-After) are off-contract on
 * purpose: it marks them with this header and they are not checked.
 */
export const INJECTED_HEADER = 'x-e2e-injected'

/** A contract violation and the request whose answer it is in. */
export interface RecordedViolation {
  request: string
  status: number
  violations: string[]
  /** The start of the body, to see what was answered. */
  body: string
}

const recorded: RecordedViolation[] = []
let checked = 0
let checkedRequests = 0
/** How many answers were held to the contract in this process so far. */
export const checkedCount = () => checked
/** How many requests the server accepted were held to the contract in this process so far. */
export const checkedRequestCount = () => checkedRequests
const pending = new Set<Promise<void>>()

/** Makes {@link takeViolations} wait for a check in flight (a proxied answer still streaming). */
export function trackCheck(check: Promise<unknown>): void {
  const tracked = check.then(
    () => undefined,
    () => undefined,
  )
  pending.add(tracked)
  void tracked.finally(() => pending.delete(tracked))
}

/** Puts violations found elsewhere (a validating proxy in another process) on this process's list. */
export function recordViolations(violations: readonly RecordedViolation[]): void {
  recorded.push(...violations)
}

const excerpt = (body: string) => (body.length > 300 ? `${body.slice(0, 300)}…` : body)

/**
 * Disagreements between spec and server that are known and tracked, so the check still fails on
 * every other one. Each entry names the route, the status and the start of the violation text, with
 * why it is there and what is to fix. Remove an entry as soon as spec and server agree on it: the
 * list is meant to shrink to empty.
 */
export const KNOWN_CONTRACT_DISAGREEMENTS: ReadonlyArray<{
  method: string
  route: string
  status: number
  violation: string
  reason: string
}> = []

function allowed(response: ObservedResponse, violation: string): boolean {
  const route = contractValidator().route(response.path)
  return KNOWN_CONTRACT_DISAGREEMENTS.some(
    (k) =>
      k.method === response.method.toUpperCase() &&
      k.route === route &&
      k.status === response.status &&
      violation.startsWith(k.violation),
  )
}

/** Checks one answer and records what differs from the contract. Returns the violations. */
export function checkResponse(response: ObservedResponse): string[] {
  const injected =
    response.headers instanceof Headers
      ? response.headers.has(INJECTED_HEADER)
      : Object.keys(response.headers).some((k) => k.toLowerCase() === INJECTED_HEADER)
  if (injected) return []
  checked++
  const violations = contractValidator()
    .validate(response)
    .filter((v) => !allowed(response, v))
  if (violations.length > 0) {
    recorded.push({
      request: `${response.method.toUpperCase()} ${response.path}`,
      status: response.status,
      violations,
      body: excerpt(response.body),
    })
  }
  return violations
}

/**
 * Checks a request the server answered with `status` against the contract. Only an accepted one
 * (2xx) can break it: refusing a request the spec forbids is what the spec asks for, so the check
 * runs for those alone and records a violation when the server accepted what the spec forbids.
 * Returns the violations.
 */
export function checkRequest(request: ObservedRequest, status: number, answer = ''): string[] {
  if (status < 200 || status >= 300) return []
  checkedRequests++
  const violations = contractRequestValidator().validate(request)
  if (violations.length > 0) {
    recorded.push({
      request: `${request.method.toUpperCase()} ${request.target.length > 200 ? `${request.target.slice(0, 200)}…` : request.target}`,
      status,
      violations: violations.map((v) => `request the spec forbids was accepted: ${v}`),
      body: excerpt(answer),
    })
  }
  return violations
}

function methodOf(input: string | URL | Request, init?: RequestInit): string {
  return (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
}

const proxied = new Set<string>()
/**
 * Marks an origin (`http://127.0.0.1:port`) as a validating proxy's: its answers are checked there,
 * so {@link validatingFetch} leaves them alone instead of recording every violation twice.
 */
export function markProxied(url: string): void {
  proxied.add(new URL(url).origin)
}
/** Forgets an origin marked by {@link markProxied} (its proxy closed; the port may be reused). */
export function unmarkProxied(url: string): void {
  proxied.delete(new URL(url).origin)
}

/**
 * A `fetch` that checks every answer against the contract, for requests that bypass the
 * validating proxy (a service's `directUrl`); requests to a proxy are passed through unchecked,
 * the proxy checks them. The answer is handed back at once and checked from a clone of its body,
 * so the caller's timing and streaming are unchanged; the setup file waits for the checks in
 * flight before it looks at what they found.
 */
export function validatingFetch(inner: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (proxied.has(url.origin)) return inner(input, init)
    const method = methodOf(input, init)
    const path = url.pathname
    const response = await inner(input, init)
    const copy = response.clone()
    const check = copy
      .text()
      .then((body) => {
        checkResponse({ method, path, status: response.status, headers: response.headers, body })
      })
      // A body cut off (the service killed mid-answer, the caller aborting) is not the contract's
      // business: the test sees that failure itself.
      .catch(() => undefined)
    trackCheck(check)
    return response
  }) as typeof globalThis.fetch
}

/** Waits for the checks in flight (at most `timeoutMs`), then returns and clears what was recorded. */
export async function takeViolations(timeoutMs = 10_000): Promise<RecordedViolation[]> {
  if (pending.size > 0) {
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      Promise.allSettled([...pending]),
      new Promise((r) => {
        timer = setTimeout(r, timeoutMs)
      }),
    ])
    clearTimeout(timer)
  }
  return recorded.splice(0, recorded.length)
}

/** The recorded violations as a readable report. */
export function describeViolations(violations: readonly RecordedViolation[]): string {
  const lines = violations
    .slice(0, 20)
    .map((v) => `  ${v.request} → ${v.status}: ${v.violations.join(' | ')}\n    body: ${v.body}`)
  const more = violations.length > 20 ? `\n  … and ${violations.length - 20} more` : ''
  return `${violations.length} exchange(s) differ from openapi/datastorage.yaml:\n${lines.join('\n')}${more}`
}
