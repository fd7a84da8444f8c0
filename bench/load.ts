// First slide visible and interactive: the built deck served on 127.0.0.1, a fresh headless Chromium
// per run (new profile), HTTP cache off. Also records which JavaScript the first slide needed.
import type { Page } from 'playwright-core'
import { launchBrowser, probedPage, waitForQuiet } from './page-probe'

export interface LoadRun {
  /** Navigation start → the first slide's content is on screen (the frame after it is in the DOM). */
  visibleMs: number
  /** The first slide is up, the deck state is published, and the main thread has had 1 s without a long task. */
  interactiveMs: number
  /** Script URLs requested before the first slide was visible (entry, preloads and lazy chunks on the critical path). */
  scripts: string[]
  /** Long tasks from navigation start until the page settled. */
  longTasks: number
  longestTaskMs: number
}

async function firstSlideVisible(page: Page): Promise<number> {
  return page.evaluate(() => window.__bench.painted(1))
}

export async function measureLoad(url: string): Promise<LoadRun> {
  const browser = await launchBrowser()
  try {
    const { page } = await probedPage(browser)
    const requested: { url: string, at: number }[] = []
    const opened = Date.now()
    page.on('request', (request) => {
      if (request.resourceType() === 'script')
        requested.push({ url: request.url(), at: Date.now() - opened })
    })
    await page.goto(`${url}/1`, { waitUntil: 'commit' })
    const visibleMs = await firstSlideVisible(page)
    const visibleWall = Date.now() - opened
    await page.waitForSelector('[data-deck-state][data-total]', { state: 'attached' })
    const lastTaskEnd = await waitForQuiet(page)
    const readyAt = await page.evaluate(() => window.__bench.readyAt)
    const tasks = await page.evaluate(() => window.__bench.longTasks.map(t => t.duration))
    const interactiveMs = Math.max(visibleMs, readyAt, lastTaskEnd)
    return {
      visibleMs,
      interactiveMs,
      scripts: requested.filter(r => r.at <= visibleWall).map(r => new URL(r.url).pathname),
      longTasks: tasks.length,
      longestTaskMs: Math.max(0, ...tasks),
    }
  }
  finally {
    await browser.close()
  }
}
