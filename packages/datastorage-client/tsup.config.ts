import { defineConfig } from 'tsup'

// The published build: ESM (.js) and CommonJS (.cjs), each with its own declarations (.d.ts,
// .d.cts), for the main entry and the `./openapi` subpath. No source maps or declaration maps: the
// sources are not shipped. The validator is generated code (src/generated/), so nothing but
// openapi-fetch is needed at run time.
export default defineConfig({
  entry: { index: 'src/index.ts', openapi: 'src/generated/openapi-document.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
  platform: 'node',
  // Dependencies stay imports: a package used by mistake (say, a devDependency) then fails loudly.
  skipNodeModulesBundle: true,
  // The generated validator is most of the package; minified it is a fraction of its size on disk.
  minify: true,
  tsconfig: 'tsconfig.build.json',
})
