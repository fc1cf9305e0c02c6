import { contractWalkSuite } from '../src/contract/walk.js'

// The contract walk of contract-walk.e2e.test.ts with ten times the valid draws per operation.
contractWalkSuite({ validRuns: 300 })
