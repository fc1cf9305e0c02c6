import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * The built package (dist/, so `pnpm build` first when calling vitest directly) installed into a
 * scratch node_modules beside only what it depends on: @opentelemetry/api is absent, then broken,
 * then present, and the ESM and the CommonJS builds are each loaded and used in a child process.
 */
const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
const built = existsSync(join(dist, 'index.js')) && existsSync(join(dist, 'index.cjs'))

/** A child's program: emits inside a span when @opentelemetry/api loads, prints what was sent. */
function program(kind: 'esm' | 'cjs'): string {
  const load =
    kind === 'esm'
      ? `const { createAuditClient } = await import('@audit-trail/audit-client')
         const otel = await import('@opentelemetry/api').catch(() => undefined)
         const hooks = await import('@opentelemetry/context-async-hooks').catch(() => undefined)`
      : `const { createAuditClient } = require('@audit-trail/audit-client')
         let otel, hooks
         try { otel = require('@opentelemetry/api'); hooks = require('@opentelemetry/context-async-hooks') } catch {}`
  const body = `
    const sent = []
    const warnings = []
    const log = (level) => (fields, message) => { if (level === 'warn') warnings.push({ ...fields, message }) }
    const audit = createAuditClient({
      service: 'bundle', batchSize: 1,
      transport: { async send(events) { sent.push(...events); return { status: 'created', created: events.length, duplicates: 0 } }, async close() {} },
      logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    })
    const event = { event_type: 'gateway.signal.received', event_category: 'gateway', event_action: 'received',
      event_outcome: 'success', correlation_id: 'c1',
      event_data: { event_type: 'gateway.signal.received', signal_type: 'alert', signal_name: 's', namespace: 'payments', fingerprint: 'f' } }
    const emit = () => audit.emit(event)
    if (otel?.context && hooks) {
      otel.context.setGlobalContextManager(new hooks.AsyncLocalStorageContextManager().enable())
      const span = otel.trace.wrapSpanContext({ traceId: '${'a'.repeat(32)}', spanId: '${'b'.repeat(16)}', traceFlags: 1 })
      otel.context.with(otel.trace.setSpan(otel.context.active(), span), emit)
    } else emit()
    const stats = await audit.close()
    console.log(JSON.stringify({ sent: sent.map((e) => [e.trace_id ?? null, e.span_id ?? null]), persisted: stats.persisted, warnings }))
  `
  return kind === 'esm' ? `${load}\n${body}` : `(async () => { ${load}\n${body} })()`
}

let work = ''

/** Lays out node_modules in `work` with the package, its dependency, and `otel` as asked. */
function install(otel: 'absent' | 'broken' | 'present'): void {
  rmSync(join(work, 'node_modules'), { recursive: true, force: true })
  const pkg = join(work, 'node_modules', '@audit-trail', 'audit-client')
  mkdirSync(pkg, { recursive: true })
  cpSync(dist, join(pkg, 'dist'), { recursive: true })
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'))
  symlinkSync(join(root, '..', 'datastorage-client'), join(dirname(pkg), 'datastorage-client'), 'dir')
  const scope = join(work, 'node_modules', '@opentelemetry')
  mkdirSync(scope, { recursive: true })
  if (otel === 'present') {
    for (const name of ['api', 'context-async-hooks']) {
      symlinkSync(join(root, 'node_modules', '@opentelemetry', name), join(scope, name), 'dir')
    }
  } else if (otel === 'broken') {
    const api = join(scope, 'api')
    mkdirSync(api)
    writeFileSync(join(api, 'package.json'), JSON.stringify({ name: '@opentelemetry/api', main: 'index.js' }))
    writeFileSync(join(api, 'index.js'), "throw new Error('this install is broken')\n")
  }
}

function run(kind: 'esm' | 'cjs') {
  const args = kind === 'esm' ? ['--input-type=module', '-e', program(kind)] : ['-e', program(kind)]
  // Without NODE_PATH: the package manager's bin shims point it at a store holding every package.
  const { NODE_PATH: _, ...env } = process.env
  const child = spawnSync(process.execPath, args, { cwd: work, env, encoding: 'utf8', timeout: 20_000 })
  expect(child.stderr).toBe('')
  expect(child.status).toBe(0)
  return JSON.parse(child.stdout) as {
    sent: [string | null, string | null][]
    persisted: number
    warnings: { message: string; problem?: string }[]
  }
}

describe.skipIf(!built)('the built bundles and @opentelemetry/api', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'audit-client-otel-'))
  })
  afterAll(() => {
    rmSync(work, { recursive: true, force: true })
  })

  it.each(['esm', 'cjs'] as const)(
    '%s: absent, the bundle loads and emits without trace ids, silently',
    (kind) => {
      install('absent')
      expect(run(kind)).toEqual({ sent: [[null, null]], persisted: 1, warnings: [] })
    },
  )

  it.each(['esm', 'cjs'] as const)('%s: broken, the client emits without trace ids and logs why', (kind) => {
    install('broken')
    const result = run(kind)
    expect(result).toMatchObject({ sent: [[null, null]], persisted: 1 })
    expect(result.warnings).toEqual([
      {
        message: 'audit client: events get no trace context',
        problem: expect.stringContaining('this install is broken'),
        component: 'audit-client',
        service: 'bundle',
      },
    ])
  })

  it.each(['esm', 'cjs'] as const)('%s: present, the event gets the active span ids', (kind) => {
    install('present')
    expect(run(kind)).toEqual({ sent: [['a'.repeat(32), 'b'.repeat(16)]], persisted: 1, warnings: [] })
  })
})
