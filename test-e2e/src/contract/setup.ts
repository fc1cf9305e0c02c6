import { afterAll, afterEach, inject } from 'vitest'
import {
  checkedCount,
  checkedRequestCount,
  describeViolations,
  markProxied,
  type RecordedViolation,
  recordViolations,
  takeViolations,
} from './validating-fetch.js'
import { fetchProxyReport, isLocalProxy } from './validating-proxy.js'

// Fails the test during which an exchange that differs from the contract happened (recorded by the
// validating proxies in front of every service, validating-proxy.ts), so the disagreement is
// reported by the test that caused it.

// The shared service of global-setup.ts is behind a proxy that runs in vitest's main process: what
// it records is fetched from it after each test. Services a test file starts itself have their
// proxy in this process, recording here directly.
const { serviceUrl } = inject('e2e')
const sharedProxy = isLocalProxy(serviceUrl) ? undefined : serviceUrl
markProxied(serviceUrl)
const start = { answers: checkedCount(), requests: checkedRequestCount() }
const remote = { answers: 0, requests: 0 }

async function collect(): Promise<RecordedViolation[]> {
  if (sharedProxy) {
    const report = await fetchProxyReport(sharedProxy)
    recordViolations(report.violations)
    remote.answers += report.answers
    remote.requests += report.requests
  }
  return takeViolations()
}

afterEach(async () => {
  const violations = await collect()
  if (violations.length > 0) {
    console.error(describeViolations(violations))
    throw new Error(describeViolations(violations))
  }
})

// Exchanges in a file's hooks (beforeAll, afterAll) after its last test.
afterAll(async () => {
  const violations = await collect()
  const answers = checkedCount() - start.answers + remote.answers
  const requests = checkedRequestCount() - start.requests + remote.requests
  console.log(
    `[contract] ${answers} answer(s) and ${requests} accepted request(s) held to openapi/datastorage.yaml in this file`,
  )
  if (violations.length > 0) throw new Error(describeViolations(violations))
})
