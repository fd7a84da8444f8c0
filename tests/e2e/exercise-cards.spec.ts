// Every workshop exercise is announced on the slide its manifest entry names, with the command to run.
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { deckState, guardPage, slideLocator } from '../support/page-guard'

// Read, not imported: Node's ESM loader wants an import attribute for JSON, which the type-check's bundler mode does not.
const manifest = JSON.parse(readFileSync(new URL('../../exercises/manifest.json', import.meta.url), 'utf8')) as { exercises: { id: string, title: string, slide: string }[] }

for (const exercise of manifest.exercises) {
  test(`exercise ${exercise.id} is on slide /${exercise.slide}`, async ({ page }) => {
    const problems = guardPage(page)
    await page.goto(`/${exercise.slide}`)
    const card = page.locator(`[data-exercise="${exercise.id}"]`)
    await expect(card).toBeVisible()
    await expect(card).toContainText(exercise.title)
    await expect(card).toContainText(`npm run workshop -- check ${Number(exercise.id.slice(0, 2))}`)
    await expect(card).toContainText(`exercises/${exercise.id}/README.md`)

    // The card sits in the slide's top margin: it must not cover any of the title's text.
    const slide = slideLocator(page, (await deckState(page)).slide)
    const title = await slide.locator('h1, h2').first().evaluate((h) => {
      const range = document.createRange()
      range.selectNodeContents(h)
      const r = range.getBoundingClientRect()
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }
    })
    const box = (await slide.locator(`[data-exercise="${exercise.id}"]`).boundingBox())!
    const overlaps = box.x < title.right && box.x + box.width > title.left && box.y < title.bottom && box.y + box.height > title.top
    expect(overlaps, `card ${JSON.stringify(box)} over title ${JSON.stringify(title)}`).toBe(false)
    expect(problems).toEqual([])
  })
}
