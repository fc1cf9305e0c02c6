import { contractValidator, type ObservedResponse } from './response-validator.js'

/**
 * Every answer the e2e suite receives from the service is held to the contract: the clients of the
 * suite fetch through {@link validatingFetch} (the hostile suite's raw sockets call
 * {@link checkResponse}), which records what differs from openapi/datastorage.yaml here, and the
 * setup file (setup.ts) fails the test during which it was recorded.
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
/** How many answers were held to the contract in this test file so far. */
export const checkedCount = () => checked
const pending = new Set<Promise<void>>()

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
      body: response.body.length > 300 ? `${response.body.slice(0, 300)}…` : response.body,
    })
  }
  return violations
}

function methodOf(input: string | URL | Request, init?: RequestInit): string {
  return (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
}

function pathOf(input: string | URL | Request): string {
  const url = input instanceof Request ? input.url : String(input)
  return new URL(url).pathname
}

/**
 * A `fetch` that checks every answer against the contract. The answer is handed back at once and
 * checked from a clone of its body, so the caller's timing and streaming are unchanged; the setup
 * file waits for the checks in flight before it looks at what they found.
 */
export function validatingFetch(inner: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const method = methodOf(input, init)
    const path = pathOf(input)
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
      .finally(() => pending.delete(check))
    pending.add(check)
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
  return `${violations.length} answer(s) differ from openapi/datastorage.yaml:\n${lines.join('\n')}${more}`
}
