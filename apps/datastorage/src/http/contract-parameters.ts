import { type FieldError, isUuid, unstorableText } from '@audit-trail/datastorage-client'
import { openapiDocument } from '@audit-trail/datastorage-client/openapi'

/** The subset of JSON Schema the contract uses for its parameters. */
interface ParameterSchema {
  $ref?: string
  type?: string
  enum?: string[]
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  default?: unknown
}

/** A parameter of one operation, read from `openapi/datastorage.yaml`. */
export interface ContractParameter {
  name: string
  in: 'query' | 'path'
  required: boolean
  schema: ParameterSchema
}

/** A parameter as the document writes it: inline, or a `$ref` to `components/parameters`. */
type RawParameter = (Omit<ContractParameter, 'schema'> & { schema: ParameterSchema }) | { $ref: string }

type Doc = {
  paths: Record<string, Record<string, { parameters?: RawParameter[] }>>
  components: {
    schemas: Record<string, ParameterSchema>
    parameters?: Record<string, Omit<ContractParameter, 'schema'> & { schema: ParameterSchema }>
  }
}
const doc = openapiDocument as unknown as Doc

function resolve(schema: ParameterSchema): ParameterSchema {
  if (!schema.$ref) return schema
  const name = schema.$ref.replace('#/components/schemas/', '')
  const target = doc.components.schemas[name]
  if (!target) throw new Error(`contract: unresolved $ref ${schema.$ref}`)
  return resolve(target)
}

/**
 * The parameters the contract declares for an operation, by name, with `$ref`s resolved. Read at
 * start-up, so the service accepts exactly what the spec says and cannot drift from it.
 *
 * @throws Error when the contract has no such operation (a programming error).
 */
export function contractParameters(path: string, method: string): ReadonlyMap<string, ContractParameter> {
  const operation = doc.paths[path]?.[method]
  if (!operation) throw new Error(`contract: no operation ${method.toUpperCase()} ${path}`)
  const parameters = new Map<string, ContractParameter>()
  for (const raw of operation.parameters ?? []) {
    const p =
      '$ref' in raw ? doc.components.parameters?.[raw.$ref.replace('#/components/parameters/', '')] : raw
    if (!p) throw new Error(`contract: unresolved parameter ${(raw as { $ref: string }).$ref}`)
    parameters.set(p.name, {
      name: p.name,
      in: p.in,
      required: p.required ?? false,
      schema: resolve(p.schema),
    })
  }
  return parameters
}

const patterns = new Map<string, RegExp>()

/**
 * Checks one raw parameter value against its contract schema. A value PostgreSQL could not compare
 * (a NUL character, a lone surrogate) is refused whatever the schema, as in request bodies.
 *
 * @returns The field error, or undefined when the value is valid.
 */
export function checkParameter(parameter: ContractParameter, value: string): FieldError | undefined {
  const { schema, name } = parameter
  const fail = (message: string): FieldError => ({ field: name, message })
  const unstorable = unstorableText(value)
  if (unstorable) return fail(unstorable)
  if (schema.type === 'integer') {
    // Up to 16 digits: every safe integer (9007199254740991 has 16); isSafeInteger bounds the rest.
    const n = /^-?[0-9]{1,16}$/.test(value) ? Number(value) : Number.NaN
    const min = schema.minimum ?? Number.MIN_SAFE_INTEGER
    const max = schema.maximum ?? Number.MAX_SAFE_INTEGER
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      return fail(`must be an integer from ${min} to ${max}`)
    }
    return undefined
  }
  const length = [...value].length
  if (schema.minLength !== undefined && length < schema.minLength) {
    return fail(`must not have fewer than ${schema.minLength} characters`)
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    return fail(`must not have more than ${schema.maxLength} characters`)
  }
  if (schema.enum && !schema.enum.includes(value)) return fail(`must be one of: ${schema.enum.join(', ')}`)
  // The body validator's rule: 8-4-4-4-12 hex digits, no `urn:uuid:` prefix.
  if (schema.format === 'uuid' && !isUuid(value)) return fail('must be a valid uuid')
  if (schema.pattern) {
    let re = patterns.get(schema.pattern)
    if (!re) {
      re = new RegExp(schema.pattern, 'u')
      patterns.set(schema.pattern, re)
    }
    if (!re.test(value)) return fail(`must match pattern "${schema.pattern}"`)
  }
  return undefined
}

/**
 * The query string of a request checked against the contract's query parameters of its operation:
 * an unknown or repeated parameter, or a value outside its schema, is an error; every `/api/v1`
 * operation answers them all in one 400 (`validation-error`).
 *
 * @returns The values by name, and the errors (empty when the query is valid).
 */
export function checkQueryParameters(
  parameters: ReadonlyMap<string, ContractParameter>,
  search: URLSearchParams,
): { values: Map<string, string>; errors: FieldError[] } {
  const errors: FieldError[] = []
  const values = new Map<string, string>()
  for (const name of new Set(search.keys())) {
    const all = search.getAll(name)
    const parameter = parameters.get(name)
    if (parameter?.in !== 'query') errors.push({ field: name, message: 'is not a known query parameter' })
    else if (all.length > 1) errors.push({ field: name, message: 'must be given at most once' })
    else {
      const error = checkParameter(parameter, all[0]!)
      if (error) errors.push(error)
      else values.set(name, all[0]!)
    }
  }
  return { values, errors }
}
