/**
 * A PostgreSQL array literal of text values (`{"a","b\"c"}`), to be sent as one text parameter and
 * cast (`::text[]`). The sequencer's connection does not let postgres.js fetch the server's array
 * types (`fetch_types: false`: that query, run on every new connection, rejects unhandled when the
 * server closes the connection during it, as it does while shutting down), so postgres.js cannot
 * serialise a JavaScript array there; a literal is read the same by PostgreSQL and PGlite. Every
 * element is quoted, so commas, braces, spaces and the word NULL stay text.
 *
 * @example
 * sql`SELECT unnest(${textArray(['a', 'b'])}::text[])`
 */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`
}
