import { defineConfig } from 'vitest/config'

// Stress tests: long runs kept out of `vitest run` (test/**/*.test.ts). Files end in .stress.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.stress.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
})
