import {
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
  headers: HeaderSource
  /** The body as text; empty for none. */
  body: string
}

/** A validator over one OpenAPI document (the service's contract by default). */
export interface ResponseValidator {
  /** What in the answer differs from the contract; empty when it conforms. */
  validate(response: ObservedResponse): string[]
  /** The spec's path template a path matches, if any. */
  route(path: string): string | undefined
}

export function createResponseValidator(document?: Json): ResponseValidator {
  const model = document === undefined ? contractModel() : createContractModel(document)
  const { compile, resolve } = model
  const route = (path: string) => model.match(path)?.route

  const { components } = model.document
  const hasProblem =
    isObject(components) && isObject(components.schemas) ? 'Problem' in components.schemas : false
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
