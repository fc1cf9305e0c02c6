// Values PostgreSQL stores exactly as sent, or refuses: checked before a request reaches it, so that
// the sender gets a 400 naming the field instead of a failed batch (or a silently changed value).

import { isLastIssued } from './uuidv7.js'

/** A UUID as PostgreSQL's `uuid` type stores it: `8-4-4-4-12` hex digits, either case, nothing around. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Whether `text` is a UUID in its standard form, `8-4-4-4-12` hex digits in either case (PostgreSQL
 * stores it in lower case, the same UUID). No `urn:uuid:` prefix, braces or missing hyphens: the
 * contract's `format: uuid`, for event ids in bodies, paths and cursors.
 */
export function isUuid(text: string): boolean {
  return isLastIssued(text) || UUID.test(text)
}

// String.prototype.isWellFormed is ES2024; Node 20 has it but this repo targets ES2023 typings.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Why PostgreSQL cannot store `text` as sent, or undefined when it can: it refuses NUL characters
 * in text and jsonb (`\u0000`), and would store a lone UTF-16 surrogate changed, as U+FFFD.
 */
export function unstorableText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters'
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode'
  return undefined
}
