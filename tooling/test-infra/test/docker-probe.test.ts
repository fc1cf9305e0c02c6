import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dockerAvailable } from '../src/index.js'

const dir = mkdtempSync(join(tmpdir(), 'docker-probe-'))
const servers: Server[] = []
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  rmSync(dir, { recursive: true, force: true })
})

/** A fake engine API: `answer` decides what `GET /_ping` gets (`hang` never answers). */
async function fakeEngine(listenOn: string | 0, answer: { status: number; body: string } | 'hang') {
  const server = createServer((req, res) => {
    if (answer === 'hang') return
    res.writeHead(req.url === '/_ping' ? answer.status : 404, { 'content-type': 'text/plain' })
    res.end(req.url === '/_ping' ? answer.body : 'not found')
  })
  servers.push(server)
  await new Promise<void>((resolve) =>
    typeof listenOn === 'string' ? server.listen(listenOn, resolve) : server.listen(0, '127.0.0.1', resolve),
  )
  const address = server.address()
  return typeof address === 'string' ? `unix://${address}` : `tcp://127.0.0.1:${address?.port}`
}

async function timed<T>(run: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = performance.now()
  const answer = await run()
  return { answer, ms: performance.now() - started }
}

describe('dockerAvailable', () => {
  it("decides this machine's answer in under 2 s", async () => {
    const { answer, ms } = await timed(() => dockerAvailable())
    console.log(`docker probe: ${answer} in ${ms.toFixed(0)} ms`)
    expect(typeof answer).toBe('boolean')
    expect(ms).toBeLessThan(2000)
  })

  it('is false at once when the configured socket does not exist, without trying the default ones', async () => {
    const env = { DOCKER_HOST: `unix://${join(dir, 'absent.sock')}` }
    const { answer, ms } = await timed(() => dockerAvailable({ env, home: dir, timeoutMs: 60_000 }))
    expect(answer).toBe(false)
    expect(ms).toBeLessThan(1000)
  })

  it('is true when an engine answers /_ping on a unix socket named by DOCKER_HOST', async () => {
    const host = await fakeEngine(join(dir, 'ok.sock'), { status: 200, body: 'OK' })
    expect(await dockerAvailable({ env: { DOCKER_HOST: host }, home: dir })).toBe(true)
  })

  it('is true when an engine answers on the TCP address named by docker.host in ~/.testcontainers.properties', async () => {
    const host = await fakeEngine(0, { status: 200, body: 'OK' })
    const home = mkdtempSync(join(dir, 'home-'))
    writeFileSync(join(home, '.testcontainers.properties'), `# comment\ndocker.host=${host}\n`)
    expect(await dockerAvailable({ env: {}, home })).toBe(true)
  })

  it('is false when the endpoint answers something other than 200 OK', async () => {
    const host = await fakeEngine(join(dir, 'error.sock'), { status: 500, body: 'daemon is starting' })
    expect(await dockerAvailable({ env: { DOCKER_HOST: host }, home: dir })).toBe(false)
  })

  it('is false after the timeout when the engine accepts the connection and never answers', async () => {
    const host = await fakeEngine(join(dir, 'hang.sock'), 'hang')
    const { answer, ms } = await timed(() =>
      dockerAvailable({ env: { DOCKER_HOST: host }, home: dir, timeoutMs: 300 }),
    )
    expect(answer).toBe(false)
    expect(ms).toBeGreaterThanOrEqual(290)
    expect(ms).toBeLessThan(2000)
  })
})
