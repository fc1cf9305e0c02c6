import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts', 'test/**/*.unit.test.ts'],
    globalSetup: ['./src/global-setup.ts'],
    // Every answer received through the suite's clients is checked against the contract.
    setupFiles: ['./src/contract/setup.ts'],
    // Real processes: run files one at a time so timing figures are not skewed by each other.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
