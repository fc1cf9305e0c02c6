import { openapiDocument } from '@audit-trail/datastorage-client/openapi'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

/**
 * The parts of the contract (openapi/datastorage.yaml) both the response and the request validator
 * need: the spec's schemas compiled once by Ajv (OpenAPI 3.1 is JSON Schema 2020-12), its path
 * templates as routes, and `$ref` resolution that keeps the JSON pointer of the target, so a
 * schema is compiled by where it lives in the document and each one only once.
 */

type AddFormats = (ajv: Ajv2020) => Ajv2020
// ajv-formats is CommonJS: under ESM its function is either the default export or the module.
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats)

export type Json = Record<string, unknown>
const DOC_ID = 'datastorage.yaml'
/** The HTTP methods an OpenAPI path item can hold operations for. */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
export const escapePointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1')

/** A path template of the spec, as a regular expression whose groups are its path parameters. */
export interface Route {
  template: string
  pattern: RegExp
  /** The names of the template's parameters, in the order of the pattern's groups. */
  names: string[]
  operations: Json
}

/** A route matched against a concrete path, with the raw (still percent-encoded) parameter values. */
export interface MatchedRoute {
  route: Route
  params: Record<string, string>
}

/** The names of the spec's `x-` extensions, so Ajv is told they are annotations, not typos. */
function extensionKeywords(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) extensionKeywords(item, into)
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key)
      extensionKeywords(value, into)
    }
  }
  return into
}

/** A media type as compared: lower case, without parameters (`; charset=utf-8`). */
export function mediaType(value: string | null | undefined): string | undefined {
  const type = value?.split(';')[0]?.trim().toLowerCase()
  return type ? type : undefined
}

export const isJsonMedia = (type: string) => type === 'application/json' || type.endsWith('+json')

/** Headers as a fetch `Headers` or a plain record (node's `IncomingHttpHeaders` included). */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>

/** A header's value, case-insensitively; several values of a plain record are joined with `, `. */
export function headerOf(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(', ') : value
  }
  return undefined
}

export function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
    )
    .join('; ')
}

/** One OpenAPI document, compiled for checking requests and answers against it. */
export interface ContractModel {
  readonly document: Json
  /** The validator of the schema at a JSON pointer of the document, compiled once. */
  compile(pointer: string): ValidateFunction
  /** Follows local `$ref`s from `node` (found at `pointer`), returning the target and its pointer. */
  resolve(node: unknown, pointer: string): { node: Json; pointer: string } | undefined
  /** The route a path (a query string, if any, is ignored) matches; concrete templates win. */
  match(path: string): MatchedRoute | undefined
}

export function createContractModel(document: Json = openapiDocument): ContractModel {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true })
  addFormats(ajv)
  for (const keyword of extensionKeywords(document)) ajv.addKeyword({ keyword })
  ajv.addSchema({ ...document, $id: DOC_ID })
  const compiled = new Map<string, ValidateFunction>()
  const compile = (pointer: string) => {
    let fn = compiled.get(pointer)
    if (!fn) {
      fn = ajv.compile({ $ref: `${DOC_ID}#${pointer}` })
      compiled.set(pointer, fn)
    }
    return fn
  }

  const resolve = (node: unknown, pointer: string): { node: Json; pointer: string } | undefined => {
    let at = node
    let where = pointer
    for (let hops = 0; isObject(at) && typeof at.$ref === 'string' && hops < 10; hops++) {
      const ref = at.$ref
      if (!ref.startsWith('#/')) return undefined
      where = ref.slice(1)
      at = where
        .split('/')
        .slice(1)
        .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce<unknown>((n, key) => (isObject(n) ? n[key] : undefined), document)
    }
    return isObject(at) ? { node: at, pointer: where } : undefined
  }

  const paths = isObject(document.paths) ? document.paths : {}
  const routes: Route[] = Object.entries(paths)
    .filter((entry): entry is [string, Json] => isObject(entry[1]))
    .map(([template, operations]) => ({
      template,
      operations,
      names: (template.match(/\{[^}]+\}/g) ?? []).map((p) => p.slice(1, -1)),
      pattern: new RegExp(
        `^${template
          .split(/(\{[^}]+\})/)
          .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('')}$`,
      ),
    }))
    // `/events/batch` before `/events/{event_id}`: the fewer parameters, the more concrete.
    .sort((a, b) => a.names.length - b.names.length)

  const match = (path: string): MatchedRoute | undefined => {
    const bare = path.split('?')[0] ?? path
    for (const route of routes) {
      const found = route.pattern.exec(bare)
      if (!found) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => {
        params[name] = found[i + 1] ?? ''
      })
      return { route, params }
    }
    return undefined
  }

  return { document, compile, resolve, match }
}

let shared: ContractModel | undefined
/** The model of the service's contract, built once (compiling the spec takes a moment). */
export function contractModel(): ContractModel {
  shared ??= createContractModel()
  return shared
}
