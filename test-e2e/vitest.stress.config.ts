import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.stress.test.ts'],
    globalSetup: ['./src/global-setup.ts'],
    // Every answer received through the suite's clients is checked against the contract.
    setupFiles: ['./src/contract/setup.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
})
