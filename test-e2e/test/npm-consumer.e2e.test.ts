import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { freePort } from '@audit-trail/test-infra'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { validatingFetch } from '../src/contract/validating-fetch.js'
import {
  installSize,
  newProject,
  node,
  npm,
  packAll,
  publishablePackages,
  strictCompilerOptions,
  tsc,
  typescriptBlocks,
} from '../src/npm-consumer.js'

/** Every answer is also held to the contract (src/contract). */
const fetch = validatingFetch()
/**
 * The publishable packages as a user gets them: packed, installed with npm into a fresh project,
 * used by following only their READMEs. Needs the package registry (npm install).
 */
const { serviceUrl, tokens } = inject('e2e')
/** Reads go with the reader token; the programs a user writes get the writer token as AUDIT_TOKEN. */
const asReader = { authorization: `Bearer ${tokens.reader}` }
const work = mkdtempSync(join(tmpdir(), 'npm-consumer-'))
const project = join(work, 'project')
const PEERS = ['posthog-node', '@segment/analytics-node']
/** Modules only some users install; blocks importing them are compiled once the peers are in. */
const OPTIONAL = /from '(ioredis|prom-client|pino|@audit-trail\/audit-client\/redis)'/

interface Block {
  pkg: string
  file: string
  code: string
}
const blocks: Block[] = []
let tarballs: string[] = []
/** Every package installed, measured before the project's own dev tools join node_modules. */
let all = { bytes: 0, packages: 0 }
/**
 * What a service adds to emit audit events: the audit client and the generated client it depends
 * on. The operators' CLI (`@audit-trail/cli`, with its argument parser and progress bar) is a tool
 * installed beside, not into, a service; it is installed with the rest below but not weighed here.
 */
const CLIENT_PACKAGES = ['@audit-trail/audit-client', '@audit-trail/datastorage-client']

beforeAll(async () => {
  tarballs = await packAll(join(work, 'tarballs'))
  expect(tarballs).toHaveLength(publishablePackages().length)
  newProject(project)
  await npm(project, ['install', ...tarballs])
  all = installSize(project)
  await npm(project, ['install', '--save-dev', 'typescript@~5.9.3', '@types/node@^20'])
  mkdirSync(join(project, 'src'), { recursive: true })
  for (const { name, dir } of publishablePackages()) {
    const short = name.split('/')[1]!
    typescriptBlocks(readFileSync(join(dir, 'README.md'), 'utf8')).forEach((code, i) => {
      const file = `src/${short}-readme-${i + 1}.ts`
      writeFileSync(join(project, file), code)
      blocks.push({ pkg: name, file, code })
    })
  }
}, 600_000)

afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

/** Type-checks `files` under both resolutions a user may have; noEmit unless `outDir`. */
async function compile(name: string, files: string[], outDir?: string): Promise<void> {
  // Emitting (to run it) and CommonJS files (`import x = require()`): Node's own resolution only.
  const nodeOnly = outDir !== undefined || files.some((f) => f.endsWith('.cts'))
  for (const resolution of ['NodeNext', 'Bundler'] as const) {
    if (nodeOnly && resolution === 'Bundler') continue
    const tsconfig = `tsconfig.${name}.${resolution.toLowerCase()}.json`
    const compilerOptions = {
      ...strictCompilerOptions(resolution),
      ...(outDir ? { outDir, rootDir: 'src' } : { noEmit: true }),
    }
    writeFileSync(join(project, tsconfig), JSON.stringify({ compilerOptions, files }, null, 2))
    await tsc(project, tsconfig)
  }
}

describe('the packages installed from their tarballs with npm', () => {
  it('the audit client installs smaller than posthog-node and @segment/analytics-node, measured the same way', async () => {
    const clientDir = newProject(join(work, 'client-only'))
    const tarballOf = (name: string) => {
      const file = `${name.replace('@', '').replace('/', '-')}-`
      const found = tarballs.find((t) => basename(t).startsWith(file))
      if (!found)
        throw new Error(`no tarball of ${name} among ${tarballs.map((t) => basename(t)).join(', ')}`)
      return found
    }
    await npm(clientDir, ['install', ...CLIENT_PACKAGES.map(tarballOf)])
    const ours = installSize(clientDir)
    const peers: Record<string, { bytes: number; packages: number }> = {}
    for (const peer of PEERS) {
      const dir = newProject(join(work, `peer-${peer.replace(/\W/g, '-')}`))
      await npm(dir, ['install', peer])
      peers[peer] = installSize(dir)
    }
    const row = (name: string, s: { bytes: number; packages: number }) =>
      `  ${name.padEnd(45)} ${(s.bytes / 1e6).toFixed(2).padStart(6)} MB in ${String(s.packages).padStart(2)} packages`
    console.log(
      [
        'install size (npm install, node_modules on disk):',
        row(CLIENT_PACKAGES.join(' + '), ours),
        row('every @audit-trail package, the CLI included', all),
        ...PEERS.map((p) => row(p, peers[p]!)),
      ].join('\n'),
    )
    for (const peer of PEERS) expect(ours.bytes).toBeLessThan(peers[peer]!.bytes)
  }, 300_000)

  it('every TypeScript block of each README compiles verbatim without the optional peers installed', async () => {
    for (const { name } of publishablePackages()) {
      expect(
        blocks.filter((b) => b.pkg === name).length,
        `${name} README has TypeScript blocks`,
      ).toBeGreaterThan(0)
    }
    const plain = blocks.filter((b) => !OPTIONAL.test(b.code))
    expect(plain.length).toBeGreaterThan(1)
    await compile(
      'plain',
      plain.map((b) => b.file),
    )
  }, 120_000)

  it('without the optional yaml package, a YAML config file asks for it by name, and a JSON one is read', async () => {
    writeFileSync(
      join(project, 'audit.yaml'),
      'audit:\n  datastorage_url: http://127.0.0.1:8080\n  service: billing\n',
    )
    writeFileSync(
      join(project, 'audit.json'),
      JSON.stringify({ audit: { datastorage_url: 'http://127.0.0.1:8080', service: 'billing' } }),
    )
    writeFileSync(
      join(project, 'config-check.mjs'),
      `
      import { loadAuditClientConfig } from '@audit-trail/audit-client'
      console.log(JSON.stringify(loadAuditClientConfig({ file: 'audit.json', env: false })))
      try { console.log(JSON.stringify({ loaded: loadAuditClientConfig({ file: 'audit.yaml', env: false }) })) } catch (e) { console.log(JSON.stringify({ name: e.name, message: e.message })) }
      `,
    )
    const { code, stdout, stderr } = await node(project, 'config-check.mjs', {})
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const [fromJson, yamlError] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(fromJson).toMatchObject({ baseUrl: 'http://127.0.0.1:8080', service: 'billing' })
    expect(yamlError).toEqual({
      name: 'ConfigError',
      message: expect.stringMatching(
        /^audit\.yaml: reading a YAML file needs the package 'yaml' .*npm install yaml$/,
      ),
    })
  })

  it('with ioredis, prom-client and pino installed, every block compiles, the /redis and metrics ones too', async () => {
    await npm(project, ['install', 'ioredis@^5', 'prom-client@^15', 'pino@^10', 'yaml@^2'])
    await compile(
      'all',
      blocks.map((b) => b.file),
    )
  }, 300_000)

  it('the quick start, as written, stores its event in the real service', async () => {
    const quickStart = blocks.find((b) => b.pkg === '@audit-trail/audit-client')!
    await compile('quickstart', [quickStart.file], 'out')
    const { code, stdout, stderr } = await node(
      project,
      join('out', basename(quickStart.file).replace(/\.ts$/, '.js')),
      // loadAuditClientConfig() reads the token from AUDIT_TOKEN, as the README says.
      { AUDIT_BASE_URL: serviceUrl, AUDIT_SERVICE: 'npm-consumer', AUDIT_TOKEN: tokens.writer },
    )
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const id = /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(stdout)?.[0]
    expect(id, `the quick start prints the event id: ${stdout}`).toBeDefined()
    const res = await fetch(`${serviceUrl}/api/v1/audit/events/${id}`, { headers: asReader })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ event_id: id, event_type: 'gateway.signal.received' })
  }, 120_000)

  it('the audit-spool-replay command it installs replays a spool the client wrote into the real service', async () => {
    writeFileSync(
      join(project, 'spool-write.mjs'),
      `
      import { createAuditClient, fileDeadLetterQueue } from '@audit-trail/audit-client'
      const audit = createAuditClient({ baseUrl: process.env.DEAD_URL, service: 'npm-consumer-spool', maxRetries: 0,
        deadLetter: fileDeadLetterQueue({ path: 'spool/audit.jsonl' }), onError: (e) => console.error(e.message) })
      const ids = [0, 1, 2].map((i) => audit.emit({ event_type: 'consumer.spool.written', event_category: 'security',
        event_action: 'written', event_outcome: 'success', correlation_id: 'spool-' + i, event_data: { i } }))
      const stats = await audit.close()
      console.log(JSON.stringify({ ids, deadLettered: stats.deadLettered }))
      `,
    )
    const written = await node(project, 'spool-write.mjs', {
      DEAD_URL: `http://127.0.0.1:${await freePort()}`,
    })
    expect({ code: written.code, stderr: written.stderr }).toEqual({ code: 0, stderr: '' })
    const { ids, deadLettered } = JSON.parse(written.stdout) as { ids: string[]; deadLettered: number }
    expect(deadLettered).toBe(3)
    const replay = await node(
      project,
      'node_modules/.bin/audit-spool-replay',
      { AUDIT_TOKEN: tokens.writer },
      ['--spool', 'spool/audit.jsonl', '--url', serviceUrl],
    )
    expect(replay.code, replay.stderr).toBe(0)
    for (const id of ids) {
      expect((await fetch(`${serviceUrl}/api/v1/audit/events/${id}`, { headers: asReader })).status).toBe(200)
    }
  }, 120_000)

  it('from CommonJS: require() each entry point, a .cts file type-checks, and a client stores its events', async () => {
    writeFileSync(
      join(project, 'src', 'check.cts'),
      [
        "import audit = require('@audit-trail/audit-client')",
        "import redis = require('@audit-trail/audit-client/redis')",
        "import ds = require('@audit-trail/datastorage-client')",
        'const client: audit.AuditClient = audit.createAuditClient({ baseUrl: "http://127.0.0.1:1", service: "cts" })',
        'const queue: typeof redis.redisDeadLetterQueue = redis.redisDeadLetterQueue',
        'const id: string = ds.uuidv7()',
        'export = { client, queue, id }',
      ].join('\n'),
    )
    await compile('cts', ['src/check.cts'])
    writeFileSync(
      join(project, 'check.cjs'),
      `
      const { createAuditClient, DeadLetterWriteError } = require('@audit-trail/audit-client')
      const { redisDeadLetterQueue } = require('@audit-trail/audit-client/redis')
      const { createDataStorageClient } = require('@audit-trail/datastorage-client')
      const { openapiDocument } = require('@audit-trail/datastorage-client/openapi')
      if (typeof redisDeadLetterQueue !== 'function' || typeof openapiDocument !== 'object') throw new Error('an entry is empty')
      if (!(new DeadLetterWriteError('x') instanceof require('@audit-trail/audit-client').AuditClientError)) throw new Error('error classes differ')
      const audit = createAuditClient({ baseUrl: process.env.AUDIT_BASE_URL, token: process.env.AUDIT_TOKEN, service: 'npm-consumer-cjs' })
      const ids = [0, 1].map((i) => audit.emit({ event_type: 'consumer.cjs.checked', event_category: 'security',
        event_action: 'checked', event_outcome: 'success', correlation_id: 'cjs-' + i, event_data: { i } }))
      audit.close().then(async (stats) => {
        const ds = createDataStorageClient({ baseUrl: process.env.AUDIT_BASE_URL, token: process.env.READ_TOKEN })
        const found = await Promise.all(ids.map((event_id) => ds.GET('/api/v1/audit/events/{event_id}', { params: { path: { event_id } } })))
        console.log(JSON.stringify({ persisted: stats.persisted, found: found.map((r) => r.data && r.data.event_id) }))
        console.log(JSON.stringify(ids))
      })
      `,
    )
    const { code, stdout, stderr } = await node(project, 'check.cjs', {
      AUDIT_BASE_URL: serviceUrl,
      AUDIT_TOKEN: tokens.writer,
      READ_TOKEN: tokens.reader,
    })
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const [result, ids] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(result).toEqual({ persisted: 2, found: ids })
  }, 120_000)
})
