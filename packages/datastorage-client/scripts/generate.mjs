// Generates src/generated/schema.ts (openapi-typescript) and src/generated/openapi-document.ts
// (the spec as a module, for validators) from openapi/datastorage.yaml.
// With --check it writes nothing and exits 1 when either committed file is stale.
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { parse } from 'yaml'

const here = dirname(fileURLToPath(import.meta.url))
const specPath = resolve(here, '../../../openapi/datastorage.yaml')
const outDir = resolve(here, '../src/generated')
const header = '// Generated from openapi/datastorage.yaml by scripts/generate.mjs. Do not edit.\n'

const yamlText = await readFile(specPath, 'utf8')
const document = parse(yamlText)
const ast = await openapiTS(document, { alphabetize: false, immutable: false, defaultNonNullable: false })
const files = {
  'schema.ts': `${header}/* eslint-disable */\n${astToString(ast)}`,
  'openapi-document.ts': `${header}\n/** The OpenAPI 3.1 document of the DataStorage API, as parsed from the YAML source. */\nexport const openapiDocument: Record<string, unknown> = ${JSON.stringify(document, null, 2)}\n`,
}

const check = process.argv.includes('--check')
let stale = false
for (const [name, content] of Object.entries(files)) {
  const target = resolve(outDir, name)
  if (check) {
    const current = await readFile(target, 'utf8').catch(() => '')
    if (current !== content) {
      stale = true
      console.error(
        `stale: src/generated/${name} does not match openapi/datastorage.yaml; run \`pnpm generate\``,
      )
    }
  } else {
    await writeFile(target, content)
    console.log(`wrote src/generated/${name}`)
  }
}
if (stale) process.exit(1)
if (check) console.log('generated files are up to date')
