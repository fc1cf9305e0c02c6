import { gunzipSync } from 'node:zlib'
import {
  type ContractModel,
  contractModel,
  createContractModel,
  escapePointer,
  formatErrors,
  type HeaderSource,
  headerOf,
  isJsonMedia,
  isObject,
  type Json,
  METHODS,
  mediaType,
} from './contract-model.js'

/**
 * Holds an HTTP request to the contract (openapi/datastorage.yaml): its path parameters, query
 * parameters, header parameters and body against what its operation declares. The validating
 * proxy runs it on every request the suite sends and reports a request the spec forbids that the
 * server accepted (2xx): a refusal is what the spec asks for, acceptance means the server is more
 * lenient than the contract the clients are typed from.
 *
 * Parameters use OpenAPI's default serialisation (`style: form, explode: true` in the query,
 * `simple` in the path): one `name=value` per value, percent-decoded, a text that the schema's
 * type turns into a number or boolean when it spells one. Every `/api/v1` operation refuses a
 * query parameter it does not declare, or one given twice (the spec's `info.description`); the
 * probes (`/healthz`, `/readyz`, `/metrics`) ignore query strings, so there those are allowed.
 */

/** One request, as it went over the wire. */
export interface ObservedRequest {
  method: string
  /** The request target: the path and the query string, still percent-encoded. */
  target: string
  headers: HeaderSource
  /** The body as sent (still gzip-compressed if its Content-Encoding says so); empty for none. */
  body: Uint8Array
}

/** A validator of requests against one OpenAPI document (the service's contract by default). */
export interface RequestValidator {
  /**
   * What in the request the spec forbids; empty when it conforms. A request to no operation of the
   * spec is not this validator's business (the response validator holds a 2xx to it as a violation).
   */
  validate(request: ObservedRequest): string[]
}

/** Where the spec says unknown and repeated query parameters are refused. */
const STRICT_QUERY_PREFIX = '/api/v1/'

interface Parameter {
  name: string
  in: string
  required: boolean
  /** JSON pointer of its schema, if it has one. */
  schema?: string
  types: string[]
}

/** The text of a parameter as the value its schema types it as (a number, a boolean), else as is. */
function typed(value: string, types: readonly string[]): unknown {
  const numeric = types.includes('number')
    ? /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/
    : types.includes('integer')
      ? /^-?\d+$/
      : undefined
  if (numeric?.test(value)) return Number(value)
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

function decode(component: string): string | undefined {
  try {
    return decodeURIComponent(component)
  } catch {
    return undefined
  }
}

export function createRequestValidator(document?: Json): RequestValidator {
  const model: ContractModel = document === undefined ? contractModel() : createContractModel(document)
  const { compile, resolve } = model

  /** The operation's parameters with the path item's, by `in` and name (the operation's win). */
  const memo = new Map<string, Parameter[]>()
  const parametersOf = (template: string, method: string, operation: Json): Parameter[] => {
    const key = `${method} ${template}`
    const known = memo.get(key)
    if (known) return known
    const pathPointer = `/paths/${escapePointer(template)}`
    const item = model.document.paths as Json
    const byKey = new Map<string, Parameter>()
    const collect = (list: unknown, pointer: string) => {
      if (!Array.isArray(list)) return
      list.forEach((raw, i) => {
        const found = resolve(raw, `${pointer}/${i}`)
        const name = found?.node.name
        const where = found?.node.in
        if (!found || typeof name !== 'string' || typeof where !== 'string') return
        const { node } = found
        const schema = isObject(node.schema) ? resolve(node.schema, `${found.pointer}/schema`) : undefined
        // Header names are case-insensitive.
        byKey.set(`${where}:${where === 'header' ? name.toLowerCase() : name}`, {
          name,
          in: where,
          required: node.required === true,
          ...(schema ? { schema: `${found.pointer}/schema` } : {}),
          types: schema
            ? ([] as unknown[]).concat(schema.node.type).filter((t): t is string => typeof t === 'string')
            : [],
        })
      })
    }
    collect((item[template] as Json).parameters, `${pathPointer}/parameters`)
    collect(operation.parameters, `${pathPointer}/${method}/parameters`)
    const list = [...byKey.values()]
    memo.set(key, list)
    return list
  }

  const checkValue = (p: Parameter, value: string, out: string[]) => {
    if (p.schema === undefined) return
    const check = compile(p.schema)
    if (!check(typed(value, p.types))) {
      out.push(
        `${p.in} parameter ${p.name}: ${JSON.stringify(value.slice(0, 80))} ${formatErrors(check.errors).replace(/^\(root\) /, '')}`,
      )
    }
  }

  const validate = (request: ObservedRequest): string[] => {
    const method = request.method.toLowerCase()
    const [rawPath = '', rawQuery = ''] = splitTarget(request.target)
    const matched = model.match(rawPath)
    const operation = matched?.route.operations[method]
    if (!matched || !isObject(operation) || !METHODS.includes(method as (typeof METHODS)[number])) return []
    const { template } = matched.route
    const out: string[] = []
    const parameters = parametersOf(template, method, operation)

    for (const p of parameters.filter((q) => q.in === 'path')) {
      const raw = matched.params[p.name]
      if (raw === undefined) continue
      // A broken percent sequence is checked as written.
      checkValue(p, decode(raw) ?? raw, out)
    }

    const query = parseQuery(rawQuery)
    const declared = new Map(parameters.filter((q) => q.in === 'query').map((q) => [q.name, q]))
    const strict = rawPath.startsWith(STRICT_QUERY_PREFIX)
    for (const [name, values] of query) {
      const p = declared.get(name)
      if (!p) {
        if (strict) out.push(`query parameter ${name} is not declared by the operation`)
        continue
      }
      if (values.length > 1 && !p.types.includes('array')) {
        if (strict) out.push(`query parameter ${name} is given ${values.length} times`)
        continue
      }
      if (p.types.includes('array')) {
        if (p.schema === undefined) continue
        const check = compile(p.schema)
        if (!check(values)) out.push(`query parameter ${name}: ${formatErrors(check.errors)}`)
      } else checkValue(p, values[0] ?? '', out)
    }
    for (const p of declared.values()) {
      if (p.required && !query.has(p.name)) out.push(`query parameter ${p.name} is required but missing`)
    }

    for (const p of parameters.filter((q) => q.in === 'header')) {
      const value = headerOf(request.headers, p.name)
      if (value === undefined) {
        if (p.required) out.push(`header ${p.name} is required but missing`)
      } else checkValue(p, value, out)
    }

    out.push(...bodyViolations(template, method, operation, request))
    return out
  }

  const bodyViolations = (
    template: string,
    method: string,
    operation: Json,
    request: ObservedRequest,
  ): string[] => {
    if (operation.requestBody === undefined) return []
    const declared = resolve(operation.requestBody, `/paths/${escapePointer(template)}/${method}/requestBody`)
    if (!declared)
      return [`the spec's request body of ${method.toUpperCase()} ${template} cannot be resolved`]
    if (request.body.length === 0)
      return declared.node.required === true ? ['a request body is required'] : []
    const content = isObject(declared.node.content) ? declared.node.content : {}
    const sent = mediaType(headerOf(request.headers, 'content-type'))
    const type = Object.keys(content).find((t) => mediaType(t) === sent)
    if (!type) return [`content type ${sent ?? '(none)'}, declared ${Object.keys(content).join(' or ')}`]
    const media = content[type]
    if (!isObject(media) || !isObject(media.schema)) return []
    let bytes = request.body
    const coding = headerOf(request.headers, 'content-encoding')?.trim().toLowerCase()
    if (coding === 'gzip' || coding === 'x-gzip') {
      try {
        bytes = gunzipSync(bytes)
      } catch {
        return ['the body is not valid gzip']
      }
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
    let body: unknown = text
    if (isJsonMedia(mediaType(type) ?? '')) {
      try {
        body = JSON.parse(text)
      } catch {
        return [`body is not JSON: ${JSON.stringify(text.slice(0, 120))}`]
      }
    }
    const check = compile(`${declared.pointer}/content/${escapePointer(type)}/schema`)
    return check(body) ? [] : [`body: ${formatErrors(check.errors)}`]
  }

  return { validate }
}

/** A request target split into its path and its query string (without the `?`). */
function splitTarget(target: string): [string, string] {
  // The absolute form (`POST http://host/path`) names the same path.
  const local = /^https?:\/\//i.test(target) ? target.replace(/^https?:\/\/[^/?#]*/i, '') || '/' : target
  const at = local.indexOf('?')
  return at < 0 ? [local, ''] : [local.slice(0, at), local.slice(at + 1)]
}

/**
 * The query string as form/explode serialisation reads it (`+` is a space, each pair
 * percent-decoded), values of a name in order. Decoded as WHATWG URLSearchParams does, which is
 * what the service reads it with: a broken percent sequence stays as written.
 */
function parseQuery(query: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [name, value] of new URLSearchParams(query)) out.set(name, [...(out.get(name) ?? []), value])
  return out
}

let shared: RequestValidator | undefined
/** The request validator of the service's contract, built once. */
export function contractRequestValidator(): RequestValidator {
  shared ??= createRequestValidator()
  return shared
}
