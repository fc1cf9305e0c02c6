import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // PGlite starts in 3-4 s and PostgreSQL databases are created per file.
    hookTimeout: 60_000,
    testTimeout: 60_000,
    fileParallelism: false,
  },
})
