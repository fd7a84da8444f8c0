// What the benchmark watches inside the page, installed before any of the deck's scripts run:
// long tasks, and a way to wait for "slide N painted" (visible in the DOM, then the frame after it).
// Times are the page's performance.now(), so keypress and paint share one clock.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { CHROMIUM_FLAGS, DECK_CONTEXT, findChromiumOrExit } from '../scripts/browser'

export interface LongTask {
  start: number
  duration: number
}

interface Probe {
  longTasks: LongTask[]
  keydownAt: number
  /** First frame at which the deck published its navigation state (the app is mounted). */
  readyAt: number
  frames: number[] | undefined
  painted: (no: number, clicks?: number) => Promise<number>
}

declare global {
  interface Window {
    __bench: Probe
  }
}

/** Runs in the page: no closures over Node values. */
function install(): void {
  const probe: Probe = {
    longTasks: [],
    keydownAt: Number.NaN,
    readyAt: Number.NaN,
    frames: undefined,
    // Resolves with the time of the first frame after slide `no` (and click `clicks`) is on screen:
    // the rAF that sees it runs before that frame's paint, the timeout right after it.
    painted: (no, clicks) => new Promise((resolve, reject) => {
      const started = performance.now()
      const shown = (): boolean => {
        const state = document.querySelector('[data-deck-state]')
        const slide = document.querySelector(`[data-slidev-no="${no}"]`) as HTMLElement | null
        if (!state || !slide || state.getAttribute('data-slide') !== String(no))
          return false
        if (clicks !== undefined && state.getAttribute('data-clicks') !== String(clicks))
          return false
        return slide.checkVisibility() && (slide.textContent ?? '').trim().length > 0
      }
      const tick = (): void => {
        if (shown())
          setTimeout(() => resolve(performance.now()), 0)
        else if (performance.now() - started > 20_000)
          reject(new Error(`slide ${no}${clicks === undefined ? '' : ` click ${clicks}`} was not on screen within 20 s`))
        else
          requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    }),
  }
  window.__bench = probe
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  }
  catch {}
  window.addEventListener('keydown', (event) => {
    probe.keydownAt = event.timeStamp
  }, { capture: true })
  const frame = (now: number): void => {
    probe.frames?.push(now)
    if (Number.isNaN(probe.readyAt) && document.querySelector('[data-deck-state][data-total]'))
      probe.readyAt = now
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

/** A fresh headless Chromium (a new temporary profile every launch). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromiumOrExit(), args: CHROMIUM_FLAGS })
}

/** A page with the probe installed; `cache: false` turns the HTTP cache off (each load fetches everything again). */
export async function probedPage(browser: Browser, { cache = false } = {}): Promise<{ context: BrowserContext, page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...DECK_CONTEXT })
  // tsx keeps function names with a `__name` helper that the page does not have.
  await context.addInitScript({ content: 'window.__name ??= (f => f)' })
  await context.addInitScript(install)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache })
  return { context, page }
}

/** Presses → and returns milliseconds from the keydown to slide `no` (click `clicks`) painted. */
export async function pressAndTime(page: Page, no: number, clicks?: number): Promise<number> {
  await page.evaluate(([n, c]) => {
    (window as unknown as { __wait: Promise<number> }).__wait = window.__bench.painted(n as number, c ?? undefined)
  }, [no, clicks ?? null] as const)
  await page.keyboard.press('ArrowRight')
  return page.evaluate(async () => {
    const paintedAt = await (window as unknown as { __wait: Promise<number> }).__wait
    return paintedAt - window.__bench.keydownAt
  })
}

export interface DeckState {
  slide: number
  clicks: number
  clicksTotal: number
  total: number
}

export async function deckState(page: Page): Promise<DeckState> {
  return page.evaluate(() => {
    const el = document.querySelector('[data-deck-state]')
    const n = (name: string): number => Number(el?.getAttribute(name) ?? Number.NaN)
    return { slide: n('data-slide'), clicks: n('data-clicks'), clicksTotal: n('data-clicks-total'), total: n('data-total') }
  })
}

/** Waits until no long task has started for `quietMs` (bounded by `limitMs`); returns the last one's end. */
export async function waitForQuiet(page: Page, quietMs = 1000, limitMs = 10_000): Promise<number> {
  const started = Date.now()
  let seen = -1
  let quietSince = Date.now()
  while (Date.now() - started < limitMs) {
    const count = await page.evaluate(() => window.__bench.longTasks.length)
    if (count !== seen) {
      seen = count
      quietSince = Date.now()
    }
    else if (Date.now() - quietSince >= quietMs) {
      break
    }
    await page.waitForTimeout(100)
  }
  return page.evaluate(() => Math.max(0, ...window.__bench.longTasks.map(t => t.start + t.duration)))
}
