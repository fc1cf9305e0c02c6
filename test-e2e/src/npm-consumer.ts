import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The repository root (this file is test-e2e/src/npm-consumer.ts). */
export const repoRoot = resolve(import.meta.dirname, '..', '..')

/** The publishable packages: every packages/* whose package.json is not private. */
export function publishablePackages(): { name: string; dir: string }[] {
  const dir = join(repoRoot, 'packages')
  return readdirSync(dir)
    .map((d) => join(dir, d))
    .filter((d) => existsSync(join(d, 'package.json')))
    .map((d) => ({ dir: d, pkg: JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => !pkg.private)
    .map(({ dir, pkg }) => ({ name: pkg.name as string, dir }))
}

/** `pnpm pack`s each package into `into` (workspace ranges become versions); returns the tarballs. */
export async function packAll(into: string): Promise<string[]> {
  mkdirSync(into, { recursive: true })
  for (const { dir } of publishablePackages()) {
    await run('pnpm', ['pack', '--pack-destination', into], { cwd: dir })
  }
  return readdirSync(into)
    .filter((f) => f.endsWith('.tgz'))
    .map((f) => join(into, f))
}

/** Runs npm in `cwd`, quietly; the output is kept for failure messages. */
export async function npm(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout, stderr } = await run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 16 << 20,
    })
    return stdout + stderr
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string }
    throw new Error(
      `npm ${args.join(' ')} in ${cwd} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`,
    )
  }
}

/** A fresh npm project in `dir` (an ES module package unless `type` says otherwise). */
export function newProject(dir: string, type: 'module' | 'commonjs' = 'module'): string {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type }, null, 2))
  return dir
}

/** Bytes on disk and packages installed under `node_modules` (nested ones included). */
export function installSize(projectDir: string): { bytes: number; packages: number } {
  let bytes = 0
  let packages = 0
  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isSymbolicLink()) continue
      if (entry.isDirectory()) walk(path, depth + 1)
      else if (entry.isFile()) bytes += statSync(path).size
    }
  }
  const countPackages = (modules: string) => {
    if (!existsSync(modules)) return
    for (const entry of readdirSync(modules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue
      const dirs = entry.name.startsWith('@')
        ? readdirSync(join(modules, entry.name)).map((n) => join(modules, entry.name, n))
        : [join(modules, entry.name)]
      for (const d of dirs) {
        if (existsSync(join(d, 'package.json'))) packages++
        countPackages(join(d, 'node_modules'))
      }
    }
  }
  const modules = join(projectDir, 'node_modules')
  walk(modules, 0)
  countPackages(modules)
  return { bytes, packages }
}

/** The ```ts blocks of a Markdown file, verbatim, in order. */
export function typescriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!)
}

/** The settings `tsc --init` writes that matter to a consumer, strict, with library checking on. */
export function strictCompilerOptions(resolution: 'NodeNext' | 'Bundler'): Record<string, unknown> {
  return {
    target: 'ES2022',
    lib: ['ES2023'],
    module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
    moduleResolution: resolution,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: resolution === 'NodeNext',
    isolatedModules: true,
    skipLibCheck: false,
    types: ['node'],
  }
}

/** Runs the project's own `tsc` with `tsconfig`; resolves with its output, rejects with it. */
export async function tsc(projectDir: string, tsconfig: string): Promise<string> {
  try {
    const { stdout } = await run(
      process.execPath,
      [join(projectDir, 'node_modules/typescript/bin/tsc'), '-p', tsconfig],
      {
        cwd: projectDir,
        maxBuffer: 16 << 20,
      },
    )
    return stdout
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string }
    throw new Error(`tsc -p ${tsconfig} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`)
  }
}

/** Runs `node <script> <args>` in `cwd` with `env`; resolves with stdout and stderr whatever the exit code. */
export async function node(
  cwd: string,
  script: string,
  env: NodeJS.ProcessEnv,
  args: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  // As a user runs it: pnpm sets NODE_PATH for scripts, which would resolve packages the project
  // does not have (a missing optional peer would be found in the workspace).
  const { NODE_PATH: _, ...inherited } = process.env
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], {
      cwd,
      env: { ...inherited, ...env },
      timeout: 60_000,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}
