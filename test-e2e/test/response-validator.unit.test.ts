import { describe, expect, it } from 'vitest'
import { contractValidator, createResponseValidator } from '../src/contract/response-validator.js'
import {
  checkResponse,
  INJECTED_HEADER,
  KNOWN_CONTRACT_DISAGREEMENTS,
  takeViolations,
} from '../src/contract/validating-fetch.js'

const EVENTS = '/api/v1/audit/events'
const json = { 'content-type': 'application/json' }
const problemJson = { 'content-type': 'application/problem+json; charset=utf-8' }
const problem = (status: number, title = 'x') =>
  JSON.stringify({ type: 'https://audit-trail.dev/problems/x', title, status })
const validator = contractValidator()

describe('response validator', () => {
  it('matches concrete paths before templated ones', () => {
    expect(validator.route(`${EVENTS}/batch`)).toBe(`${EVENTS}/batch`)
    expect(validator.route(`${EVENTS}/0190a0f0-0000-7000-8000-000000000000`)).toBe(`${EVENTS}/{event_id}`)
    expect(validator.route(`${EVENTS}?limit=1`)).toBe(EVENTS)
    expect(validator.route('/api/v1/nope')).toBeUndefined()
  })

  it('accepts answers the spec declares', () => {
    const created = JSON.stringify({
      event_id: '0190a0f0-0000-7000-8000-000000000000',
      event_timestamp: '2026-06-01T11:59:00Z',
      status: 'created',
      duplicate: false,
      message: 'stored',
    })
    const ok = validator.validate({ method: 'POST', path: EVENTS, status: 201, headers: json, body: created })
    expect(ok).toEqual([])
    expect(
      validator.validate({
        method: 'GET',
        path: `${EVENTS}/x`,
        status: 404,
        headers: problemJson,
        body: problem(404),
      }),
    ).toEqual([])
    expect(
      validator.validate({
        method: 'GET',
        path: '/metrics',
        status: 200,
        headers: { 'content-type': 'text/plain; version=0.0.4' },
        body: '# HELP x\n',
      }),
    ).toEqual([])
    // Refusing what the spec does not declare is fine whatever the status.
    expect(
      validator.validate({ method: 'DELETE', path: EVENTS, status: 405, headers: {}, body: '' }),
    ).toEqual([])
  })

  it('reports an undeclared status, a wrong content type and an invalid body', () => {
    const teapot = validator.validate({
      method: 'GET',
      path: EVENTS,
      status: 418,
      headers: problemJson,
      body: problem(418),
    })
    expect(teapot).toEqual([expect.stringMatching(/^status 418 is not declared/)])

    const asJson = validator.validate({
      method: 'GET',
      path: `${EVENTS}/x`,
      status: 404,
      headers: json,
      body: problem(404),
    })
    expect(asJson).toEqual([
      expect.stringMatching(/^content type application\/json, declared application\/problem\+json/),
    ])

    const noTitle = validator.validate({
      method: 'GET',
      path: `${EVENTS}/x`,
      status: 404,
      headers: problemJson,
      body: JSON.stringify({ type: 'about:blank', status: 404 }),
    })
    expect(noTitle).toEqual([expect.stringMatching(/^body: .*title/)])

    const notJson = validator.validate({ method: 'GET', path: EVENTS, status: 200, headers: json, body: '{' })
    expect(notJson).toEqual([expect.stringMatching(/^body is not JSON/)])

    const page = validator.validate({
      method: 'GET',
      path: EVENTS,
      status: 200,
      headers: json,
      body: '{"data":[]}',
    })
    expect(page).toEqual([expect.stringMatching(/^body: .*pagination/)])
  })

  it('holds a refusal outside any operation to the problem format', () => {
    const notFound = { method: 'GET', path: '/api/v1/nope', status: 404 }
    expect(validator.validate({ ...notFound, headers: problemJson, body: problem(404) })).toEqual([])
    expect(
      validator.validate({ ...notFound, headers: { 'content-type': 'text/plain' }, body: '404 Not Found' }),
    ).toEqual([expect.stringMatching(/^content type text\/plain of an error/)])
    expect(validator.validate({ ...notFound, headers: problemJson, body: '{"status":404}' })).toEqual([
      expect.stringMatching(/^body: .*type/),
    ])
  })

  it('reports an operation the spec does not declare being accepted', () => {
    expect(
      validator.validate({ method: 'PUT', path: EVENTS, status: 200, headers: json, body: '{}' }),
    ).toEqual([expect.stringMatching(/does not declare/)])
  })

  it('checks declared headers: a required one missing, a sent one against its schema', () => {
    const doc = {
      openapi: '3.1.0',
      paths: {
        '/x': {
          get: {
            responses: {
              '429': {
                headers: { 'Retry-After': { required: true, schema: { type: 'integer', minimum: 1 } } },
                content: { 'application/problem+json': { schema: { type: 'object', 'x-note': 1 } } },
              },
            },
          },
        },
      },
    }
    const own = createResponseValidator(doc)
    const answer = { method: 'GET', path: '/x', status: 429, body: '{}' }
    expect(
      own.validate({
        ...answer,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '3' },
      }),
    ).toEqual([])
    expect(own.validate({ ...answer, headers: { 'content-type': 'application/problem+json' } })).toEqual([
      'header Retry-After is required but missing',
    ])
    expect(
      own.validate({
        ...answer,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '0' },
      }),
    ).toEqual([expect.stringMatching(/^header Retry-After: "0" .*must be >= 1/)])
    // The contract's own 401 declares the exact WWW-Authenticate challenge.
    const wrongRealm = validator.validate({
      method: 'GET',
      path: EVENTS,
      status: 401,
      headers: { ...problemJson, 'www-authenticate': 'Basic' },
      body: problem(401),
    })
    expect(wrongRealm).toEqual([expect.stringMatching(/^header WWW-Authenticate: "Basic"/)])
  })

  it('records violations for the setup file, but not for answers the fault proxy made up', async () => {
    checkResponse({ method: 'GET', path: EVENTS, status: 418, headers: { [INJECTED_HEADER]: '1' }, body: '' })
    expect(await takeViolations()).toEqual([])
    checkResponse({ method: 'GET', path: EVENTS, status: 418, headers: problemJson, body: problem(418) })
    const recorded = await takeViolations()
    expect(recorded).toMatchObject([{ request: `GET ${EVENTS}`, status: 418 }])
    expect(await takeViolations()).toEqual([])
  })

  // An entry the spec and server no longer disagree on must go: the list only shrinks.
  it.each(KNOWN_CONTRACT_DISAGREEMENTS.map((k) => [`${k.method} ${k.route} ${k.status}`, k] as const))(
    'the known disagreement %s is still one, and is not recorded',
    async (_, known) => {
      const answer = {
        method: known.method,
        path: known.route.replace(/\{[^}]+\}/g, 'x'),
        status: known.status,
        headers: problemJson,
        body: problem(known.status),
      }
      expect(validator.validate(answer)).toContainEqual(expect.stringMatching(`^${known.violation}`))
      expect(checkResponse(answer)).toEqual([])
      expect(await takeViolations()).toEqual([])
    },
  )
})
