import { defineConfig } from 'tsup'

const shared = {
  clean: false,
  sourcemap: false,
  target: 'node20',
  platform: 'node',
  // Dependencies stay imports: a package used by mistake (say, a devDependency) then fails loudly.
  skipNodeModulesBundle: true,
  // The generated validator is most of the package; minified it is a fraction of its size on disk.
  minify: true,
  tsconfig: 'tsconfig.build.json',
} as const

// The published build: ESM (.js) and CommonJS (.cjs), each with its own declarations (.d.ts,
// .d.cts). No source maps or declaration maps: the sources are not shipped. The validator is
// generated code (src/generated/), so nothing but openapi-fetch is needed at run time.
export default defineConfig([
  { ...shared, clean: true, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], dts: true },
  {
    // The `./openapi` subpath is data (the whole contract, the largest file of the package): built
    // once, as CommonJS, and re-exported by a one-line ES module (scripts/openapi-esm.mjs, after
    // this build), so the install holds one copy. Node's import of CommonJS finds the named export
    // through esbuild's export annotation.
    ...shared,
    entry: { openapi: 'src/generated/openapi-document.ts' },
    format: ['cjs'],
    dts: true,
  },
])
