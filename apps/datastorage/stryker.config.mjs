// Mutation testing of the write, replay and DLQ code: `pnpm test:mutation` here or at the root.
// Not in CI: it needs PostgreSQL and Redis and takes hours on 2 cores.
import { strykerShared } from '../../scripts/stryker-shared.mjs'

export default {
  ...strykerShared,
  // Stryker looks for its plugins next to its own package, where pnpm does not link them.
  plugins: [import.meta.resolve('@stryker-mutator/vitest-runner')],
  // Only the tests that reach these modules (see the file); the rest would run for nothing.
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/dlq/**/*.ts',
    'src/write/**/*.ts',
    'src/store/write-timeout-store.ts',
    'src/store/service-store.ts',
    // Moved out of src/dlq/: how the write path and the replay classify and split failed inserts.
    'src/store/store-errors.ts',
    'src/store/month-groups.ts',
    // Not src/cli/ (dlq-command.ts parses and prints; the operations it calls are in src/dlq/) nor
    // src/metrics/dlq-metrics.ts (metric names and help texts only).
  ],
  // .stryker-tmp*: sandboxes of runs started with another --tempDirName.
  ignorePatterns: ['dist', '.data', '.stryker-tmp*'],
  // A static mutant (module-level code) reruns every selected test, minutes each with the
  // PostgreSQL fixtures; they are listed as ignored instead.
  ignoreStatic: true,
  // The machine is shared (nice -n 19 next to other test runs): a starved run is not a hang.
  timeoutMS: 15_000,
  dryRunTimeoutMinutes: 20,
}
