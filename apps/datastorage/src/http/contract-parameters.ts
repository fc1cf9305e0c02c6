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

type Doc = {
  paths: Record<
    string,
    Record<string, { parameters?: Array<Omit<ContractParameter, 'schema'> & { schema: ParameterSchema }> }>
  >
  components: { schemas: Record<string, ParameterSchema> }
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
  for (const p of operation.parameters ?? []) {
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
    const n = /^-?\d{1,15}$/.test(value) ? Number(value) : Number.NaN
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
