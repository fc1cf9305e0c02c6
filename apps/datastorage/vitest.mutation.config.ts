import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import base from './vitest.config.js'

/** End-to-end files: a PGlite boot, throwaway PostgreSQL servers, 20,000-event outages. */
const SLOW = ['test/http.routes.test.ts', 'test/dlq/replay-outage.test.ts', 'test/dlq/service-faults.test.ts']

/**
 * Stryker stops a mutant's run at the first failing test, so the quick files go first: most
 * mutants die there and never pay for the slow ones.
 */
class QuickFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const slowness = (file: TestSpecification) => SLOW.findIndex((slow) => file.moduleId.endsWith(slow))
    return (await super.sort(files)).sort((a, b) => slowness(a) - slowness(b))
  }
}

// The tests that reach the DLQ, replay and write modules stryker.config.mjs mutates. The base
// config's timeouts and sequential files stay: the fixtures create databases and streams per file.
export default defineConfig({
  test: {
    ...base.test,
    include: [
      'test/dlq/**/*.test.ts',
      'test/write/**/*.test.ts',
      'test/store/**/*.test.ts',
      // The dlq command's tests are the ones of replayDlq and the other operations in src/dlq/.
      'test/cli/dlq-command.test.ts',
      // The routes write through src/write/.
      'test/http.routes.test.ts',
    ],
    sequence: { sequencer: QuickFilesFirst },
  },
})
