// The ES module face of the `./openapi` subpath: tsup builds the contract document once, as
// CommonJS (dist/openapi.cjs, with its declarations), and this re-exports it, so the package holds
// one copy of its largest file. check-dist.mjs then loads both faces through the package's name.
import { writeFile } from 'node:fs/promises'

const reexport = "export { openapiDocument } from './openapi.cjs'\n"
await writeFile(new URL('../dist/openapi.js', import.meta.url), reexport)
await writeFile(new URL('../dist/openapi.d.ts', import.meta.url), reexport)
