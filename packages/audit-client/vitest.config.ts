import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Hang guards, not expectations: tests that drive real sockets (bursts of hundreds of events
    // through a local HTTP server) took over vitest's 5 s default on a machine with both cores
    // taken (seen under mutation testing). What a test claims about time it asserts itself.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90 },
    },
  },
})
