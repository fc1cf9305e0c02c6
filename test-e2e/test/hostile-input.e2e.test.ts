import { hostileInputSuite } from '../src/hostile/suite.js'

// Issues 11 and 12: 2,000 generated hostile requests (a seeded fast-check run; HOSTILE_SEED replays
// another) against a service in tokens mode, bad tokens among them, checked by an oracle that knows
// from how each request was built whether it is valid; the report ends with a status histogram.
hostileInputSuite({ requests: 2_000, flood: 8 })
