import { afterAll, afterEach } from 'vitest'
import { checkedCount, describeViolations, takeViolations } from './validating-fetch.js'

// Fails the test during which an answer that differs from the contract was received (recorded by
// validating-fetch.ts), so the disagreement is reported by the test that caused it.
afterEach(async () => {
  const violations = await takeViolations()
  if (violations.length > 0) {
    console.error(describeViolations(violations))
    throw new Error(describeViolations(violations))
  }
})

// Answers received in a file's hooks (beforeAll, afterAll) after its last test.
afterAll(async () => {
  const violations = await takeViolations()
  console.log(`[contract] ${checkedCount()} answer(s) held to openapi/datastorage.yaml in this file`)
  if (violations.length > 0) throw new Error(describeViolations(violations))
})
