import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { hashToken, parseTokensFile } from '../../src/auth/index.js'
import { runTokenCommand, TOKEN_PREFIX } from '../../src/cli/token-command.js'

const dir = mkdtempSync(join(tmpdir(), 'token-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (c) => {
    out += c
  })
  stderr.on('data', (c) => {
    err += c
  })
  const code = await runTokenCommand(args, { env, stdout, stderr })
  return { code, out, err }
}

describe('datastorage token create', () => {
  it('prints a new token once and appends only its hash, with the scopes, to a new YAML file (mode 0600)', async () => {
    const file = join(dir, `tokens-${n++}.yaml`)
    const { code, out, err } = await run([
      'create',
      '--name',
      'billing-service',
      '--scopes',
      'audit:write',
      '--file',
      file,
    ])
    expect(code).toBe(0)
    const token = out.trim()
    expect(token).toMatch(new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`))
    expect(err).toMatch(/shown only this once/)
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain(token)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const set = parseTokensFile(text, file)
    expect(set.byHash.get(hashToken(token))).toEqual({
      name: 'billing-service',
      sha256: hashToken(token),
      scopes: ['audit:write'],
    })
  })

  it('appends to an existing YAML file, keeping its comments, and gives each run another token', async () => {
    const file = join(dir, `tokens-${n++}.yaml`)
    writeFileSync(file, '# audit-trail API tokens\ntokens: []\n')
    const a = await run(['create', '--name', 'a', '--scopes', 'audit:read,audit:write'], {
      AUTH_TOKENS_FILE: file,
    })
    const b = await run(['create', '--name', 'b', '--scopes', 'audit:admin', '--file', file])
    expect([a.code, b.code]).toEqual([0, 0])
    expect(a.out).not.toBe(b.out)
    const text = readFileSync(file, 'utf8')
    expect(text.startsWith('# audit-trail API tokens\n')).toBe(true)
    const set = parseTokensFile(text, file)
    expect(set.entries.map((e) => [e.name, e.scopes])).toEqual([
      ['a', ['audit:read', 'audit:write']],
      ['b', ['audit:admin']],
    ])
    expect(set.byHash.get(hashToken(b.out.trim()))?.name).toBe('b')
  })

  it('writes JSON to a .json file', async () => {
    const file = join(dir, `tokens-${n++}.json`)
    const { code, out } = await run(['create', '--name', 'ops', '--scopes', 'audit:admin', '--file', file])
    expect(code).toBe(0)
    const data = JSON.parse(readFileSync(file, 'utf8')) as { tokens: { name: string; sha256: string }[] }
    expect(data.tokens).toEqual([{ name: 'ops', sha256: hashToken(out.trim()), scopes: ['audit:admin'] }])
  })

  it.each([
    [['create', '--scopes', 'audit:write', '--file', 'x.yaml'], /--name is required/],
    [['create', '--name', 'has space', '--scopes', 'audit:write', '--file', 'x.yaml'], /--name is required/],
    [
      ['create', '--name', 'x', '--scopes', 'audit:everything', '--file', 'x.yaml'],
      /unknown: audit:everything/,
    ],
    [
      ['create', '--name', 'x', '--scopes', 'audit:write'],
      /--file is required when AUTH_TOKENS_FILE is not set/,
    ],
    [['revoke', '--name', 'x'], /unknown command "revoke"/],
    [['create', '--name', 'x', '--scopes', 'audit:write', '--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j with exit 2 and the usage', async (args, message) => {
    const { code, out, err } = await run(args)
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toMatch(message)
    expect(err).toMatch(/usage: datastorage token create/)
  })

  it('refuses a name already in the file, and leaves the file as it was', async () => {
    const file = join(dir, `tokens-${n++}.yaml`)
    expect((await run(['create', '--name', 'a', '--scopes', 'audit:read', '--file', file])).code).toBe(0)
    const before = readFileSync(file, 'utf8')
    const again = await run(['create', '--name', 'a', '--scopes', 'audit:write', '--file', file])
    expect(again).toMatchObject({ code: 2, out: '' })
    expect(again.err).toMatch(/already has a token named "a"/)
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('exits 1 naming the file when it is not a tokens file', async () => {
    const file = join(dir, `tokens-${n++}.yaml`)
    writeFileSync(file, '- just\n- a list\n')
    const { code, out, err } = await run(['create', '--name', 'a', '--scopes', 'audit:read', '--file', file])
    expect({ code, out }).toEqual({ code: 1, out: '' })
    expect(err).toMatch(new RegExp(`${file}: must be a YAML mapping`))
  })
})
