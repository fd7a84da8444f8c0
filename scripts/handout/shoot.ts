// Pictures of the built deck as the audience sees it: a slide at a click state, captured at the deck's
// canvas size (980 × 552) in Chromium. PNG keeps code and labels sharp; the handout's text stays text.
import type { Browser, Page } from 'playwright-core'
import { join } from 'node:path'
import { DECK_CONTEXT } from '../browser'
import { goInDeck } from '../deck-nav'

export interface ShotRequest {
  no: number
  /** the click state; undefined = the slide's last (Slidev clamps a larger `?clicks` to it) */
  clicks?: number
  /** the slide holds a demo: wait until it draws this step */
  demoStep?: number
}

/** A list of sources on a slide (pages/sources.md's `.kit-sources` columns): its sub-headings and items. */
export interface SourceGroup { heading: string, items: string[] }

export const shotFile = (dir: string, r: ShotRequest) => join(dir, `slide-${r.no}-${r.clicks ?? 'final'}.png`)

/** 1.5 × the canvas: about 200 dpi across an A4 page's text width, sharp in print at a few hundred kB a slide. */
const SCALE = 1.5
const FINAL = 999

// Talk mode (?workshop=0): the full exercise cards are printed under the slide, with their links,
// so the picture keeps the small marker. No transitions: a picture must never catch one mid-way.
const STILL = '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important }'

async function shootOne(page: Page, baseUrl: string, dir: string, r: ShotRequest): Promise<SourceGroup[]> {
  const first = page.url() === 'about:blank'
  await goInDeck(page, `/${r.no}?workshop=0&clicks=${r.clicks ?? FINAL}`, baseUrl)
  if (first)
    await page.addStyleTag({ content: STILL })
  await page.locator(`#slide-content .slidev-page-${r.no} .slidev-layout`).waitFor()
  // global-bottom.vue publishes where the deck is: the slide, at the click asked for (or its last).
  await page.waitForFunction(({ no, clicks }) => {
    const el = document.querySelector('[data-deck-state]')
    return Number(el?.getAttribute('data-slide')) === no
      && Number(el?.getAttribute('data-clicks')) === (clicks ?? Number(el?.getAttribute('data-clicks-total')))
  }, { no: r.no, clicks: r.clicks })
  if (r.demoStep !== undefined)
    await page.locator(`#slide-content .slidev-page-${r.no} [data-demo][data-step="${r.demoStep}"]`).waitFor()
  await page.evaluate(async () => {
    await document.fonts.ready
    await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  })
  await page.screenshot({ path: shotFile(dir, r), type: 'png' })
  // The sources, in small print on their slides, are also given to the handout as text to read and copy.
  return page.locator(`#slide-content .slidev-page-${r.no} .kit-sources`).evaluateAll(lists => lists.flatMap((list) => {
    const groups: { heading: string, items: string[] }[] = []
    for (const el of list.querySelectorAll('h3, li')) {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
      if (el.tagName === 'H3')
        groups.push({ heading: text, items: [] })
      else
        groups.at(-1)?.items.push(text)
    }
    return groups
  }))
}

/**
 * Shoots every request into `dir` with `parallel` pages; fails on the first page error, naming the slide.
 * Returns the source lists found, by slide number.
 */
export async function shoot(browser: Browser, baseUrl: string, requests: ShotRequest[], dir: string, parallel = 2): Promise<Map<number, SourceGroup[]>> {
  const sources = new Map<number, SourceGroup[]>()
  const context = await browser.newContext({ viewport: { width: 980, height: 552 }, deviceScaleFactor: SCALE, reducedMotion: 'reduce', ...DECK_CONTEXT })
  const queue = [...requests]
  const errors: string[] = []
  const worker = async () => {
    const page = await context.newPage()
    page.on('pageerror', error => errors.push(error.message))
    for (let r = queue.shift(); r; r = queue.shift()) {
      const groups = await shootOne(page, baseUrl, dir, r).catch((error: Error) => {
        throw new Error(`slide ${r!.no} (clicks ${r!.clicks ?? 'last'}): ${error.message}`)
      })
      if (groups.length)
        sources.set(r.no, groups)
      if (errors.length)
        throw new Error(`slide ${r.no}: the page threw ${errors.join('; ')}`)
    }
  }
  try {
    await Promise.all(Array.from({ length: parallel }, worker))
    return sources
  }
  finally {
    await context.close()
  }
}
