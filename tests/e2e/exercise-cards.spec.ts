// Every workshop exercise is announced on the slide its manifest entry names. In workshop mode (and the
// handout) that is the full card with the command to run; in talk mode, the default, only a small
// marker in the footer's corner. One page per worker, moved by the deck's router (support/deck-page.ts).
import { readFileSync } from 'node:fs'
import { expect } from '@playwright/test'
import { goInDeck } from '../../scripts/deck-nav'
import { test } from '../support/deck-page'
import { deckState, slideLocator } from '../support/page-guard'

// Read, not imported: Node's ESM loader wants an import attribute for JSON, which the type-check's bundler mode does not.
const manifest = JSON.parse(readFileSync(new URL('../../exercises/manifest.json', import.meta.url), 'utf8')) as { exercises: { id: string, title: string, slide: string }[] }
const slidesWithExercises = [...new Set(manifest.exercises.map(e => e.slide))]

for (const exercise of manifest.exercises) {
  test(`workshop mode: exercise ${exercise.id} is on slide /${exercise.slide}`, async ({ deckPage: { page, problems } }) => {
    await goInDeck(page, `/${exercise.slide}?workshop`)
    const card = page.locator(`[data-exercise="${exercise.id}"]`)
    await expect(card).toBeVisible()
    await expect(card).toContainText(exercise.title)
    await expect(card).toContainText(`npm run workshop -- check ${Number(exercise.id.slice(0, 2))}`)
    await expect(card).toContainText(`exercises/${exercise.id}/README.md`)

    // Title, card and slide measured in one frame: the slide may still be sliding in.
    const slide = slideLocator(page, (await deckState(page)).slide)
    const { title, box, canvas } = await slide.evaluate((root, id) => {
      const range = document.createRange()
      range.selectNodeContents(root.querySelector('h1, h2')!)
      const plain = (r: DOMRect) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })
      return {
        title: plain(range.getBoundingClientRect()),
        box: plain(root.querySelector(`[data-exercise="${id}"]`)!.getBoundingClientRect()),
        canvas: plain(root.getBoundingClientRect()),
      }
    }, exercise.id)
    // The card sits in the slide's top margin: it must not cover any of the title's text.
    const overlaps = box.left < title.right && box.right > title.left && box.top < title.bottom && box.bottom > title.top
    expect(overlaps, `card ${JSON.stringify(box)} over title ${JSON.stringify(title)}`).toBe(false)
    // Two cards share the strip: neither may be pushed off the slide's edge (a long title once did).
    expect(canvas.left - box.left, 'px of the card beyond the slide\'s left edge').toBeLessThanOrEqual(0.5)
    expect(box.right - canvas.right, 'px of the card beyond the slide\'s right edge').toBeLessThanOrEqual(0.5)
    expect(problems).toEqual([])
  })
}

for (const alias of slidesWithExercises) {
  test(`talk mode: slide /${alias} shows only a small marker in a corner`, async ({ deckPage: { page, problems } }) => {
    await goInDeck(page, `/${alias}`)
    const slide = slideLocator(page, (await deckState(page)).slide)
    await expect(slide.locator('[data-exercise-marker]')).toBeVisible()
    await expect(slide.locator('[data-exercise]')).toHaveCount(0)
    const numbers = manifest.exercises.filter(e => e.slide === alias).map(e => String(Number(e.id.slice(0, 2))))
    for (const n of numbers)
      await expect(slide.locator('[data-exercise-marker]')).toContainText(n)

    const canvas = (await slide.boundingBox())!
    const marker = (await slide.locator('[data-exercise-marker]').boundingBox())!
    // Small: under 1 % of the canvas. In a corner: inside the bottom-right eighth of both axes.
    expect(marker.width * marker.height, 'marker area').toBeLessThan(0.01 * canvas.width * canvas.height)
    expect(marker.x, 'marker starts in the right part').toBeGreaterThan(canvas.x + 0.7 * canvas.width)
    expect(marker.y, 'marker starts in the bottom part').toBeGreaterThan(canvas.y + 0.88 * canvas.height)
    expect(problems).toEqual([])
  })
}

test('the headmatter or the URL switches modes: ?workshop=0 turns the cards off again', async ({ deckPage: { page } }) => {
  await goInDeck(page, `/${slidesWithExercises[0]}?workshop`)
  await expect(slideLocator(page, (await deckState(page)).slide).locator('[data-exercise]').first()).toBeVisible()
  await goInDeck(page, `/${slidesWithExercises[0]}?workshop=0`)
  const slide = slideLocator(page, (await deckState(page)).slide)
  await expect(slide.locator('[data-exercise-marker]')).toBeVisible()
  await expect(slide.locator('[data-exercise]')).toHaveCount(0)
})
