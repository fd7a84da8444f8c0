// `npm run dev` is what a presenter runs on a conference laptop: it must be offline too.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { expect, test } from '@playwright/test'
import { loadDeck } from '../support/deck'
import { guardPage } from '../support/page-guard'

const port = 3131
let server: ChildProcess

test.describe.configure({ timeout: 180_000 })

test.beforeAll(async () => {
  server = spawn('npx', ['slidev', '--port', String(port), '--bind', '127.0.0.1'], { stdio: 'pipe', detached: true })
  await expect.poll(async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/`)).status
    }
    catch {
      return 0
    }
  }, { timeout: 90_000, intervals: [500] }).toBe(200)
})

test.afterAll(() => {
  if (server.pid)
    process.kill(-server.pid) // the whole group: npx, slidev and vite
})

test('the dev server serves every slide without reaching another host', async ({ page }) => {
  const problems = guardPage(page)
  const slides = await loadDeck()
  await page.goto(`http://127.0.0.1:${port}/1`)
  await expect(page.locator('[data-deck-state]')).toHaveAttribute('data-slide', '1', { timeout: 60_000 })
  for (const slide of slides) {
    // In-app navigation (Slidev exposes its nav in dev): a full reload per slide costs seconds in dev mode.
    await page.evaluate(no => (window as unknown as { __slidev__: { nav: { go: (n: number) => void } } }).__slidev__.nav.go(no), slide.no)
    await expect(page.locator('[data-deck-state]')).toHaveAttribute('data-slide', String(slide.no), { timeout: 60_000 })
  }
  expect(problems).toEqual([])
})
