// Not a test file: test/config.types.test.ts compiles it with `exactOptionalPropertyTypes: true`, a
// setting of the user's project that this repository's tsconfig does not use. With it, an optional
// property typed `T | undefined` does not fit an optional property typed `T` (TS2379/TS2322).
import { type AuditClientOptions, createAuditClient, loadAuditClientConfig } from '../src/index.js'

/** The README's wiring: the config spread into the options, next to a logger. */
export function wire(logger: NonNullable<AuditClientOptions['logger']>) {
  return createAuditClient({ ...loadAuditClientConfig(), logger })
}

/** The config's optional settings are absent or set, never `undefined`. */
export const settled: { onFull?: 'dead-letter' | 'reject'; token?: string } = loadAuditClientConfig({
  env: false,
})
