import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashToken, parseTokensFile, TokensFileError } from '../src/auth/index.js'

const H1 = hashToken('token-one')
const H2 = hashToken('token-two')

function problemOf(text: string): string {
  try {
    parseTokensFile(text, '/etc/audit/tokens.yaml')
  } catch (error) {
    expect(error).toBeInstanceOf(TokensFileError)
    return (error as Error).message
  }
  throw new Error(`parseTokensFile accepted ${text}`)
}

describe('hashToken', () => {
  it('is the lower-case hex SHA-256 of the token', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(hashToken('s3cret')).toBe(createHash('sha256').update('s3cret').digest('hex'))
  })
})

describe('parseTokensFile', () => {
  it('reads YAML and JSON, mapping each hash (any case) to its entry', () => {
    const yaml = `tokens:\n  - name: billing-service\n    sha256: ${H1.toUpperCase()}\n    scopes: [audit:write]\n  - name: ops\n    sha256: ${H2}\n    scopes: [audit:read, audit:admin, audit:read]\n`
    const json = JSON.stringify({
      tokens: [
        { name: 'billing-service', sha256: H1, scopes: ['audit:write'] },
        { name: 'ops', sha256: H2, scopes: ['audit:read', 'audit:admin'] },
      ],
    })
    for (const text of [yaml, json]) {
      const set = parseTokensFile(text, 'tokens')
      expect(set.entries.map((e) => e.name)).toEqual(['billing-service', 'ops'])
      expect(set.byHash.get(H1)).toEqual({ name: 'billing-service', sha256: H1, scopes: ['audit:write'] })
      expect(set.byHash.get(H2)?.scopes).toEqual(['audit:read', 'audit:admin'])
      expect(set.byHash.size).toBe(2)
    }
  })

  it('accepts an empty list', () => {
    expect(parseTokensFile('tokens: []', 't').entries).toEqual([])
  })

  it.each([
    ['tokens: [', 'not valid YAML or JSON'],
    ['', 'must be a mapping with a "tokens" list'],
    ['- a', 'must be a mapping with a "tokens" list'],
    ['tokens: {}', '"tokens" must be a list'],
    ['tokens: [3]', 'tokens[0] must be a mapping'],
    [`tokens: [{ sha256: ${H1}, scopes: [audit:read] }]`, 'tokens[0].name must be 1 to 255 letters'],
    [`tokens: [{ name: 'ops:admin', sha256: ${H1}, scopes: [audit:read] }]`, 'no colon'],
    [`tokens: [{ name: 'two words', sha256: ${H1}, scopes: [audit:read] }]`, 'no spaces'],
    ['tokens: [{ name: a, sha256: abc, scopes: [audit:read] }]', 'tokens[0].sha256 must be 64 hex digits'],
    [`tokens: [{ name: a, sha256: ${H1}, scopes: [] }]`, 'tokens[0].scopes must be a non-empty list'],
    [`tokens: [{ name: a, sha256: ${H1}, scopes: [audit:delete] }]`, 'unknown scope "audit:delete"'],
    [`tokens: [{ name: a, token: x, sha256: ${H1}, scopes: [audit:read] }]`, 'hashes only'],
    [
      `tokens: [{ name: a, sha256: ${H1}, scopes: [audit:read] }, { name: a, sha256: ${H2}, scopes: [audit:read] }]`,
      'tokens[1].name "a" appears twice',
    ],
    [
      `tokens: [{ name: a, sha256: ${H1}, scopes: [audit:read] }, { name: b, sha256: ${H1.toUpperCase()}, scopes: [audit:read] }]`,
      `tokens[1].sha256 is the same hash as "a"'s`,
    ],
  ])('refuses %j naming the file and the problem', (text, problem) => {
    const message = problemOf(text)
    expect(message).toContain('tokens file /etc/audit/tokens.yaml: ')
    expect(message).toContain(problem)
  })
})
