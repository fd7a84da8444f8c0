// The graph demos on their slides, in the built deck: every click step shows the step script's graph
// (node count, values), going back restores it, deep links land on the step, and the exported PDF
// draws each demo in its final state.
import type { Page } from '@playwright/test'
import type { DemoScript } from '../../demos/types'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { defineByRun } from '../../demos/define-by-run'
import { defineThenRun } from '../../demos/define-then-run'
import { dynamicControlFlow } from '../../demos/dynamic-control-flow'
import { formatValue } from '../../demos/format'
import { graphPasses } from '../../demos/graph-passes'
import { retracing } from '../../demos/retracing'
import { tracingTrap } from '../../demos/tracing-trap'
import { ROOT, SLIDES_PDF } from '../../scripts/paths'
import { loadDeck, plainText } from '../support/deck'
import { guardPage, slideLocator } from '../support/page-guard'

/** Each demo by its slide's routeAlias; `values`: whether its nodes draw their values. */
const DEMOS: { alias: string, script: DemoScript, values: boolean }[] = [
  { alias: 'define-by-run', script: defineByRun(), values: true },
  { alias: 'define-then-run', script: defineThenRun(), values: true },
  { alias: 'dynamic-control-flow', script: dynamicControlFlow(), values: true },
  { alias: 'tracing-trap', script: tracingTrap(), values: true },
  { alias: 'graph-passes', script: graphPasses(), values: false },
  { alias: 'retracing', script: retracing(), values: false },
]

const slides = await loadDeck()

function slideNo(alias: string): number {
  const slide = slides.find(s => s.alias === alias)
  if (!slide)
    throw new Error(`no slide with routeAlias ${alias}`)
  return slide.no
}

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
    expect(nodes[n.id], `label of ${n.id} at step ${k}`).toContain(n.label)
    if (values && n.value !== undefined)
      expect(nodes[n.id], `value of ${n.id} at step ${k}`).toContain(formatValue(n.value))
  }
  await expect(demo.locator('[data-caption]')).toHaveText(step.caption)
}

test.describe.configure({ mode: 'parallel' })

for (const { alias, script, values } of DEMOS) {
  test(`demo ${alias}: every click, back, and deep links`, async ({ page }) => {
    const problems = guardPage(page)
    const no = slideNo(alias)
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

test.describe('the PDF handout', () => {
  test.describe.configure({ mode: 'serial', timeout: 900_000 })

  // Same known bug as export.spec.ts: the handout has fewer pages than slides, so page N is not slide N.
  test.fixme('draws every demo in its final state', () => {
    // Reuse the handout export.spec.ts wrote, unless it is older than the demos and their slides.
    const sources = ['demos', 'components', 'pages'].flatMap(dir => readdirSync(join(ROOT, dir)).map(f => join(ROOT, dir, f)))
    const newest = Math.max(...sources.map(f => statSync(f).mtimeMs))
    if (!existsSync(SLIDES_PDF) || statSync(SLIDES_PDF).mtimeMs < newest) {
      const run = spawnSync('npx', ['tsx', 'scripts/export.ts', 'slides'], { encoding: 'utf8', timeout: 600_000 })
      expect(run.status, `export failed:\n${run.stdout}\n${run.stderr}`).toBe(0)
    }
    for (const { alias, script } of DEMOS) {
      const no = slideNo(alias)
      const text = plainText(execFileSync('pdftotext', ['-f', String(no), '-l', String(no), '-layout', SLIDES_PDF, '-'], { encoding: 'utf8' }))
      const final = script.steps.at(-1)!
      expect(text, `${alias}: step counter of the final state`).toContain(`${last(script)}/${last(script)}`)
      for (const n of final.snapshot.nodes.filter(n => final.states[n.id] !== 'removed'))
        expect(text, `${alias}: node ${n.id} (${n.label}) on page ${no}`).toContain(plainText(n.label))
    }
  })
})

function last(script: DemoScript): number {
  return script.steps.length - 1
}
