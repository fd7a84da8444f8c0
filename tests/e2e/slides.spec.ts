// Every slide, visited once at 1280 × 720: each click step reached as a presenter's clicker reaches it
// and shows its title; the final state also reached by deep link, as a presenter's bookmark would; and
// in that final state nothing spills off the canvas, text is big enough and short enough to read from
// the back of the room, axe finds no serious violation, and nothing went wrong offline.
// Each worker keeps one page and moves it from slide to slide in the app (support/deck-page.ts).
import { expect } from '@playwright/test'
import { goInDeck } from '../../scripts/deck-nav'
import { seriousViolations } from '../support/axe'
import { loadDeck } from '../support/deck'
import { test } from '../support/deck-page'
import { overflowing } from '../support/overflow'
import { deckState, slideLocator } from '../support/page-guard'
import { isSources, MAX_WORDS, measureText, tooSmall } from '../support/readability'

const slides = await loadDeck()

test.describe.configure({ mode: 'parallel' })

for (const slide of slides) {
  test(`slide ${slide.no}: ${slide.title}`, async ({ deckPage: { page, problems } }) => {
    await goInDeck(page, `/${slide.no}`)
    const state = page.locator('[data-deck-state]')
    const title = slideLocator(page, slide.no).locator('h1, h2').first()
    await expect(state).toHaveAttribute('data-slide', String(slide.no))
    await expect(title, 'slide shows a visible title').toBeVisible()
    const { clicksTotal } = await deckState(page)

    // Every click step, one key press at a time (a full reload per step cost ~0.5 s each).
    for (let clicks = 1; clicks <= clicksTotal; clicks++) {
      await page.keyboard.press('ArrowRight')
      await expect(state, 'the click step the key reached').toHaveAttribute('data-clicks', String(clicks))
      await expect(state).toHaveAttribute('data-slide', String(slide.no))
      await expect(title, `title visible at click ${clicks}`).toBeVisible()
    }
    if (clicksTotal > 0) {
      await page.goto(`/${slide.no}?clicks=${clicksTotal}`)
      await expect(state, 'the final state by deep link').toHaveAttribute('data-clicks', String(clicksTotal))
      await expect(title).toBeVisible()
    }
    const root = slideLocator(page, slide.no)
    await expect(root.locator('.slidev-layout')).toBeVisible()
    // Web fonts change text metrics: measure once they are in.
    await page.evaluate(() => document.fonts.ready)

    expect.soft(await overflowing(root), 'elements outside the slide').toEqual([])

    const text = await measureText(root)
    expect.soft(tooSmall(text.sizes, slide.alias), 'text under the minimum size on screen').toEqual([])
    if (!isSources(slide.alias))
      expect.soft(text.words.length, `visible words outside code: ${text.words.join(' ')}`).toBeLessThanOrEqual(MAX_WORDS)

    expect.soft(await seriousViolations(page, `#slide-content .slidev-page-${slide.no}`), 'serious or critical accessibility violations').toEqual([])
    expect(problems, 'console errors, failed or outside requests').toEqual([])
  })
}
