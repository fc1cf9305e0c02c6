import { hostileInputSuite } from '../src/hostile/suite.js'

// Issue 11: 2,000 generated hostile requests (a seeded fast-check run; HOSTILE_SEED replays another),
// checked by an oracle that knows from how each request was built whether it is valid.
hostileInputSuite({ requests: 2_000, flood: 8 })
