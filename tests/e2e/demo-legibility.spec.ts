// The graph demos as a room sees them at 1280×720, at every click step: node text at least 18 px on
// screen (the SVG's scaling and the slide's zoom included), badges clear of other nodes and labels,
// the graph on at least 45 % of the slide, the step caption clear of the column above it, and no output
// line before the step that prints it.
import { expect, test } from '@playwright/test'
import { visibleOutput } from '../../demos/output'
import { goInDeck } from '../../scripts/deck-nav'
import { loadDeck } from '../support/deck'
import { DEMOS, slideNo } from '../support/demo-slides'
import { slideLocator } from '../support/page-guard'

const slides = await loadDeck()
const MIN_NODE_PX = 18
test.describe.configure({ mode: 'parallel' })
// Each step is reached by the deck's router, as a clicker does, not a page load each (the deep links have
// their own test in demos.spec.ts). Without motion, so a box is measured where it stays, never mid-way in.
test.use({ reducedMotion: 'reduce' })

for (const { alias, script } of DEMOS) {
  test(`demo ${alias}: legible at every step`, async ({ page }) => {
    const no = slideNo(slides, alias)
    for (let k = 0; k < script.steps.length; k++) {
      await goInDeck(page, `/${no}?clicks=${k}`)
      const slide = slideLocator(page, no)
      const demo = slide.locator('[data-demo]')
      await expect(demo).toHaveAttribute('data-step', String(k))
      const step = script.steps[k]
      await expect(demo.locator('[data-node]')).toHaveCount(step.snapshot.nodes.length)

      const seen = await slide.evaluate((root) => {
        const rect = (el: Element) => el.getBoundingClientRect()
        const svg = root.querySelector<SVGSVGElement>('.graph-view')!
        const vb = svg.viewBox.baseVal
        const scale = Math.min(rect(svg).width / vb.width, rect(svg).height / vb.height)
        const fonts = [...root.querySelectorAll('[data-node] .gv-text')].map(t => ({
          text: t.textContent ?? '',
          px: Number.parseFloat(getComputedStyle(t).fontSize) * scale,
        }))
        const nodes = [...root.querySelectorAll('[data-node]')].map(n => ({
          id: n.getAttribute('data-node')!,
          box: rect(n.querySelector('.gv-box')!),
          labels: [...n.querySelectorAll('.gv-text')].map(rect),
          badge: n.querySelector('.gv-badge rect') ? rect(n.querySelector('.gv-badge rect')!) : undefined,
        }))
        const area = rect(root.querySelector('[data-graph-area]')!)
        const page = rect(root)
        const output = [...root.querySelectorAll('[data-output] span')].map(s => ({ text: s.textContent?.replace(/\n$/, '') ?? '', visible: getComputedStyle(s).visibility !== 'hidden' }))
        // The step caption sits under the code column: nothing of that column (code, output, text) may run into it.
        const caption = rect(root.querySelector('.graph-demo__caption')!)
        const column = [...root.querySelectorAll('.graph-demo__code > *')].map(rect).filter(r => r.height > 0)
        return { fonts, nodes, share: (area.width * area.height) / (page.width * page.height), output, caption, column }
      })

      for (const f of seen.fonts) expect(f.px, `step ${k}: "${f.text}" drawn at ${f.px.toFixed(1)} px`).toBeGreaterThanOrEqual(MIN_NODE_PX)
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
      for (const n of seen.nodes.filter(x => x.badge)) {
        for (const other of seen.nodes.filter(x => x.id !== n.id)) {
          expect(hit(n.badge!, other.box), `step ${k}: badge of ${n.id} on node ${other.id}`).toBe(false)
          for (const l of other.labels) expect(hit(n.badge!, l), `step ${k}: badge of ${n.id} on a label of ${other.id}`).toBe(false)
        }
        for (const l of n.labels) expect(hit(n.badge!, l), `step ${k}: badge of ${n.id} on its own label`).toBe(false)
      }
      expect(seen.share, `step ${k}: graph area share of the slide`).toBeGreaterThanOrEqual(0.45)
      expect(seen.column.filter(r => hit(r, seen.caption)).length, `step ${k}: blocks of the code column running into the step caption`).toBe(0)
      const printed = new Set(visibleOutput(seen.output.map(o => o.text).join('\n'), step.printed).filter(l => l.shown).map(l => l.text))
      for (const o of seen.output) expect(o.visible, `step ${k}: output line "${o.text}"`).toBe(printed.has(o.text))
    }
  })
}
