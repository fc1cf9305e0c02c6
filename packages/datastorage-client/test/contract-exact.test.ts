import { describe, expect, it } from 'vitest'
import { openapiDocument } from '../src/generated/openapi-document.js'

// Issue 17: the contract says exactly what the service does. These hold the spec to the rules a
// tester's generator relies on; the service's own tests hold it to the answers.

interface Parameter {
  name: string
  schema: { type?: string; pattern?: string; $ref?: string }
}
interface Operation {
  operationId: string
  parameters?: Array<Parameter | { $ref: string }>
  responses: Record<string, unknown>
}
const doc = openapiDocument as unknown as {
  paths: Record<string, Record<string, Operation>>
  components: { responses: Record<string, unknown>; parameters: Record<string, Parameter> }
}
/** An operation's parameters, `$ref`s to `components/parameters` resolved. */
const parametersOf = (operation: Operation): Parameter[] =>
  (operation.parameters ?? []).map((p) =>
    '$ref' in p && !('name' in p)
      ? doc.components.parameters[p.$ref.replace('#/components/parameters/', '')]!
      : (p as Parameter),
  )
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
)

/** Every `pattern` in the document, with where it is. */
function patterns(node: unknown, at: string, found: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) patterns(item, `${at}/${i}`, found)
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') found.push([at, value])
      else patterns(value, `${at}/${key}`, found)
    }
  }
  return found
}

describe('the contract is exact (issue 17)', () => {
  it('writes digits as [0-9], never \\d (any Unicode digit to some tools)', () => {
    const all = patterns(openapiDocument, '#')
    expect(all.length).toBeGreaterThan(5)
    expect(all.filter(([, pattern]) => pattern.includes('\\d'))).toEqual([])
  })

  it('every pattern compiles as a Unicode regular expression', () => {
    for (const [at, pattern] of patterns(openapiDocument, '#')) {
      expect(() => new RegExp(pattern, 'u'), at).not.toThrow()
    }
  })

  it.each(operations)(
    '$method $path declares 400, 408, 431 and 500 (and 417 on a write)',
    ({ method, operation }) => {
      const declared = Object.keys(operation.responses)
      expect(declared).toEqual(expect.arrayContaining(['400', '408', '431', '500']))
      if (method === 'post') expect(declared).toContain('417')
    },
  )

  it('declares the answers of every path: 405 with Allow, 404', () => {
    expect(doc.components.responses).toHaveProperty('MethodNotAllowed.headers.Allow')
    expect(doc.components.responses).toHaveProperty('NotFound')
  })

  it.each(['/api/v1/audit/events', '/api/v1/audit/events/export'])(
    'says in the schema that free-text filters of %s hold no NUL',
    (path) => {
      const query = parametersOf(doc.paths[path]!.get!)
      const schema = (name: string) => query.find((p) => p.name === name)!.schema
      for (const name of [
        'correlation_id',
        'actor_id',
        'resource_type',
        'resource_id',
        'namespace',
        'recorded_by',
        'detail_value',
      ]) {
        const re = new RegExp(schema(name).pattern!, 'u')
        expect(re.test('a\u0000b'), name).toBe(false)
        expect(re.test('payments é'), name).toBe(true)
      }
    },
  )

  it('says what a cursor is', () => {
    const query = parametersOf(doc.paths['/api/v1/audit/events']!.get!)
    const schema = (name: string) => query.find((p) => p.name === name)!.schema
    const cursor = new RegExp(schema('cursor').pattern!, 'u')
    expect(cursor.test('MjAyNS0wMS0wMVQwMDowMDowMC4wMDAwMDBafDAx')).toBe(true)
    expect(cursor.test('a+b/c=')).toBe(false)
  })

  it('the time-bound pattern takes ASCII digits only', () => {
    const schemas = (openapiDocument as { components: { schemas: Record<string, { pattern: string }> } })
      .components.schemas
    const re = new RegExp(schemas.TimeBound!.pattern, 'u')
    expect(re.test('2025-01-01T00:00:00Z')).toBe(true)
    expect(re.test('15m')).toBe(true)
    // Arabic-Indic digits: a `\d` with Unicode semantics would take them.
    expect(re.test('\u0661\u0665m')).toBe(false)
    expect(re.test('2025-01-01T00:00:00+\u0661\u0666:00')).toBe(false)
  })
})
