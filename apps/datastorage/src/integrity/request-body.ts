import { type FieldError, unstorableText } from '@audit-trail/datastorage-client'
import type { Context } from 'hono'
import { parseJsonBody, readJsonText } from '../http/json-body.js'
import { HttpProblem } from '../http/problem.js'

/**
 * The request bodies of the integrity and legal-hold operations are small objects of strings. They
 * are checked here by hand against the contract's schemas (required, length in code points, no NUL,
 * no lone surrogate), every invalid field reported in one 400 as the event writes report theirs;
 * compiling a validator for four schemas of two strings each would cost more than it checks.
 */
export interface StringRule {
  required?: boolean
  minLength?: number
  maxLength?: number
}

/** A body read with the limits and checks of every JSON route (415, 413, 400 `malformed-json`). */
export async function readObjectBody(
  c: Context,
  limitBytes: number,
  options: { optional?: boolean } = {},
): Promise<Record<string, unknown> | undefined> {
  // An optional body may be absent: no Content-Type and nothing to read.
  if (options.optional && !hasBody(c)) return undefined
  const body = parseJsonBody(await readJsonText(c, { limitBytes }))
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalid([{ field: '(root)', message: 'must be a JSON object' }])
  }
  return body as Record<string, unknown>
}

/**
 * Whether the request carries a body: over HTTP/1.1 only Content-Length (not 0) or
 * Transfer-Encoding announce one; a request made in-process (`app.request()`, no socket) has one
 * when its Request has a body stream.
 */
function hasBody(c: Context): boolean {
  const length = c.req.header('content-length')
  if (length !== undefined) return length.trim() !== '0'
  if (c.req.header('transfer-encoding') !== undefined) return true
  const overHttp = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined
  return !overHttp && c.req.raw.body !== null
}

/** 400 `validation-error` naming every invalid field. */
export function invalid(errors: FieldError[], detail = 'The request body is invalid.'): HttpProblem {
  return new HttpProblem('validation-error', detail, { errors })
}

/**
 * One string field of `body` checked against `rule`; the error, if any, is pushed on `errors`.
 *
 * @returns The value when present and valid, else undefined.
 */
export function stringField(
  body: Record<string, unknown>,
  name: string,
  rule: StringRule,
  errors: FieldError[],
): string | undefined {
  const value = body[name]
  if (value === undefined) {
    if (rule.required) errors.push({ field: name, message: 'is required' })
    return undefined
  }
  if (typeof value !== 'string') {
    errors.push({ field: name, message: 'must be a string' })
    return undefined
  }
  const unstorable = unstorableText(value)
  if (unstorable) {
    errors.push({ field: name, message: unstorable })
    return undefined
  }
  const length = [...value].length
  if (rule.minLength !== undefined && length < rule.minLength) {
    errors.push({ field: name, message: `must not have fewer than ${rule.minLength} characters` })
    return undefined
  }
  if (rule.maxLength !== undefined && length > rule.maxLength) {
    errors.push({ field: name, message: `must not have more than ${rule.maxLength} characters` })
    return undefined
  }
  return value
}

/** Fields of `body` outside `known`, as errors (for schemas with `additionalProperties: false`). */
export function unknownFields(body: Record<string, unknown>, known: readonly string[]): FieldError[] {
  return Object.keys(body)
    .filter((name) => !known.includes(name))
    .map((name) => ({ field: name, message: 'is not a known property' }))
}
