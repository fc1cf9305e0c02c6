import { defineConfig } from 'tsup'

// The published build: the verification core as a library, ESM (.js) and CommonJS (.cjs) each with
// its own declarations, and the `audit-trail` bin, ESM only (it is run, never required). No source
// maps: the sources are not shipped.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // import.meta.url (program.ts reads the package's version beside it) in the CommonJS build.
    shims: true,
    clean: true,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    // Dependencies stay imports: a package used by mistake (say, a devDependency) then fails loudly.
    skipNodeModulesBundle: true,
    tsconfig: 'tsconfig.build.json',
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    skipNodeModulesBundle: true,
    tsconfig: 'tsconfig.build.json',
  },
])
