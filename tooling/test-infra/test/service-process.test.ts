import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { canConnect, startServiceProcess } from '../src/index.js'

const script = join(import.meta.dirname, 'fixtures/ready-server.mjs')

describe('startServiceProcess', () => {
  it('waits for readiness, stops with SIGTERM, restarts on the same port, and kills with SIGKILL', async () => {
    const service = await startServiceProcess({ script })
    const firstPid = service.pid()
    expect(await (await fetch(`${service.url}/readyz`)).text()).toBe(String(firstPid))
    expect(service.output()).toContain(`listening on ${service.port}`)
    expect(await service.stop()).toBe(0)
    expect(await canConnect('127.0.0.1', service.port)).toBe(false)
    await service.restart()
    expect(service.pid()).not.toBe(firstPid)
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200)
    await service.kill()
    expect(await canConnect('127.0.0.1', service.port)).toBe(false)
    expect(await service.stop()).toBeNull()
  })

  it('fails at once, with what the process printed, when it exits during start-up', async () => {
    const started = performance.now()
    await expect(
      startServiceProcess({ script, env: { FAIL_AT_START: '1' }, readyTimeoutMs: 20_000 }),
    ).rejects.toThrow(/exited with code 3 during start-up[\s\S]*refusing to start/)
    expect(performance.now() - started).toBeLessThan(5000)
  })
})
