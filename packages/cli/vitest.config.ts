import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Hang guard, not an expectation: the CLI tests run a local HTTP server.
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The bin's entry only wires process.argv and the exit code to runCli, which the tests drive.
      exclude: ['src/cli.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 85 },
    },
  },
})
