import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { AuditClientConfig, AuditClientOptions } from '../src/index.js'
import type { OnFull } from '../src/options.js'

const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url))
const fixture = fileURLToPath(new URL('./config.spread.fixture.ts', import.meta.url))

/** The fixture's own type errors, compiled with the package's tsconfig plus `overrides`. */
function typeErrors(overrides: ts.CompilerOptions): string[] {
  const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, fileURLToPath(new URL('..', import.meta.url)))
  const program = ts.createProgram([fixture], { ...parsed.options, ...overrides, noEmit: true })
  const source = program.getSourceFile(fixture)!
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
    (d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
  )
}

describe('the type of loadAuditClientConfig()', () => {
  it('spreads into createAuditClient options under exactOptionalPropertyTypes', () => {
    expect(typeErrors({ exactOptionalPropertyTypes: true })).toEqual([])
  })

  it('is the settings with defaults applied: required numbers, onFull and token optional', () => {
    expectTypeOf<AuditClientConfig>().toExtend<AuditClientOptions>()
    expectTypeOf<AuditClientConfig['batchSize']>().toEqualTypeOf<number>()
    expectTypeOf<AuditClientConfig['baseUrl']>().toEqualTypeOf<string>()
    expectTypeOf<Required<AuditClientConfig>['onFull']>().toEqualTypeOf<OnFull>()
    expectTypeOf<Required<AuditClientConfig>['token']>().toEqualTypeOf<string>()
  })
})
