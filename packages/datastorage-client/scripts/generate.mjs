// Generates src/generated/ from openapi/datastorage.yaml:
// - schema.ts: the types of paths and components (openapi-typescript);
// - openapi-document.ts: the spec as a module (the `./openapi` export);
// - contract.ts: the limits the spec states in `x-` extensions and the event-type catalog;
// - event-catalog.ts: `EventDataByType`, the typed event_data of each event type of `EventDataCatalog`;
// - audit-event-validator.ts: the JSON Schema validator of `AuditEventRequest`, compiled by Ajv's
//   standalone code generation so that no validation library is needed at run time; its date-time
//   and uuid formats are the strict checks of src/rfc3339.ts.
// With --check it writes nothing and exits 1 when any committed file is stale.
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _, Ajv2020 } from 'ajv/dist/2020.js'
import standaloneCode from 'ajv/dist/standalone/index.js'
import addFormats from 'ajv-formats'
import { fullFormats } from 'ajv-formats/dist/formats.js'
import openapiTS, { astToString } from 'openapi-typescript'
import { parse } from 'yaml'

const here = dirname(fileURLToPath(import.meta.url))
const specPath = resolve(here, '../../../openapi/datastorage.yaml')
const outDir = resolve(here, '../src/generated')
const header = '// Generated from openapi/datastorage.yaml by scripts/generate.mjs. Do not edit.\n'

const yamlText = await readFile(specPath, 'utf8')
const document = parse(yamlText)
const schemas = document.components?.schemas ?? {}

function fail(message) {
  console.error(`generate: ${message}`)
  process.exit(1)
}

/** A value the spec must hold, or the generator stops (instead of generating `undefined`). */
function required(value, what) {
  if (value === undefined || value === null) fail(`openapi/datastorage.yaml lacks ${what}`)
  return value
}

function schemaName(ref, where) {
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref ?? '')
  if (!match || !schemas[match[1]]) fail(`${where}: expected a $ref to a components schema, got ${ref}`)
  return match[1]
}

// ---- contract.ts: the limits and the catalog, so the validator does not ship the whole document ----
function contractModule() {
  const integer = (value, what) => {
    if (!Number.isInteger(required(value, what))) fail(`${what} must be an integer, got ${value}`)
    return value
  }
  const limits = [
    ['eventDataMaxBytes', 'EventData x-max-bytes', schemas.EventData?.['x-max-bytes']],
    ['eventDataMaxDepth', 'EventData x-max-depth', schemas.EventData?.['x-max-depth']],
    [
      'maxFutureSeconds',
      'AuditEventFields.properties.event_timestamp x-max-future-seconds',
      schemas.AuditEventFields?.properties?.event_timestamp?.['x-max-future-seconds'],
    ],
    ['maxBatchSize', 'AuditEventBatchRequest maxItems', schemas.AuditEventBatchRequest?.maxItems],
  ]
  const known = required(schemas.KnownEventType?.enum, 'components.schemas.KnownEventType.enum')
  return [
    header,
    '// The limits the contract states (`x-` extensions, maxItems) and its event-type catalog.',
    '',
    ...limits.flatMap(([name, what, value]) => [
      `/** ${what}. */`,
      `export const ${name}: number = ${integer(value, what)}`,
    ]),
    '',
    '/** components.schemas.KnownEventType.enum. */',
    `export const knownEventTypes: readonly string[] = ${JSON.stringify(known, null, 2)}`,
    '',
  ].join('\n')
}

/** A single-quoted TypeScript string literal (the names of the spec need no escapes; others stop the generator). */
function quote(text) {
  if (!/^[\w.-]+$/.test(text)) fail(`unexpected characters in ${JSON.stringify(text)}`)
  return `'${text}'`
}

// ---- event-catalog.ts: event type -> typed event_data, from EventDataCatalog's if/then table ----
function eventCatalogModule() {
  const branches = required(schemas.EventDataCatalog?.allOf, 'components.schemas.EventDataCatalog.allOf')
  const entries = new Map()
  branches.forEach((branch, i) => {
    const where = `EventDataCatalog.allOf[${i}]`
    const eventType = branch?.if?.properties?.event_type
    const types = eventType?.const !== undefined ? [eventType.const] : eventType?.enum
    if (!Array.isArray(types) || types.some((t) => typeof t !== 'string')) {
      fail(`${where}: expected if.properties.event_type with a string const or enum`)
    }
    const target = schemaName(
      branch.then?.properties?.event_data?.$ref,
      `${where}.then.properties.event_data`,
    )
    for (const type of types) {
      if (entries.has(type)) fail(`${where}: event type ${type} is already mapped to ${entries.get(type)}`)
      entries.set(type, target)
    }
  })
  return [
    header,
    "import type { components } from './schema.js'",
    '',
    '/**',
    ' * The typed `event_data` of each event type of the contract’s catalog (`EventDataCatalog`): the',
    ' * service validates an event of one of these types against that schema.',
    ' */',
    'export interface EventDataByType {',
    ...[...entries].map(([type, target]) => `  ${quote(type)}: components['schemas'][${quote(target)}]`),
    '}',
    '',
  ].join('\n')
}

// ---- event-data-schemas.ts: the catalog's payload schemas as data, for src/event-data-validator.ts ----
/**
 * The named components schemas reachable from `roots`, as data: descriptions, examples, defaults and
 * `x-` extensions left out (the limits those state are generated into contract.ts).
 */
function reachableSchemas(roots) {
  const reached = {}
  const strip = (value) => {
    if (Array.isArray(value)) return value.map(strip)
    if (!value || typeof value !== 'object') return value
    const out = {}
    for (const [key, v] of Object.entries(value)) {
      if (
        ['description', 'example', 'examples', 'default', 'deprecated'].includes(key) ||
        key.startsWith('x-')
      )
        continue
      if (key === '$ref') visit(schemaName(v, 'a payload schema'))
      out[key] =
        key === 'properties' ? Object.fromEntries(Object.entries(v).map(([k, p]) => [k, strip(p)])) : strip(v)
    }
    return out
  }
  const visit = (name) => {
    if (name in reached) return
    reached[name] = null
    reached[name] = strip(schemas[name])
  }
  for (const name of roots) visit(name)
  return reached
}

function eventDataSchemasModule() {
  const branches = required(schemas.EventDataCatalog?.allOf, 'components.schemas.EventDataCatalog.allOf')
  const byType = {}
  for (const branch of branches) {
    const eventType = branch.if.properties.event_type
    const target = schemaName(branch.then.properties.event_data.$ref, 'EventDataCatalog')
    for (const type of eventType.const !== undefined ? [eventType.const] : eventType.enum)
      byType[type] = target
  }
  const reached = reachableSchemas(Object.values(byType))
  return [
    header,
    '// The typed event_data of each catalog event type, as JSON Schema data (descriptions left out).',
    '',
    '/** Event type -> the name of its payload schema. */',
    `export const eventDataSchemaOf: Readonly<Record<string, string>> = ${JSON.stringify(byType)}`,
    '',
    '/** components.schemas reachable from the payload schemas. */',
    `export const eventDataSchemas: Readonly<Record<string, unknown>> = ${JSON.stringify(reached)}`,
    '',
  ].join('\n')
}

/**
 * The fast acceptance check of AuditEventRequest's envelope, compiled to straight-line code (named
 * property reads the engine caches, no error objects): true only when Ajv's validator of the same
 * schema (audit-event-validator.ts, without the EventDataCatalog, which src/fast-check.ts checks)
 * reports no error. It is written for the shape `allOf: [AuditEventFields, EventDataCatalog]`,
 * `required`, `unevaluatedProperties: false`, and for the keywords listed in `keywords` below;
 * anything else stops the generator rather than being checked loosely.
 */
function envelopeCheckModule() {
  const request = required(schemas.AuditEventRequest, 'components.schemas.AuditEventRequest')
  const refs = (request.allOf ?? []).map((member) => member?.$ref)
  const fields = schemas.AuditEventFields
  if (
    refs.join(' ') !== '#/components/schemas/AuditEventFields #/components/schemas/EventDataCatalog' ||
    request.unevaluatedProperties !== false ||
    !Array.isArray(request.required) ||
    Object.keys(request).some(
      (k) => !['description', 'allOf', 'required', 'unevaluatedProperties'].includes(k),
    ) ||
    fields?.type !== 'object' ||
    typeof fields.properties !== 'object' ||
    Object.keys(fields).some((k) => !['type', 'properties', 'description'].includes(k))
  ) {
    fail(
      'AuditEventRequest is no longer allOf [AuditEventFields (type object, properties), EventDataCatalog] + required + ' +
        'unevaluatedProperties: false: update envelopeCheckModule in scripts/generate.mjs',
    )
  }
  const ignored = new Set(['description', 'example', 'examples', 'default', 'deprecated'])
  const constants = []
  const constant = (prefix, code) => {
    const name = `${prefix}${constants.length}`
    constants.push(`const ${name} = ${code}`)
    return name
  }
  const primitive = (value, where) => {
    if (value !== null && typeof value === 'object')
      fail(`${where}: only primitive const/enum values are compiled`)
    return JSON.stringify(value)
  }
  const typeTest = (type, v) => {
    switch (type) {
      case 'string':
      case 'boolean':
        return `typeof ${v} === "${type}"`
      case 'integer':
        return `Number.isInteger(${v})`
      case 'number':
        return `(typeof ${v} === "number" && Number.isFinite(${v}))`
      case 'object':
        return `(typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v}))`
      case 'null':
        return `${v} === null`
      default:
        return fail(`type ${type} is not compiled`)
    }
  }
  /** The conjunction of the schema's keywords on `v`, as Ajv applies them (each to its own JSON type). */
  const compile = (schema, v, where) => {
    const all = []
    const strings = []
    const numbers = []
    for (const [keyword, value] of Object.entries(schema)) {
      if (ignored.has(keyword) || keyword.startsWith('x-')) continue
      switch (keyword) {
        case '$ref':
          all.push(compile(schemas[schemaName(value, where)], v, `${where} → ${value}`))
          break
        case 'type':
          if (typeof value !== 'string') fail(`${where}: only a single type is compiled`)
          all.push(typeTest(value, v))
          break
        case 'const':
          all.push(`${v} === ${primitive(value, where)}`)
          break
        case 'enum':
          all.push(`(${value.map((x) => `${v} === ${primitive(x, where)}`).join(' || ')})`)
          break
        case 'minLength':
        case 'maxLength':
          break // below, together
        case 'pattern':
          strings.push(`${constant('pattern', `new RegExp(${JSON.stringify(value)}, "u")`)}.test(${v})`)
          break
        case 'format':
          if (runtimeFormats.includes(value)) {
            const name = constant('format', `formats[${JSON.stringify(value)}]!`)
            if (value === 'date-time') {
              // A client stamps many events with the same timestamp: remember the last one that passed.
              const last = constant('lastPassed', 'undefined as unknown')
              constants[constants.length - 1] = constants.at(-1).replace('const ', 'let ')
              strings.push(`(${v} === ${last} || (${name}.validate(${v}) && ((${last} = ${v}), true)))`)
            } else strings.push(`${name}.validate(${v})`)
          } else {
            const format = fullFormats[value]
            if (!(format instanceof RegExp)) fail(`${where}: format ${value} is not a RegExp in ajv-formats`)
            strings.push(`${constant('format', String(format))}.test(${v})`)
          }
          break
        case 'minimum':
          numbers.push(`!(${v} < ${Number(value)})`)
          break
        case 'maximum':
          numbers.push(`!(${v} > ${Number(value)})`)
          break
        case 'anyOf':
          all.push(`(${value.map((branch, i) => compile(branch, v, `${where}/anyOf/${i}`)).join(' || ')})`)
          break
        case 'additionalProperties':
          if (value !== true) fail(`${where}: only additionalProperties: true is compiled`)
          break
        default:
          fail(`${where}: keyword ${keyword} is not compiled by envelopeCheckModule`)
      }
    }
    if (schema.minLength !== undefined || schema.maxLength !== undefined) {
      const min = schema.minLength ?? 0
      const max = schema.maxLength ?? Number.MAX_SAFE_INTEGER
      // Code points lie between half the UTF-16 length and the length: count them only when that matters.
      strings.push(
        `((${v}.length <= ${max} && ${v}.length >= ${2 * min}) || codePointsWithin(${v}, ${min}, ${max}))`,
      )
    }
    if (strings.length > 0) {
      all.push(
        schema.type === 'string'
          ? strings.join(' && ')
          : `(typeof ${v} !== "string" || (${strings.join(' && ')}))`,
      )
    }
    if (numbers.length > 0) all.push(`(typeof ${v} !== "number" || (${numbers.join(' && ')}))`)
    return all.length === 0 ? 'true' : all.join(' && ')
  }
  const requiredNames = new Set(request.required)
  const names = Object.keys(fields.properties)
  // One bit per property in a small integer: the fields seen by the for-in loop.
  if (names.length > 30)
    fail('AuditEventFields has more than 30 properties: split the seen bits of envelopeCheck')
  for (const name of requiredNames) if (!names.includes(name)) fail(`required ${name} is no property`)
  // Required fields first: every event has them, and names of one length are compared in order.
  const order = [...names.filter((n) => requiredNames.has(n)), ...names.filter((n) => !requiredNames.has(n))]
  const bit = (name) => 1 << names.indexOf(name)
  const requiredBits = order.filter((n) => requiredNames.has(n)).reduce((bits, n) => bits | bit(n), 0)
  // Dispatch on the key's length first (a jump table), then compare the few names of that length:
  // a switch over the names would compare strings one case after another.
  const byLength = new Map()
  for (const name of order) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) fail(`property ${name}: only plain identifiers are compiled`)
    byLength.set(name.length, [...(byLength.get(name.length) ?? []), name])
  }
  const cases = []
  for (const [length, group] of [...byLength].sort((a, b) => a[0] - b[0])) {
    cases.push(`      case ${length}:`)
    group.forEach((name, i) => {
      const check = compile(fields.properties[name], 'v', name)
      cases.push(
        `        ${i === 0 ? '' : '} else '}if (key === "${name}") {`,
        requiredNames.has(name)
          ? `          if (v === undefined || !(${check})) return false`
          : `          if (v !== undefined && !(${check})) return false`,
        `          seen |= ${bit(name)}`,
      )
    })
    cases.push('        } else return false', '        break')
  }
  const unseen = order
    .filter((n) => !requiredNames.has(n))
    .map((n) => `  if ((seen & ${bit(n)}) === 0 && e.${n} !== undefined) return false`)
  return [
    header.trimEnd(),
    '// The fast acceptance check of the envelope of AuditEventRequest (see envelopeCheckModule in',
    "// scripts/generate.mjs): straight-line code, true only when Ajv's validator reports no error.",
    "import { formats, ucs2length } from '../json-schema-runtime.js'",
    '',
    ...constants,
    '',
    'function codePointsWithin(text: string, min: number, max: number): boolean {',
    '  const n = ucs2length(text)',
    '  return n >= min && n <= max',
    '}',
    '',
    '/**',
    ' * True only when the envelope of `e` (a non-null, non-array object) is valid as Ajv decides: every',
    ' * field of AuditEventFields that is own and not `undefined` passes its schema, every required one',
    ' * is there, and no other own enumerable key is (`unevaluatedProperties: false`). It walks the keys',
    ' * with for-in (which reads an ordinary object far faster than own-property checks one by one), so',
    ' * it answers false, "not sure", for what for-in does not see as Ajv does: an object whose prototype',
    ' * is not Object.prototype, an inherited enumerable key, a known field that is there but not',
    ' * enumerable. The full validator then decides.',
    ' */',
    '// biome-ignore lint/suspicious/noExplicitAny: generated code reads the fields of any object.',
    'export function envelopeCheck(e: any): boolean {',
    '  if (Object.getPrototypeOf(e) !== Object.prototype) return false',
    '  let seen = 0',
    '  for (const key in e) {',
    '    const v = e[key]',
    '    switch (key.length) {',
    ...cases,
    '      default:',
    '        return false',
    '    }',
    '  }',
    `  if ((seen & ${requiredBits}) !== ${requiredBits}) return false`,
    '  // A known field for-in did not see, yet there: not enumerable, or inherited. Not sure.',
    ...unseen,
    '  return true',
    '}',
    '',
  ].join('\n')
}

/**
 * Ajv's runtime helpers the generated code may ask for, and the names under which
 * src/json-schema-runtime.ts provides them. A helper not listed here stops the generator.
 */
const runtimeHelpers = { 'require("ajv/dist/runtime/ucs2length").default': 'ucs2length' }

/**
 * Formats whose ajv-formats definitions accept what PostgreSQL cannot store (`date-time`: any
 * whitespace as separator, offsets without colon or minutes, leap seconds, any number of fraction
 * digits; `uuid`: a `urn:uuid:` prefix): the generated code calls the strict checks of
 * src/rfc3339.ts through `formats` (src/json-schema-runtime.ts) instead. The functions given to Ajv
 * here only make it emit that call; they never run.
 */
const runtimeFormats = ['date-time', 'uuid']

function validatorModule() {
  // allErrors: an invalid event is reported with all its invalid fields; on valid events this costs
  // no more than stopping at the first error. ownProperties: only an event's own properties count,
  // as only they are serialized. The other formats are ajv-formats' "full" mode; those that are
  // regular expressions are inlined, the others are read from `formats` at run time.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    validateFormats: true,
    ownProperties: true,
    code: { source: true, esm: true, lines: true, formats: _`formats` },
  })
  addFormats(ajv)
  for (const name of runtimeFormats) {
    ajv.addFormat(name, {
      type: 'string',
      validate: () => fail(`format ${name} must be checked at run time`),
    })
  }
  // The typed event_data catalog is checked by src/event-data-validator.ts from the schemas as data
  // (event-data-schemas.ts): compiled, its payload schemas made the package several times larger.
  const envelope = structuredClone(document)
  envelope.components.schemas.EventDataCatalog = {}
  ajv.addSchema({ ...envelope, $id: 'datastorage.yaml' })
  const validate = ajv.compile({ $ref: 'datastorage.yaml#/components/schemas/AuditEventRequest' })
  let code = standaloneCode(ajv, validate)
  const prologue = /^"use strict";\nexport const validate = (validate\d+);\nexport default \1;\n/.exec(code)
  if (!prologue) fail(`unexpected start of Ajv's standalone code: ${code.slice(0, 120)}`)
  code = code.slice(prologue[0].length)
  // unevaluatedProperties looks a key up in a plain object of the evaluated names (`props0[key0]`),
  // which finds Object.prototype's members: `toString`, `constructor` or JSON.parse's own
  // `__proto__` passed as known fields. Ask whether the name is the object's own.
  code = code.replace(/!(props\d+)\[(key\d+)\]/g, '!Object.hasOwn($1, $2)')
  const lookup = /\b(props\d+|evaluated\d+\.props)\[/.exec(code)
  if (lookup) {
    fail(
      `Ajv's standalone code looks a key up in an object of property names (${code.slice(lookup.index, lookup.index + 60)}…): ` +
        'a prototype member would pass as a known name; rewrite it with Object.hasOwn',
    )
  }
  const imports = new Set(['type CompiledValidator'])
  for (const [helper, name] of Object.entries(runtimeHelpers)) {
    if (code.includes(helper)) {
      code = code.replaceAll(helper, name)
      imports.add(name)
    }
  }
  // `formats.uuid` or `formats["date-time"]`.
  const formatNames = [...code.matchAll(/\bformats(?:\.([A-Za-z_$][\w$]*)|\[("[^"]+")\])/g)].map(
    (m) => m[1] ?? JSON.parse(m[2]),
  )
  if (formatNames.length > 0) imports.add('formats')
  const leftover = /\brequire\(|\bimport\(/.exec(code)
  if (leftover) {
    fail(
      `Ajv's standalone code loads a module at run time (${code.slice(leftover.index, leftover.index + 80)}…): ` +
        'provide it in src/json-schema-runtime.ts and map it in runtimeHelpers',
    )
  }
  return [
    header.trimEnd(),
    '// @ts-nocheck: Ajv standalone code (untyped JavaScript); the export below carries its type.',
    '// The JSON Schema of components.schemas.AuditEventRequest (JSON Schema 2020-12, all errors, own',
    '// properties only; date-time and uuid strict, as PostgreSQL stores them, the other formats those of',
    '// ajv-formats’ "full" mode). Its run-time helpers come from ../json-schema-runtime.ts (formats used',
    `// by name: ${[...new Set(formatNames)].join(', ') || 'none'}), not from ajv.`,
    `import { ${[...imports].join(', ')} } from '../json-schema-runtime.js'`,
    '',
    '/** Validates an audit event request; on `false`, `validateAuditEventRequest.errors` says why. */',
    `export const validateAuditEventRequest: CompiledValidator = ${prologue[1]}`,
    '',
    code.trimEnd(),
    '',
  ].join('\n')
}

const ast = await openapiTS(document, { alphabetize: false, immutable: false, defaultNonNullable: false })
const files = {
  'schema.ts': `${header}/* eslint-disable */\n${astToString(ast)}`,
  'openapi-document.ts': `${header}\n/** The OpenAPI 3.1 document of the DataStorage API, as parsed from the YAML source. */\nexport const openapiDocument: Record<string, unknown> = ${JSON.stringify(document, null, 2)}\n`,
  'contract.ts': contractModule(),
  'event-catalog.ts': eventCatalogModule(),
  'event-data-schemas.ts': eventDataSchemasModule(),
  'envelope-check.ts': envelopeCheckModule(),
  'audit-event-validator.ts': validatorModule(),
}

const check = process.argv.includes('--check')
let stale = false
for (const [name, content] of Object.entries(files)) {
  const target = resolve(outDir, name)
  if (check) {
    const current = await readFile(target, 'utf8').catch(() => '')
    if (current !== content) {
      stale = true
      console.error(
        `stale: src/generated/${name} does not match openapi/datastorage.yaml; run \`pnpm generate\``,
      )
    }
  } else {
    await writeFile(target, content)
    console.log(`wrote src/generated/${name}`)
  }
}
if (stale) process.exit(1)
if (check) console.log('generated files are up to date')
