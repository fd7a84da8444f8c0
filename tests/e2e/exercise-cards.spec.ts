// Every workshop exercise is announced on the slide its manifest entry names, with the command to run.
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { guardPage } from '../support/page-guard'

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
    expect(problems).toEqual([])
  })
}
