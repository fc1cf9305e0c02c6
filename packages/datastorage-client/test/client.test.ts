import { describe, expect, it } from 'vitest'
import { openapiDocument } from '../src/generated/openapi-document.js'
import { createDataStorageClient } from '../src/index.js'

function recordingFetch(status: number, body: unknown, contentType = 'application/json') {
  const requests: Request[] = []
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init)
    requests.push(request)
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } })
  }
  return { requests, fetch: fetch as typeof globalThis.fetch }
}

describe('createDataStorageClient', () => {
  it('sends typed query parameters to the query endpoint', async () => {
    const { requests, fetch } = recordingFetch(200, {
      data: [],
      pagination: { limit: 5, next_cursor: null, has_more: false },
    })
    const client = createDataStorageClient({ baseUrl: 'http://127.0.0.1:1/', fetch })
    const { data, error } = await client.GET('/api/v1/audit/events', {
      params: { query: { correlation_id: 'c-1', limit: 5 } },
    })
    expect(error).toBeUndefined()
    expect(data?.pagination.has_more).toBe(false)
    const url = new URL(requests[0]!.url)
    expect(url.pathname).toBe('/api/v1/audit/events')
    expect(url.searchParams.get('correlation_id')).toBe('c-1')
    expect(url.searchParams.get('limit')).toBe('5')
  })

  it('sends a static or provided bearer token, asking the provider on every request', async () => {
    const { requests, fetch } = recordingFetch(200, { status: 'ok' })
    let n = 0
    const client = createDataStorageClient({
      baseUrl: 'http://127.0.0.1:1',
      fetch,
      token: async () => `t${++n}`,
    })
    await client.GET('/healthz')
    await client.GET('/healthz')
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer t1', 'Bearer t2'])
    const fixed = recordingFetch(200, { status: 'ok' })
    await createDataStorageClient({ baseUrl: 'http://127.0.0.1:1', fetch: fixed.fetch, token: 'abc' }).GET(
      '/healthz',
    )
    expect(fixed.requests[0]!.headers.get('authorization')).toBe('Bearer abc')
  })

  it('sends no Authorization header for an undefined token (say, an unset environment variable)', async () => {
    const { requests, fetch } = recordingFetch(200, { status: 'ok' })
    await createDataStorageClient({ baseUrl: 'http://127.0.0.1:1', fetch, token: undefined }).GET('/healthz')
    expect(requests[0]!.headers.has('authorization')).toBe(false)
  })

  it('returns problems as values, not exceptions', async () => {
    const problem = { type: 'about:blank', title: 'Not Found', status: 404 }
    const { fetch } = recordingFetch(404, problem, 'application/problem+json')
    const client = createDataStorageClient({ baseUrl: 'http://127.0.0.1:1', fetch })
    const { data, error, response } = await client.GET('/api/v1/audit/events/{event_id}', {
      params: { path: { event_id: '0190a0f0-0000-7000-8000-000000000000' } },
    })
    expect(data).toBeUndefined()
    expect(response.status).toBe(404)
    expect(error).toEqual(problem)
  })

  it('rejects a base URL that is not http(s)', () => {
    expect(() => createDataStorageClient({ baseUrl: 'localhost:8080' })).toThrow(/baseUrl/)
  })

  it('refuses a base URL that holds the API path, saying what to pass instead', () => {
    const cases = [
      ['http://h:8080/api/v1', 'http://h:8080'],
      ['http://h:8080/api/v1/', 'http://h:8080'],
      ['http://h:8080/api/v1/audit/events', 'http://h:8080'],
      ['https://gw.example/audit-trail/api/v1', 'https://gw.example/audit-trail'],
      ['http://h:8080/api/v1?x=1', 'http://h:8080'],
    ]
    for (const [baseUrl, root] of cases) {
      expect(() => createDataStorageClient({ baseUrl: baseUrl! }), baseUrl).toThrow(
        new TypeError(
          `createDataStorageClient: baseUrl must be the service root without the API path: got "${baseUrl}", pass "${root}"`,
        ),
      )
    }
  })

  it('accepts a reverse proxy’s path prefix and sends the API path after it', async () => {
    for (const baseUrl of [
      'http://gw/audit-trail',
      'http://gw/audit-trail/',
      'http://gw/api/v10',
      'http://gw/x?to=/api/v1',
    ]) {
      expect(() => createDataStorageClient({ baseUrl }), baseUrl).not.toThrow()
    }
    const { requests, fetch } = recordingFetch(200, { status: 'ok' })
    await createDataStorageClient({ baseUrl: 'http://gw/audit-trail/', fetch }).GET('/api/v1/audit/events', {
      params: { query: {} },
    })
    expect(new URL(requests[0]!.url).pathname).toBe('/audit-trail/api/v1/audit/events')
  })

  it('ships the contract document it was generated from', () => {
    const paths = Object.keys(openapiDocument.paths as object)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/audit/events',
        '/api/v1/audit/events/batch',
        '/api/v1/audit/events/{event_id}',
        '/healthz',
        '/readyz',
        '/metrics',
      ]),
    )
  })
})
