import { InvalidCursorError } from '../errors.js'

/** The keyset position of the last event of a page: `event_timestamp DESC, event_id DESC`. */
export interface CursorPosition {
  /** Exact UTC timestamp with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ`, as PostgreSQL stores it. */
  eventTimestamp: string
  /** Lower-case UUID. */
  eventId: string
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.\d{6}Z$/
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
 * @throws InvalidCursorError when the text is not such a cursor (wrong alphabet, shape, impossible date).
 */
export function decodeCursor(cursor: string): CursorPosition {
  // Node's base64url decoder skips characters outside the alphabet instead of failing.
  if (cursor.length > 200 || !BASE64URL.test(cursor)) throw new InvalidCursorError()
  const [eventTimestamp = '', eventId = '', ...rest] = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .split('|')
  const timestamp = TIMESTAMP.exec(eventTimestamp)
  if (rest.length > 0 || !timestamp || !UUID.test(eventId)) throw new InvalidCursorError()
  // Date.parse accepts 2024-02-30 (as March 1st); PostgreSQL would not. Require a round trip.
  const ms = Date.parse(eventTimestamp)
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== timestamp[1]) {
    throw new InvalidCursorError()
  }
  return { eventTimestamp, eventId }
}
