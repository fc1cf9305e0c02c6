import { canonicalTimestamp } from '@audit-trail/datastorage-client'
import { InvalidCursorError } from '../errors.js'

/** The keyset position of the last event of a page: `event_timestamp DESC, event_id DESC`. */
export interface CursorPosition {
  /** Exact UTC timestamp with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ`, as PostgreSQL stores it. */
  eventTimestamp: string
  /** Lower-case UUID. */
  eventId: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const BASE64URL = /^[A-Za-z0-9_-]+$/

/**
 * Encodes a position as an opaque cursor (base64url of `timestamp|id`). Microseconds are kept:
 * a cursor rounded to milliseconds would skip or repeat events that differ only below them.
 */
export function encodeCursor({ eventTimestamp, eventId }: CursorPosition): string {
  return Buffer.from(`${eventTimestamp}|${eventId}`, 'utf8').toString('base64url')
}

/**
 * Decodes a cursor made by `encodeCursor`.
 *
 * @throws InvalidCursorError when the text is not such a cursor (wrong alphabet, shape, impossible
 *   date, a timestamp outside years 0001-9999).
 */
export function decodeCursor(cursor: string): CursorPosition {
  // Node's base64url decoder skips characters outside the alphabet instead of failing.
  if (cursor.length > 200 || !BASE64URL.test(cursor)) throw new InvalidCursorError()
  const [eventTimestamp = '', eventId = '', ...rest] = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .split('|')
  // The exact form the store issues, which is a date of the calendar in years 0001-9999 (no year
  // 0000, no 30 February): what PostgreSQL can compare with, instead of failing in SQL.
  if (rest.length > 0 || canonicalTimestamp(eventTimestamp) !== eventTimestamp || !UUID.test(eventId)) {
    throw new InvalidCursorError()
  }
  return { eventTimestamp, eventId }
}
