import { contractWalkSuite } from '../src/contract/walk.js'

// Issue 17: every operation of openapi/datastorage.yaml walked with requests generated from its
// schemas (src/contract/walk.ts): valid → a declared 2xx, invalid → a declared 4xx as
// problem+json, never a 5xx. A seeded fast-check draw (CONTRACT_WALK_SEED replays another;
// CONTRACT_WALK_RUNS sets the valid draws per operation); the stress suite draws more.
contractWalkSuite({ validRuns: 30 })
