// Mutation testing of the client: `pnpm test:mutation` here or at the root. Not in CI: on 2 cores
// a full run takes far longer than the whole CI pipeline.
import { strykerShared } from '../../scripts/stryker-shared.mjs'

export default {
  ...strykerShared,
  // Stryker looks for its plugins next to its own package, where pnpm does not link them.
  plugins: [import.meta.resolve('@stryker-mutator/vitest-runner')],
  mutate: [
    'src/**/*.ts',
    // Re-exports and an interface: nothing to mutate, and they would only add empty rows.
    '!src/index.ts',
    '!src/dead-letter/index.ts',
    '!src/dead-letter/dead-letter-queue.ts',
  ],
  ignorePatterns: [
    // shutdown.test.ts runs the built dist/ in a child process, which a mutant of src/ never reaches;
    // without dist/ in the sandbox those tests skip themselves instead of costing time per mutant.
    'dist',
    'coverage',
    // Sandboxes of runs started with another --tempDirName.
    '.stryker-tmp*',
  ],
  // The machine is shared (nice -n 19 next to other test runs): a starved run is not a hang.
  timeoutMS: 10_000,
}
