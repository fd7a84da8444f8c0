// The charts make their point without collisions, at 1280 × 720 in their final click state: no two
// timeline markers intersect, no value label crosses the 50 % reference line. (Text size and word count
// on every slide are checked in slides.spec.ts, during its one visit to each slide; this file also shows
// that check's axe run can fail.)
import { expect, test } from '@playwright/test'
import { seriousViolations } from '../support/axe'
import { loadDeck } from '../support/deck'
import { deckState, slideLocator } from '../support/page-guard'

const slides = await loadDeck()

test.describe.configure({ mode: 'parallel' })

async function openFinalState(page: import('@playwright/test').Page, no: number) {
  await page.goto(`/${no}`)
  const state = page.locator('[data-deck-state]')
  await expect(state).toHaveAttribute('data-slide', String(no))
  const { clicksTotal } = await deckState(page)
  if (clicksTotal > 0) {
    await page.goto(`/${no}?clicks=${clicksTotal}`)
    await expect(state).toHaveAttribute('data-clicks', String(clicksTotal))
  }
  const slide = slideLocator(page, no)
  await expect(slide.locator('.slidev-layout')).toBeVisible()
  // Web fonts change text metrics: measure once they are in.
  await page.evaluate(() => document.fonts.ready)
  return slide
}

const overlaps = (a: DOMRectLike, b: DOMRectLike) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
interface DOMRectLike { x: number, y: number, width: number, height: number }

for (const slide of slides.filter(s => (s.alias ?? '').startsWith('timeline'))) {
  test(`timeline on slide ${slide.no}: no two markers intersect`, async ({ page }) => {
    const root = await openFinalState(page, slide.no)
    const marks = await root.locator('[data-event] [data-mark]').evaluateAll(els => els.map((e) => {
      const r = e.getBoundingClientRect()
      return { id: e.closest('[data-event]')!.getAttribute('data-event'), x: r.x, y: r.y, width: r.width, height: r.height }
    }))
    expect(marks.length).toBeGreaterThan(1)
    const hits: string[] = []
    for (let i = 0; i < marks.length; i++) {
      for (let j = i + 1; j < marks.length; j++) {
        if (overlaps(marks[i], marks[j]))
          hits.push(`${marks[i].id} × ${marks[j].id}`)
      }
    }
    expect(hits, 'intersecting timeline markers').toEqual([])
  })
}

for (const slide of slides.filter(s => (s.alias ?? '').startsWith('conference'))) {
  test(`chart on slide ${slide.no}: no value label crosses the reference line`, async ({ page }) => {
    const root = await openFinalState(page, slide.no)
    const line = (await root.locator('[data-reference-line]').boundingBox())!
    const labels = await root.locator('[data-value-label]').evaluateAll(els => els.map((e) => {
      const r = e.getBoundingClientRect()
      return { text: e.textContent, x: r.x, y: r.y, width: r.width, height: r.height }
    }))
    expect(labels.length).toBeGreaterThan(0)
    // The line is drawn 1.5 px wide: give it its stroke's height.
    const band = { ...line, y: line.y - 1, height: Math.max(line.height, 2) }
    expect(labels.filter(l => overlaps(l, band)).map(l => l.text), 'value labels on the 50 % line').toEqual([])
  })
}

test('the slide checks\' axe run finds a violation planted on a slide, and only on that slide', async ({ page }) => {
  const root = await openFinalState(page, 2)
  const selector = '#slide-content .slidev-page-2'
  expect(await seriousViolations(page, selector), 'slide 2 as it is').toEqual([])
  // Light grey on white, 1.6:1: below the 4.5:1 that WCAG AA asks of body text.
  await root.locator('.slidev-layout').evaluate((layout) => {
    const p = layout.appendChild(document.createElement('p'))
    p.textContent = 'planted: too faint to read'
    p.style.cssText = 'color: #d4d4d4; background: #ffffff'
  })
  expect(await seriousViolations(page, selector)).toEqual([expect.stringMatching(/^color-contrast \(serious\): /)])
  expect(await seriousViolations(page, '#slide-content .slidev-page-3'), 'another slide').toEqual([])
})
