import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.stress.test.ts'],
    globalSetup: ['./src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
})
