// Which Chromium the tests, the PDF export and the benchmark drive, and how it is launched.
// Order: $PLAYWRIGHT_CHROMIUM_EXECUTABLE, then Debian's headless shell, then Debian's full Chromium, then
// Playwright's own download. Everything here runs headless, and the headless shell (the browser Playwright
// itself prefers for headless runs) does the same work for less: on this machine 20 slide loads with a
// screenshot each took 33 % less CPU than in the full browser, and printing the deck to PDF half the time.
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { chromium } from 'playwright-core'

/** Quiet, offline, container-friendly headless flags (the machine's network is closed). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * What a presenter's browser gives the deck and ours must too: Slidev keeps the screen awake during a talk
 * (a Screen Wake Lock), which a real browser grants a visible page and headless Chromium denies, throwing
 * an uncaught "Wake Lock permission request denied" into the page. Spread into every browser context
 * that opens the deck.
 */
export const DECK_CONTEXT = { permissions: ['screen-wake-lock'] }

export const INSTALL_HINT = 'install one with `apt-get install -y chromium-headless-shell` (Debian/Ubuntu) or `npx playwright install chromium`, '
  + 'or point PLAYWRIGHT_CHROMIUM_EXECUTABLE at a Chrome/Chromium binary'

export class BrowserMissingError extends Error {}

/** Debian's packages chromium-headless-shell and chromium, the lighter first. */
const DEBIAN_CHROMIUMS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium']

export function findChromium(): string {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new BrowserMissingError(`PLAYWRIGHT_CHROMIUM_EXECUTABLE=${fromEnv} does not exist: ${INSTALL_HINT}.`)
    return fromEnv
  }
  for (const debian of DEBIAN_CHROMIUMS) {
    if (existsSync(debian))
      return debian
  }
  const bundled = chromium.executablePath()
  if (bundled && existsSync(bundled))
    return bundled
  throw new BrowserMissingError(`No Chromium found: ${INSTALL_HINT}.`)
}

/** findChromium() for command-line entry points: one clear line and exit, instead of a stack trace. */
export function findChromiumOrExit(): string {
  try {
    return findChromium()
  }
  catch (error) {
    if (!(error instanceof BrowserMissingError))
      throw error
    console.error(`✖ ${error.message}`)
    process.exit(1)
  }
}

const root = resolve(dirname(new URL(import.meta.url).pathname), '..')

/**
 * Slidev launches Chromium itself: `export` takes --executable-path, `export-notes` takes nothing and looks
 * in Playwright's browser cache. So we lay out a cache whose browser paths are links to our Chromium, and
 * return the env that points Playwright at it. (Slidev passes no extra flags; a wrapper script that added
 * ours made Debian's Chromium print blank PDF pages, so the binary is used as it is.)
 */
export function slidevBrowser(): { executablePath: string, env: Record<string, string> } {
  const executable = findChromiumOrExit()
  const cache = join(root, 'node_modules', '.cache', 'kit-browser', 'ms-playwright')
  const require = createRequire(import.meta.url)
  const browsersJson = join(dirname(require.resolve('playwright-core/package.json')), 'browsers.json')
  const { browsers } = JSON.parse(readFileSync(browsersJson, 'utf8')) as { browsers: { name: string, revision: string }[] }
  for (const name of ['chromium-headless-shell', 'chromium']) {
    const revision = browsers.find(b => b.name === name)?.revision
    const target = name === 'chromium'
      ? join(cache, `chromium-${revision}`, 'chrome-linux64', 'chrome')
      : join(cache, `chromium_headless_shell-${revision}`, 'chrome-headless-shell-linux64', 'chrome-headless-shell')
    rmSync(target, { force: true })
    mkdirSync(dirname(target), { recursive: true })
    symlinkSync(executable, target)
    // Playwright treats a browser as installed only once its marker file is there.
    writeFileSync(join(dirname(dirname(target)), 'INSTALLATION_COMPLETE'), '')
  }
  return { executablePath: executable, env: { PLAYWRIGHT_BROWSERS_PATH: cache } }
}
