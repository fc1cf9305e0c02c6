import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'

/** Debian's chromium, which CI installs (.ci/run) and the browser tests drive. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Whether the browser tests can run here; when not, they are skipped with this reason. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `${CHROMIUM_PATH} is absent: the timeline browser test needs Debian's chromium (apt-get install chromium; .ci/run installs it)`
}

/** Where browser tests leave screenshots (git-ignored). */
export const ARTIFACTS_DIR = join(import.meta.dirname, '..', 'artifacts')

/** A headless chromium with a fresh profile, removed by `close()`. */
export interface Browser {
  readonly context: BrowserContext
  close(): Promise<void>
}

/**
 * Launches {@link CHROMIUM_PATH} headless with a fresh user-data-dir and no background traffic
 * (no component updates, sync or QUIC), downloads accepted. Each `context.newPage()` is a new tab,
 * with its own session storage.
 */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'e2e-chromium-'))
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1400, height: 1000 },
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
  } catch (error) {
    rmSync(profile, { recursive: true, force: true })
    throw error
  }
  return {
    context,
    async close() {
      try {
        await context.close()
      } finally {
        rmSync(profile, { recursive: true, force: true })
      }
    },
  }
}
