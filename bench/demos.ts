// Graph demos while they animate: step through a demo slide's clicks at a presenter's pace and record
// long tasks (Long Tasks API) and frame times (requestAnimationFrame deltas) from the first press to
// the end of the last animation.
import type { Page } from 'playwright-core'
import type { DemoAlias } from '../demos/index'
import type { LongTask } from './page-probe'
import { DEMO_SCRIPTS } from '../demos/index'
import { deckState, launchBrowser, pressAndTime, probedPage, waitForQuiet } from './page-probe'

/** The demos the talk is built around (routeAlias of their slides). */
export const DEMO_ALIASES = Object.keys(DEMO_SCRIPTS) as DemoAlias[]

export interface DemoRun {
  alias: string
  slide: number
  clicks: number
  /** Keypress → click step painted, one per click. */
  stepMs: number[]
  longTasks: LongTask[]
  /** Time between consecutive animation frames. */
  frameMs: number[]
}

/** Time after each click for transitions to play out (GraphView animates nodes in). */
const STEP_MS = 600

async function stepThrough(page: Page, slide: number, clicks: number): Promise<Omit<DemoRun, 'alias' | 'slide' | 'clicks'>> {
  await page.evaluate(() => {
    window.__bench.longTasks.length = 0
    window.__bench.frames = []
  })
  const stepMs: number[] = []
  for (let click = 1; click <= clicks; click++) {
    const state = await deckState(page)
    if (state.slide !== slide || state.clicks >= state.clicksTotal)
      break
    stepMs.push(await pressAndTime(page, slide, click))
    await page.waitForTimeout(STEP_MS)
  }
  return page.evaluate(() => {
    const frames = window.__bench.frames ?? []
    window.__bench.frames = undefined
    return {
      stepMs: [] as number[],
      longTasks: [...window.__bench.longTasks],
      frameMs: frames.slice(1).map((t, i) => t - frames[i]),
    }
  }).then(recorded => ({ ...recorded, stepMs }))
}

/** Each demo slide in turn, in one fresh browser; `maxClicks` caps the steps (smoke runs). */
export async function measureDemos(url: string, demos: { alias: string, slide: number, clicks: number }[], maxClicks = Infinity): Promise<DemoRun[]> {
  const browser = await launchBrowser()
  try {
    const { page } = await probedPage(browser, { cache: true })
    const runs: DemoRun[] = []
    for (const demo of demos) {
      await page.goto(`${url}/${demo.slide}`)
      await page.evaluate(n => window.__bench.painted(n, 0), demo.slide)
      // Slidev mounts every other slide 3 s after a page load (SlidesShow.vue, "preload all slides
      // after 3s"): one long task that a talk pays once, at its start, long before a demo. Stepping is
      // measured after it, as a presenter meets it.
      await page.waitForFunction(() => {
        const total = Number(document.querySelector('[data-deck-state]')?.getAttribute('data-total'))
        return document.querySelectorAll('#slide-content [class*="slidev-page-"]').length >= total
      }, undefined, { timeout: 30_000 })
      await waitForQuiet(page, 750)
      const clicks = Math.min(demo.clicks, maxClicks)
      runs.push({ ...demo, clicks, ...await stepThrough(page, demo.slide, clicks) })
    }
    return runs
  }
  finally {
    await browser.close()
  }
}
