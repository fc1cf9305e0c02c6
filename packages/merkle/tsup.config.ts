import { defineConfig } from 'tsup'

// The published build: ESM (.js) and CommonJS (.cjs), each with its own declarations (.d.ts,
// .d.cts). One entry, no runtime dependencies (node:crypto only), so nothing to split or shim.
// No source maps: the sources are not shipped.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
  platform: 'node',
  // Dependencies stay imports: a package used by mistake (say, a devDependency) then fails loudly.
  skipNodeModulesBundle: true,
  tsconfig: 'tsconfig.build.json',
})
