import { expect, test } from '@playwright/test'
import { loadDeck } from '../support/deck'
import { deckState, guardPage } from '../support/page-guard'

const slides = await loadDeck()

// One step forward is the next click on this slide, or the next slide once its clicks are done.
function isNextStep(before: { slide: number, clicks: number, clicksTotal: number }, after: { slide: number, clicks: number }) {
  return before.clicks < before.clicksTotal
    ? after.slide === before.slide && after.clicks === before.clicks + 1
    : after.slide === before.slide + 1
}

test('→, space and ← move through the deck', async ({ page }) => {
  const problems = guardPage(page)
  await page.goto('/1')
  await expect(page.locator('[data-deck-state]')).toHaveAttribute('data-slide', '1')
  await page.waitForTimeout(300) // a key pressed while the first slide mounts can be swallowed

  for (const key of ['ArrowRight', 'Space', 'ArrowRight']) {
    const before = await deckState(page)
    await page.keyboard.press(key)
    await expect.poll(async () => isNextStep(before, await deckState(page)), { message: `${key} advances one step` }).toBe(true)
    await page.waitForTimeout(300)
  }

  const before = await deckState(page)
  await page.keyboard.press('ArrowLeft')
  await expect.poll(async () => {
    const after = await deckState(page)
    return before.clicks > 0 ? after.clicks === before.clicks - 1 : after.slide === before.slide - 1
  }, { message: '← goes back one step' }).toBe(true)
  expect(problems).toEqual([])
})

test('the deck has every section the talk needs', async () => {
  const aliases = slides.map(s => s.alias)
  for (const section of ['origins', 'graphs', 'community', 'production', 'convergence', 'differences', 'today', 'conclusion', 'sources'])
    expect(aliases).toContain(section)
})

test('presenter view renders and shows the speaker note', async ({ page }) => {
  const problems = guardPage(page)
  await page.goto('/presenter/1')
  const firstWords = slides[0].note.split(' ').slice(0, 6).join(' ')
  await expect(page.getByText(firstWords).first()).toBeVisible()
  expect(problems).toEqual([])
})
