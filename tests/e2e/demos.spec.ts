// The graph demos on their slides, in the built deck: every click step shows the step script's graph
// (node count, values), going back restores it, and deep links land on the step. (The PDF handout's
// demos are checked in export.spec.ts, which makes the PDF.)
import type { Page } from '@playwright/test'
import type { DemoScript } from '../../demos/types'
import { expect, test } from '@playwright/test'
import { formatValue } from '../../demos/format'
import { loadDeck } from '../support/deck'
import { DEMOS, slideNo } from '../support/demo-slides'
import { guardPage, slideLocator } from '../support/page-guard'

const slides = await loadDeck()

/** What the demo shows now: its step and, by node id, each node's text. */
async function shown(page: Page, no: number) {
  const demo = slideLocator(page, no).locator('[data-demo]')
  return {
    step: Number(await demo.getAttribute('data-step')),
    nodes: await demo.locator('[data-node]').evaluateAll(els => Object.fromEntries(els.map(el => [el.getAttribute('data-node'), el.textContent ?? '']))),
  }
}

/** The demo shows step k of its script: the same nodes, each with its label (and value, if drawn). */
async function expectStep(page: Page, no: number, script: DemoScript, k: number, values: boolean) {
  const demo = slideLocator(page, no).locator('[data-demo]')
  await expect(demo).toHaveAttribute('data-step', String(k))
  const step = script.steps[k]
  await expect(demo.locator('[data-node]')).toHaveCount(step.snapshot.nodes.length)
  const { nodes } = await shown(page, no)
  expect(Object.keys(nodes).sort()).toEqual(step.snapshot.nodes.map(n => n.id).sort())
  for (const n of step.snapshot.nodes) {
    // a long title is drawn on two rows (two text elements, no space between them in textContent)
    expect(nodes[n.id].replace(/\s/g, ''), `label of ${n.id} at step ${k}`).toContain(n.label.replace(/\s/g, ''))
    if (values && n.value !== undefined)
      expect(nodes[n.id], `value of ${n.id} at step ${k}`).toContain(formatValue(n.value))
  }
  await expect(demo.locator('[data-caption]')).toHaveText(step.caption)
}

test.describe.configure({ mode: 'parallel' })

for (const { alias, script, values } of DEMOS) {
  test(`demo ${alias}: every click, back, and deep links`, async ({ page }) => {
    const problems = guardPage(page)
    const no = slideNo(slides, alias)
    const last = script.steps.length - 1
    await page.goto(`/${no}`)
    await expect(page.locator('[data-deck-state]')).toHaveAttribute('data-clicks-total', String(last))
    await expectStep(page, no, script, 0, values)
    await page.waitForTimeout(300) // a key pressed right as the slide appears can skip its clicks

    for (let k = 1; k <= last; k++) {
      await page.keyboard.press('ArrowRight')
      await expect(page.locator('[data-deck-state]')).toHaveAttribute('data-clicks', String(k))
      await expectStep(page, no, script, k, values)
    }
    // Going back restores the earlier steps exactly.
    const back = Math.max(0, last - 3)
    for (let k = last - 1; k >= back; k--) {
      await page.keyboard.press('ArrowLeft')
      await expect(page.locator('[data-deck-state]')).toHaveAttribute('data-clicks', String(k))
    }
    await expectStep(page, no, script, back, values)

    // A deep link lands on the step, as a presenter's bookmark would.
    const middle = Math.floor(last / 2)
    await page.goto(`/${no}?clicks=${middle}`)
    await expectStep(page, no, script, middle, values)
    expect(problems).toEqual([])
  })
}
