// axe-core run inside the page, on one slide or one page: the slide checks and the workshop page's.
// AxeBuilder (@axe-core/playwright, used here before) injected axe's 500 kB source again for every
// analysis and finished each run in a fresh page of the context: ~3 CPU-s a slide on this machine, most
// of the slide checks' time. Here axe is injected once per page load and asked, through its own API
// (axe.run), about the part in `selector` only: ~0.4 CPU-s, the same rules.
import type { Page } from '@playwright/test'
import type { AxeResults, ElementContext, RunOptions } from 'axe-core'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The rule sets the deck is held to: WCAG 2.0 A and AA, and 2.1 AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21aa']

/** Serious or critical violations inside `selector`, one line each (rule, impact, the elements). */
export async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  if (!await page.evaluate(() => 'axe' in window))
    await page.addScriptTag({ content: source })
  const options: RunOptions = { runOnly: { type: 'tag', values: WCAG_AA } }
  const results = await page.evaluate(([include, opts]) => {
    const axe = (window as unknown as { axe: { run: (c: ElementContext, o: RunOptions) => Promise<AxeResults> } }).axe
    return axe.run({ include: [include] }, opts)
  }, [selector, options] as const)
  return results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
}
