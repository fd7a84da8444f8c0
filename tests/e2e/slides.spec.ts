import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { loadDeck } from '../support/deck'
import { deckState, guardPage, slideLocator } from '../support/page-guard'

const slides = await loadDeck()

test.describe.configure({ mode: 'parallel' })

for (const slide of slides) {
  test(`slide ${slide.no}: ${slide.title}`, async ({ page }) => {
    const problems = guardPage(page)
    await page.goto(`/${slide.no}`)
    const state = page.locator('[data-deck-state]')
    await expect(state).toHaveAttribute('data-slide', String(slide.no))
    const { clicksTotal } = await deckState(page)

    // Every click step, reached by deep link as a presenter's bookmark would.
    for (let clicks = 0; clicks <= clicksTotal; clicks++) {
      if (clicks > 0)
        await page.goto(`/${slide.no}?clicks=${clicks}`)
      await expect(state).toHaveAttribute('data-clicks', String(clicks))
      await expect(slideLocator(page, slide.no).locator('h1, h2').first(), 'slide shows a visible title').toBeVisible()
    }

    // In its final state nothing may spill off the 16:9 canvas.
    const overflowing = await slideLocator(page, slide.no).evaluate((root) => {
      const box = root.getBoundingClientRect()
      // What a viewer sees of an element: its box cut by every ancestor that clips (a scrolling code
      // block, a visually hidden text alternative). Only that part may not leave the slide.
      function seen(el: Element) {
        let { left, top, right, bottom } = el.getBoundingClientRect()
        for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
          const style = getComputedStyle(a)
          const r = a.getBoundingClientRect()
          const clip = /rect\(([-\d.]+)px,? ([-\d.]+)px,? ([-\d.]+)px,? ([-\d.]+)px\)/.exec(style.clip)
          if (clip && style.position === 'absolute') {
            const [t, rr, b, l] = clip.slice(1).map(Number)
            ;({ left, top, right, bottom } = { left: Math.max(left, r.left + l), top: Math.max(top, r.top + t), right: Math.min(right, r.left + rr), bottom: Math.min(bottom, r.top + b) })
          }
          if (a !== el && (style.overflowX !== 'visible' || style.overflowY !== 'visible'))
            ({ left, top, right, bottom } = { left: Math.max(left, r.left), top: Math.max(top, r.top), right: Math.min(right, r.right), bottom: Math.min(bottom, r.bottom) })
        }
        return right - left > 0.5 && bottom - top > 0.5 ? { left, top, right, bottom } : null
      }
      const out: string[] = []
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        const r = seen(el)
        if (!r || getComputedStyle(el).visibility === 'hidden')
          continue
        if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)
          out.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 40)}"`)
      }
      return out
    })
    expect(overflowing, 'elements outside the slide').toEqual([])

    const axe = await new AxeBuilder({ page }).include('#slide-content').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()
    const serious = axe.violations
      .filter(v => v.impact === 'serious' || v.impact === 'critical')
      .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
    expect(serious, 'serious or critical accessibility violations').toEqual([])
    expect(problems, 'console errors, failed or outside requests').toEqual([])
  })
}
