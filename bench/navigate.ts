// Slide-to-slide navigation: → pressed, time until the next slide is painted. Presses that only
// advance a slide's clicks are made (to reach the slide's end) but not timed: this is about slide changes.
import type { Page } from 'playwright-core'
import { deckState, launchBrowser, pressAndTime, probedPage, waitForQuiet } from './page-probe'

export interface NavSample {
  /** The slide navigated to. */
  to: number
  ms: number
}

/** Pressing → too soon after a slide appears can skip its clicks (Slidev), and it would not be a presenter's pace. */
const SETTLE_MS = 250

async function walk(page: Page, lastSlide: number): Promise<NavSample[]> {
  const samples: NavSample[] = []
  for (;;) {
    const state = await deckState(page)
    if (state.slide >= Math.min(lastSlide, state.total))
      return samples
    await page.waitForTimeout(SETTLE_MS)
    if (state.clicks < state.clicksTotal) {
      await pressAndTime(page, state.slide, state.clicks + 1)
      continue
    }
    samples.push({ to: state.slide + 1, ms: await pressAndTime(page, state.slide + 1) })
  }
}

/** One walk from slide 1 to `lastSlide` in a fresh browser (the deck served at `url`). */
export async function measureNavigation(url: string, lastSlide: number): Promise<NavSample[]> {
  const browser = await launchBrowser()
  try {
    // Cache on: a presenter's deck is loaded once, then navigated.
    const { page } = await probedPage(browser, { cache: true })
    await page.goto(`${url}/1`)
    await page.evaluate(() => window.__bench.painted(1))
    await waitForQuiet(page, 500)
    return await walk(page, lastSlide)
  }
  finally {
    await browser.close()
  }
}
