import { hostileInputSuite } from '../src/hostile/suite.js'

// The same generated hostile-input test as hostile-input.e2e.test.ts (tokens mode, bad tokens among
// the requests) at 20,000 requests, with a larger flood of ~4.8 MB invalid batches.
hostileInputSuite({ requests: 20_000, flood: 24 })
