// The TypeScript track in the browser, on the built deck: every exercise opens from its slide's card,
// its untouched starter fails in plain words, the reference solution passes, an endless loop is stopped
// while the page keeps answering, the code survives a reload, a reset keeps the previous version, no
// request leaves the host, and axe finds nothing serious.
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { expect } from '@playwright/test'
import { DECK_CONTEXT } from '../../scripts/browser'
import { goInDeck } from '../../scripts/deck-nav'
import { seriousViolations } from '../support/axe'
import { test } from '../support/deck-page'
import { guardPage } from '../support/page-guard'

const manifest = JSON.parse(readFileSync(new URL('../../exercises/manifest.json', import.meta.url), 'utf8')) as { exercises: { id: string, title: string, slide: string, track: string }[] }
// 06 too: its ONNX Runtime for Node is ONNX Runtime for the web in the page's worker (workshop/web/exercise-modules.ts).
const exercises = manifest.exercises.filter(e => e.track === 'ts')
const solution = (id: string) => readFileSync(new URL(`../../solutions/${id}/solution.ts`, import.meta.url), 'utf8')
const stored = (page: Page, id: string) => page.evaluate(key => JSON.parse(localStorage.getItem(key) ?? 'null') as string | null, `pvt-workshop:code:${id}`)

/** Replaces the editor's whole text, as a paste does (typing would auto-close brackets). */
async function setCode(page: Page, code: string): Promise<void> {
  await page.locator('[data-editor] .view-lines').click() // Monaco types through an EditContext, not a textarea
  await page.keyboard.press('ControlOrMeta+A')
  await page.evaluate(text => navigator.clipboard.writeText(text), code)
  await page.keyboard.press('ControlOrMeta+V')
  await expect.poll(() => stored(page, page.url().split('/').at(-1)!), { timeout: 5000 }).toBe(code)
}

async function verdict(page: Page): Promise<string> {
  const panel = page.locator('[data-verdict-panel]')
  await expect(panel).not.toHaveAttribute('data-verdict', /^(none|checking)$/, { timeout: 30_000 })
  // eslint-disable-next-line unicorn/prefer-dom-node-text-content -- Playwright's innerText keeps the panel's line breaks
  return (await panel.innerText()).trim()
}

// setCode pastes through the clipboard.
const CLIPBOARD = ['clipboard-read', 'clipboard-write']
test.use({ permissions: [...DECK_CONTEXT.permissions, ...CLIPBOARD], morePermissions: CLIPBOARD })

// A participant opens the deck once and goes from slide to slide, exercise to exercise: these tests share
// one page per worker, moved by the deck's router (support/deck-page.ts), so Monaco and its TypeScript
// worker load once, not once an exercise.
for (const exercise of exercises) {
  test(`exercise ${exercise.id}: from its slide's card, the starter fails and the solution passes`, async ({ deckPage: { page, problems } }) => {
    await goInDeck(page, `/${exercise.slide}?workshop`)
    // Code and progress live in the browser: each exercise starts from none solved, as on a fresh page.
    await page.evaluate(() => localStorage.clear())
    await page.locator(`[data-exercise="${exercise.id}"] [data-open-in-browser]`).click()
    await expect(page).toHaveURL(new RegExp(`/workshop/${exercise.id}$`))
    await expect(page.locator('.workshop__title')).toContainText(exercise.title)
    await expect(page.locator('[data-editor] .monaco-editor')).toBeVisible({ timeout: 30_000 })

    await page.locator('[data-check]').click()
    const failing = await verdict(page)
    expect(failing).toContain(`✗ ${exercise.id} is not solved yet`)
    expect(failing).toMatch(/Check ".+" failed: /)

    await setCode(page, solution(exercise.id))
    await page.keyboard.press('ControlOrMeta+S') // check on save
    expect(await verdict(page)).toContain(`✓ ${exercise.id} passes`)
    await expect(page.locator('[data-progress]')).toHaveText(`1/${exercises.length} solved`)

    await page.locator('[data-back-to-slide]').click()
    await expect(page).toHaveURL(new RegExp(`/${exercise.slide}$`))
    expect(problems).toEqual([])
  })
}

test('ONNX Runtime loads only when exercise 06 is checked, from the deck\'s own build', async ({ page }) => {
  const problems = guardPage(page) // no request leaves the host: no CDN
  const ort: string[] = []
  page.on('request', (request) => {
    if (/\/ort[.-][^/]*$/.test(new URL(request.url()).pathname))
      ort.push(request.url())
  })
  await page.goto('/')
  await page.waitForLoadState('networkidle')
  expect(ort, 'the talk\'s first slide').toEqual([])
  await page.goto('/workshop/03-session-run')
  await expect(page.locator('[data-editor] .monaco-editor')).toBeVisible({ timeout: 30_000 })
  await page.locator('[data-check]').click()
  expect(await verdict(page)).toContain('✗ 03-session-run is not solved yet')
  expect(ort, 'another exercise\'s check').toEqual([])
  await page.goto('/workshop/06-onnx-export')
  await expect(page.locator('[data-editor] .monaco-editor')).toBeVisible({ timeout: 30_000 })
  await setCode(page, solution('06-onnx-export'))
  await page.locator('[data-check]').click()
  expect(await verdict(page)).toContain('✓ 06-onnx-export passes')
  expect(ort.some(url => url.endsWith('.wasm')), `the WebAssembly among ${ort.join(', ')}`).toBe(true)
  expect(problems).toEqual([])
})

test('an endless loop is stopped with the CLI\'s words, and the page still answers', async ({ page }) => {
  const problems = guardPage(page)
  await page.goto('/workshop/01-backward-rules')
  await expect(page.locator('[data-editor] .monaco-editor')).toBeVisible({ timeout: 30_000 })
  await setCode(page, `${solution('01-backward-rules')}\nwhile (true) {}\n`)
  const started = Date.now()
  await page.locator('[data-check]').click()
  // While the worker spins, the page's own thread is free: a hint opens at once.
  await page.getByRole('button', { name: /Show hint 1 of/ }).click({ timeout: 2000 })
  await expect(page.locator('[data-hint]')).toHaveCount(1, { timeout: 2000 })
  expect(Date.now() - started).toBeLessThan(5000)
  expect(await verdict(page)).toMatch(/^⏱ 01-backward-rules timed out\s+Stopped after 10 s: the checks did not finish\. Is there an endless loop\?$/)
  // And the next check runs in a fresh worker.
  await setCode(page, solution('01-backward-rules'))
  await page.locator('[data-check]').click()
  expect(await verdict(page)).toContain('✓ 01-backward-rules passes')
  expect(problems).toEqual([])
})

test('the code survives a reload; reset restores the starter and offers the previous version back', async ({ page }) => {
  const problems = guardPage(page)
  const id = '02-backward-pass'
  await page.goto(`/workshop/${id}`)
  await expect(page.locator('[data-editor] .monaco-editor')).toBeVisible({ timeout: 30_000 })
  const mine = `// my own note\n${solution(id)}` // first line: Monaco draws only the lines in view
  await setCode(page, mine)
  await page.reload()
  await expect(page.locator('[data-editor] .monaco-editor')).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('[data-editor] .view-lines')).toContainText('my own note')

  await page.locator('[data-reset]').click()
  await expect(page.locator('[data-notice]')).toContainText('Your previous version is kept')
  await expect(page.locator('[data-editor] .view-lines')).not.toContainText('my own note')
  expect(await stored(page, id)).toBe(readFileSync(new URL(`../../exercises/${id}/starter.ts`, import.meta.url), 'utf8'))
  await page.locator('[data-check]').click()
  expect(await verdict(page)).toContain(`✗ ${id} is not solved yet`)

  await page.locator('[data-restore]').click()
  await expect.poll(() => stored(page, id)).toBe(mine)
  await page.locator('[data-check]').click()
  expect(await verdict(page)).toContain(`✓ ${id} passes`)

  const download = page.waitForEvent('download')
  await page.locator('[data-download]').click()
  expect((await download).suggestedFilename()).toBe('my-workshop-work.zip')
  expect(problems).toEqual([])
})

test('a type error shows as the learner types, and in the verdict', async ({ page }) => {
  await page.goto('/workshop/14-compile-guards')
  await expect(page.locator('[data-editor] .monaco-editor')).toBeVisible({ timeout: 30_000 })
  await setCode(page, `${solution('14-compile-guards')}\nexport const n: number = 'one'\n`)
  await expect(page.locator('[data-editor] .squiggly-error').first()).toBeVisible({ timeout: 30_000 })
  await page.locator('[data-check]').click()
  const text = await verdict(page)
  expect(text).toContain('✗ 14-compile-guards has a type error')
  expect(text).toContain('error TS2322: Type \'string\' is not assignable to type \'number\'.')
})

test('axe finds no serious or critical violation on the workshop page', async ({ page }) => {
  await page.goto('/workshop/03-session-run')
  await expect(page.locator('[data-editor] .monaco-editor')).toBeVisible({ timeout: 30_000 })
  await page.locator('[data-check]').click()
  await verdict(page)
  await page.getByRole('button', { name: /Show hint 1 of/ }).click()
  expect(await seriousViolations(page, 'body')).toEqual([])
})
