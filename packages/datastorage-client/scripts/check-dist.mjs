// Loads the built package the way its users do, through its own name and "exports": with require()
// (dist/*.cjs) and with import (dist/*.js), and checks that each build works (`pnpm build` runs it).
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const name = '@audit-trail/datastorage-client'
const builds = {
  require: { main: require(name), openapi: require(`${name}/openapi`) },
  import: { main: await import(name), openapi: await import(`${name}/openapi`) },
}
const problems = []
for (const [how, { main, openapi }] of Object.entries(builds)) {
  try {
    const client = main.createDataStorageClient({
      baseUrl: 'http://127.0.0.1:1',
      fetch: async (request) => new Response(JSON.stringify({ url: request.url }), { status: 200 }),
    })
    const { data } = await client.GET('/healthz')
    if (data?.url !== 'http://127.0.0.1:1/healthz') problems.push(`${how}: the client sent ${data?.url}`)
    const errors = main.createAuditEventValidator()({ version: '1.0' })
    if (errors.length !== 7) problems.push(`${how}: the validator reported ${JSON.stringify(errors)}`)
    if (main.decodeDeadLetterMessage === undefined || main.uuidv7().length !== 36) {
      problems.push(`${how}: the dead-letter codec or uuidv7 is missing`)
    }
    if (!openapi.openapiDocument?.paths?.['/healthz']) problems.push(`${how}: ./openapi lacks the document`)
  } catch (error) {
    problems.push(`${how}: ${error.stack}`)
  }
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`check-dist: ${problem}`)
  process.exit(1)
}
console.log('check-dist: dist loads and works with require() and import')
