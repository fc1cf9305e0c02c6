import { defineFloodSuite } from './support/http-flood.js'

// The flood of issue 11: 200 parallel batches of 4.8 MB against the built service (turbo builds
// it before test:stress): some 5 s on two idle cores, up to 45 s on busy ones.
// Run with vitest.stress.config.ts.
defineFloodSuite({ parallel: 200, run: 'build', deadlineMs: 120_000 })
