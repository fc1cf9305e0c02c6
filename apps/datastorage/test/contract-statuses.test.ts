import { openapiDocument } from '@audit-trail/datastorage-client/openapi'
import { describe, expect, it } from 'vitest'
import { problemTypes } from '../src/http/problem.js'
import type { AuditEventStore } from '../src/store/audit-event-store.js'
import { buildTestApp } from './support/app.js'

// Issue 17: every status the service can answer is in the contract, and every route it serves is
// an operation of the contract (and the reverse), so a tester driving the spec meets no surprise.

type Responses = Record<string, unknown>
const doc = openapiDocument as unknown as {
  paths: Record<string, Record<string, { responses: Responses }>>
  components: { responses: Record<string, unknown> }
}
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
)

describe('the contract declares what the service answers (issue 17)', () => {
  it.each(Object.entries(problemTypes))('problem %s (%o) is a declared answer', (kind, { status }) => {
    // 404 (unknown path) and 405 (a method not served) can answer any path: the document declares
    // them once, in components/responses, and says so in info.description.
    if (kind === 'method-not-allowed') {
      expect(doc.components.responses).toHaveProperty('MethodNotAllowed')
      return
    }
    const declaring = operations.filter(({ operation }) => String(status) in operation.responses)
    expect(declaring.length, `no operation declares ${status} (${kind})`).toBeGreaterThan(0)
  })

  it('serves exactly the operations of the contract', () => {
    // The routes are registered when the app is built; no request reaches the store here.
    const { app } = buildTestApp({} as AuditEventStore)
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:([a-z_]+)/g, '{$1}')}`),
    )
    const declared = new Set(operations.map(({ path, method }) => `${method} ${path}`))
    expect([...served].sort()).toEqual([...declared].sort())
  })
})
