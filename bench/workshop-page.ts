// The workshop page in the built deck: the time from pressing Check to the verdict on a reference
// solution (the check runs in a Web Worker started ahead, plus Monaco's type-check of the file), and
// the JavaScript the page loads (its chunk, Monaco's TypeScript worker, the check worker).
import type { Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DECK_CONTEXT } from '../scripts/browser'
import { ROOT } from '../scripts/paths'
import { launchBrowser } from './page-probe'

export interface WorkshopPageRun {
  exercise: string
  /** Click on Check → the "passes" verdict on screen. */
  checkToVerdictMs: number[]
  /** Every script and worker the page fetched until its first verdict (bytes over the wire). */
  scriptBytes: number
  scripts: string[]
}

async function checkOnce(page: Page): Promise<number> {
  const started = performance.now()
  await page.locator('[data-check]').click()
  await page.locator('[data-verdict-panel][data-verdict="pass"]').waitFor({ timeout: 60_000 })
  return performance.now() - started
}

export async function measureWorkshopPage(url: string, id: string, checks: number): Promise<WorkshopPageRun> {
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...DECK_CONTEXT })
    const page = await context.newPage()
    const sizes = new Map<string, number>()
    page.on('response', async (response) => {
      const type = response.request().resourceType()
      if (type === 'script' || type === 'other' || response.url().endsWith('.js'))
        sizes.set(new URL(response.url()).pathname, (await response.body().catch(() => null))?.length ?? 0)
    })
    const solution = readFileSync(join(ROOT, 'solutions', id, 'solution.ts'), 'utf8')
    // The learner's saved code, as the page keeps it: the page opens on the solution.
    await context.addInitScript(([key, code]) => localStorage.setItem(key, JSON.stringify(code)), [`pvt-workshop:code:${id}`, solution])
    await page.goto(`${url}/workshop/${id}`)
    await page.locator('[data-editor] .monaco-editor').waitFor({ timeout: 60_000 })
    await checkOnce(page) // the first check also waits for Monaco's TypeScript worker to load the engine's types
    const scripts = [...sizes.keys()].filter(p => p.endsWith('.js'))
    const scriptBytes = scripts.reduce((n, p) => n + sizes.get(p)!, 0)
    const checkToVerdictMs: number[] = []
    for (let i = 0; i < checks; i++) {
      await page.waitForTimeout(1000) // a learner reads the verdict and edits: meanwhile the next worker starts
      checkToVerdictMs.push(await checkOnce(page))
    }
    return { exercise: id, checkToVerdictMs, scriptBytes, scripts }
  }
  finally {
    await browser.close()
  }
}
