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
