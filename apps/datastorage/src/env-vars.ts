import { z } from 'zod'
import { ConfigError } from './errors.js'

/** A variable holding an integer in `[min, max]`; a bad value reads `must be an integer <min>-<max>`. */
export const intVar = (min: number, max: number) =>
  z
    .string()
    .refine((s) => /^\d+$/.test(s) && Number(s) >= min && Number(s) <= max, {
      message: `must be an integer ${min}-${max}`,
    })
    .transform(Number)

/** Variables holding a secret: an error names them without their value. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['METRICS_TOKEN'])

/**
 * Reads the variables a schema names (its keys are the variable names) from `env`, trimmed, an
 * empty one counting as unset, and parses them. `env.ts` and `dlq/dlq-config.ts` share it, so
 * every configuration error reads the same.
 *
 * @throws ConfigError naming every bad variable and its value, e.g. `PORT: must be an integer 0-65535, got "abc"`.
 * @example
 * const e = parseEnv(z.object({ PORT: intVar(0, 65535).default(8080) }), process.env)
 */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined>,
): z.output<S> {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(schema.shape)) {
    const value = env[key]
    if (value !== undefined && value.trim() !== '') raw[key] = value.trim()
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '(env)')
      // A secret's value is not repeated in the message (it lands in logs and terminals).
      const got = SECRET_VARIABLES.has(key) ? `${raw[key]?.length ?? 0} characters` : JSON.stringify(raw[key])
      return `${key}: ${issue.message}, got ${got}`
    })
    throw new ConfigError(problems.join('; '))
  }
  return parsed.data
}
