import { defineConfig } from 'tsup'

// The published build: ESM (.js) and CommonJS (.cjs), each with its own declarations (.d.ts,
// .d.cts). Code splitting in both formats, so that the main entry and the `redis` subpath share
// one copy of the error classes (instanceof holds across them). No source maps: the sources are
// not shipped.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', redis: 'src/redis.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    // import.meta.url (metrics.ts loads the optional prom-client relative to the package) in CJS.
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
    // The `audit-spool-replay` bin: ESM only (it is run, never required).
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    splitting: true,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    // Dependencies stay imports: a package used by mistake (say, a devDependency) then fails loudly.
    skipNodeModulesBundle: true,
    tsconfig: 'tsconfig.build.json',
  },
])
