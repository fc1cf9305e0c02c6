// What every package's stryker.config.mjs shares: the runner, the reports scripts/test-mutation.mjs
// reads, incremental re-runs and the sandbox folder. Each config adds its plugin path (resolved
// from the package, where the runner is installed), what it mutates and its time limits.
export const strykerShared = {
  testRunner: 'vitest',
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['json', 'clear-text', process.stdout.isTTY ? 'progress' : 'progress-append-only'],
  clearTextReporter: { reportTests: false, logTests: false },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Re-runs test only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
}
