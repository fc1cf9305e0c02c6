import type { Context } from 'hono'
import type { ReadConsistency } from '../db/read-replica.js'
import type { AppEnv } from './context.js'
import { HttpProblem } from './problem.js'

/**
 * The request header a read sends to be served by the primary: a client that just wrote an event
 * and must read it back cannot wait out the replica's lag (`READ_DATABASE_URL`).
 */
export const CONSISTENCY_HEADER = 'Consistency'

const VALUES: readonly ReadConsistency[] = ['replica', 'primary']

/**
 * The consistency a read asks for: `Consistency: primary`, or `replica` (also when absent: a replica
 * when one is configured, else the primary). Any other value is a 400 `validation-error` naming
 * the header, as an unknown query parameter is: a misspelt request for the primary must not read a
 * lagging replica silently.
 *
 * @throws HttpProblem `validation-error` for a value other than `primary` or `replica`.
 */
export function readConsistency(c: Context<AppEnv>): ReadConsistency {
  const value = c.req.header(CONSISTENCY_HEADER)
  if (value === undefined) return 'replica'
  const found = VALUES.find((v) => v === value)
  if (found) return found
  throw new HttpProblem('validation-error', `The ${CONSISTENCY_HEADER} header is invalid.`, {
    errors: [{ field: CONSISTENCY_HEADER, message: 'must be primary or replica' }],
  })
}
