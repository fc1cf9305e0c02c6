import { openapiDocument } from '@audit-trail/datastorage-client/openapi'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

/**
 * Holds an HTTP answer to the contract (openapi/datastorage.yaml): the status must be one the
 * operation declares (or its `default`), the content type the declared one, the body valid against
 * the declared schema, the declared headers present when required and valid when sent. The schemas
 * are the spec's own, compiled by Ajv (OpenAPI 3.1 is JSON Schema 2020-12), so the e2e suite checks
 * the server against the same text the generated client is typed from.
 */

/** One answer, as the caller saw it. */
export interface ObservedResponse {
  method: string
  /** The URL path (a query string, if any, is ignored). */
  path: string
  status: number
  headers: Headers | Record<string, string | undefined>
  /** The body as text; empty for none. */
  body: string
}

type AddFormats = (ajv: Ajv2020) => Ajv2020
// ajv-formats is CommonJS: under ESM its function is either the default export or the module.
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats)

type Json = Record<string, unknown>
const DOC_ID = 'datastorage.yaml'
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/** A path template of the spec, as a regular expression; concrete ones sort first. */
interface Route {
  template: string
  pattern: RegExp
  params: number
  operations: Json
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const escapePointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1')

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
function mediaType(value: string | null | undefined): string | undefined {
  const type = value?.split(';')[0]?.trim().toLowerCase()
  return type ? type : undefined
}

const isJsonMedia = (type: string) => type === 'application/json' || type.endsWith('+json')

function headerOf(headers: ObservedResponse['headers'], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value
  return undefined
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
    )
    .join('; ')
}

/** A validator over one OpenAPI document (the service's contract by default). */
export interface ResponseValidator {
  /** What in the answer differs from the contract; empty when it conforms. */
  validate(response: ObservedResponse): string[]
  /** The spec's path template a path matches, if any. */
  route(path: string): string | undefined
}

export function createResponseValidator(document: Json = openapiDocument): ResponseValidator {
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

  /** Follows a local `$ref` (`#/components/responses/X`), keeping the JSON pointer of the target. */
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
      params: (template.match(/\{[^}]+\}/g) ?? []).length,
      pattern: new RegExp(
        `^${template
          .split(/(\{[^}]+\})/)
          .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('')}$`,
      ),
    }))
    // `/events/batch` before `/events/{event_id}`: the fewer parameters, the more concrete.
    .sort((a, b) => a.params - b.params)

  const route = (path: string) => {
    const bare = path.split('?')[0] ?? path
    return routes.find((r) => r.pattern.test(bare))
  }

  const hasProblem =
    isObject(document.components) && isObject(document.components.schemas)
      ? 'Problem' in document.components.schemas
      : false
  /** An error answer outside any operation: a problem+json body, if it has a body. */
  const problemViolations = (response: ObservedResponse): string[] => {
    if (response.body === '' || !hasProblem) return []
    const sent = mediaType(headerOf(response.headers, 'content-type'))
    if (sent !== 'application/problem+json')
      return [`content type ${sent ?? '(none)'} of an error, not application/problem+json`]
    let body: unknown
    try {
      body = JSON.parse(response.body)
    } catch {
      return [`body is not JSON: ${JSON.stringify(response.body.slice(0, 120))}`]
    }
    const check = compile('/components/schemas/Problem')
    return check(body) ? [] : [`body: ${formatErrors(check.errors)}`]
  }

  const validate = (response: ObservedResponse): string[] => {
    const method = response.method.toLowerCase()
    const { status } = response
    const matched = route(response.path)
    // HEAD is answered as the GET of the same path, without a body.
    const opMethod = method === 'head' ? 'get' : method
    const operation = matched?.operations[opMethod]
    if (!matched || !isObject(operation) || !METHODS.includes(opMethod as (typeof METHODS)[number])) {
      // No operation in the spec: refusing it is right, accepting it is not; and the refusal is a
      // problem like every error of the API (a 404 or 405 the spec's info describes).
      if (status >= 200 && status < 300) {
        return [`${status} for ${response.method} ${response.path}, which the spec does not declare`]
      }
      return status >= 400 ? problemViolations(response) : []
    }
    const opPointer = `/paths/${escapePointer(matched.template)}/${opMethod}`
    const responses = isObject(operation.responses) ? operation.responses : {}
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses)
    if (key === undefined) {
      return [`status ${status} is not declared (declared: ${Object.keys(responses).join(', ')})`]
    }
    const declared = resolve(responses[key], `${opPointer}/responses/${escapePointer(key)}`)
    if (!declared) return [`the spec's response ${key} cannot be resolved`]
    const out: string[] = []

    // Headers: required ones present; any declared one that is sent holds to its schema.
    const headers = isObject(declared.node.headers) ? declared.node.headers : {}
    for (const [name, raw] of Object.entries(headers)) {
      if (name.toLowerCase() === 'content-type') continue
      const header = resolve(raw, `${declared.pointer}/headers/${escapePointer(name)}`)
      if (!header) continue
      const value = headerOf(response.headers, name)
      if (value === undefined) {
        if (header.node.required === true) out.push(`header ${name} is required but missing`)
        continue
      }
      if (!isObject(header.node.schema)) continue
      const schema = header.node.schema
      const types = ([] as unknown[]).concat(schema.type)
      // A header is text; a numeric schema is about the number it spells.
      const asValue =
        (types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value.trim())
          ? Number(value.trim())
          : value
      const check = compile(`${header.pointer}/schema`)
      if (!check(asValue)) out.push(`header ${name}: ${JSON.stringify(value)} ${formatErrors(check.errors)}`)
    }

    // Body: the declared media type, valid against its schema.
    const content = isObject(declared.node.content) ? declared.node.content : {}
    const declaredTypes = Object.keys(content)
    const sent = mediaType(headerOf(response.headers, 'content-type'))
    if (declaredTypes.length === 0) {
      if (response.body !== '') out.push(`a body (${sent ?? 'no content type'}) where the spec declares none`)
      return out
    }
    if (method === 'head') return out
    const type = declaredTypes.find((t) => mediaType(t) === sent)
    if (!type) {
      out.push(`content type ${sent ?? '(none)'}, declared ${declaredTypes.join(' or ')}`)
      return out
    }
    const media = content[type]
    if (!isObject(media) || !isObject(media.schema)) return out
    let body: unknown = response.body
    if (isJsonMedia(mediaType(type) ?? '')) {
      try {
        body = JSON.parse(response.body)
      } catch {
        out.push(`body is not JSON: ${JSON.stringify(response.body.slice(0, 120))}`)
        return out
      }
    }
    const check = compile(`${declared.pointer}/content/${escapePointer(type)}/schema`)
    if (!check(body)) out.push(`body: ${formatErrors(check.errors)}`)
    return out
  }

  return { validate, route: (path) => route(path)?.template }
}

let shared: ResponseValidator | undefined
/** The validator of the service's contract, built once (compiling the spec takes a moment). */
export function contractValidator(): ResponseValidator {
  shared ??= createResponseValidator()
  return shared
}
