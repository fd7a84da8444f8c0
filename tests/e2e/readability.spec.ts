// Readable from the back of the room, at 1280 × 720, on every slide in its final click state:
// no text under 16 px on screen (14 px for sources and footnotes), at most 60 visible words outside
// code and figures (the notes carry the rest; the sources appendix is exempt), and charts whose marks
// and labels never collide.
import { expect, test } from '@playwright/test'
import { loadDeck } from '../support/deck'
import { deckState, slideLocator } from '../support/page-guard'

const slides = await loadDeck()
const MAX_WORDS = 60
const isSources = (alias?: string) => Boolean(alias?.startsWith('sources'))

test.describe.configure({ mode: 'parallel' })

async function openFinalState(page: import('@playwright/test').Page, no: number) {
  await page.goto(`/${no}`)
  const state = page.locator('[data-deck-state]')
  await expect(state).toHaveAttribute('data-slide', String(no))
  const { clicksTotal } = await deckState(page)
  if (clicksTotal > 0) {
    await page.goto(`/${no}?clicks=${clicksTotal}`)
    await expect(state).toHaveAttribute('data-clicks', String(clicksTotal))
  }
  const slide = slideLocator(page, no)
  await expect(slide.locator('.slidev-layout')).toBeVisible()
  // Web fonts change text metrics: measure once they are in.
  await page.evaluate(() => document.fonts.ready)
  return slide
}

for (const slide of slides) {
  test(`slide ${slide.no}: ${slide.title}`, async ({ page }) => {
    const root = await openFinalState(page, slide.no)
    const report = await root.evaluate((el) => {
      /** What a viewer sees of a text node: its rendered boxes, nothing if hidden or clipped away. */
      function visible(node: Text): boolean {
        const parent = node.parentElement
        if (!parent || parent.closest('[hidden], .kit-sr-only, [aria-hidden="true"]:not(svg), .slidev-vclick-hidden'))
          return false
        const style = getComputedStyle(parent)
        if (style.visibility === 'hidden' || style.display === 'none')
          return false
        for (let a: Element | null = parent; a; a = a.parentElement) {
          if (Number(getComputedStyle(a).opacity) === 0)
            return false
        }
        const range = document.createRange()
        range.selectNodeContents(node)
        return [...range.getClientRects()].some(r => r.width > 1 && r.height > 1)
      }
      /** The size a viewer sees: the computed size times every transform (Slidev's scale, zoom, SVG viewBox). */
      function screenSize(parent: Element): number {
        const size = Number.parseFloat(getComputedStyle(parent).fontSize)
        if (parent instanceof SVGGraphicsElement) {
          const m = parent.getScreenCTM()
          return m ? size * Math.hypot(m.a, m.b) : size
        }
        const html = parent as HTMLElement
        const r = html.getBoundingClientRect()
        const scale = html.offsetHeight > 0 ? r.height / html.offsetHeight : r.width / Math.max(1, html.offsetWidth)
        return size * scale
      }
      const small: string[] = []
      const words: string[] = []
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const node = n as Text
        const text = node.data.trim()
        if (!text || !visible(node))
          continue
        const parent = node.parentElement!
        const px = screenSize(parent)
        // Graph nodes are demo-legibility.spec.ts's to check (18 px, stricter, with its known misses).
        if (parent.closest('svg.graph-view'))
          continue
        const smallPrint = Boolean(parent.closest('.kit-source, .kit-sources'))
        small.push(`${px.toFixed(1)}|${smallPrint ? 1 : 0}|${text.slice(0, 40)}`)
        // Words the audience must read: not code, not a figure's own labels, not the slide's frame.
        if (!parent.closest('pre, code, svg, figure, [data-chrome], .kit-source'))
          words.push(...text.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)))
      }
      return { sizes: small, words }
    })

    const floor = isSources(slide.alias) ? 14 : 16
    const tooSmall = report.sizes
      .map((s) => {
        const [px, smallPrint, text] = s.split('|')
        return { px: Number(px), min: smallPrint === '1' ? 14 : floor, text }
      })
      .filter(s => s.px < s.min - 0.05)
      .map(s => `${s.px.toFixed(1)} px < ${s.min}: "${s.text}"`)
    expect.soft(tooSmall, 'text under the minimum size on screen').toEqual([])

    if (!isSources(slide.alias))
      expect.soft(report.words.length, `visible words outside code: ${report.words.join(' ')}`).toBeLessThanOrEqual(MAX_WORDS)
  })
}

const overlaps = (a: DOMRectLike, b: DOMRectLike) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
interface DOMRectLike { x: number, y: number, width: number, height: number }

for (const slide of slides.filter(s => (s.alias ?? '').startsWith('timeline'))) {
  test(`timeline on slide ${slide.no}: no two markers intersect`, async ({ page }) => {
    const root = await openFinalState(page, slide.no)
    const marks = await root.locator('[data-event] [data-mark]').evaluateAll(els => els.map((e) => {
      const r = e.getBoundingClientRect()
      return { id: e.closest('[data-event]')!.getAttribute('data-event'), x: r.x, y: r.y, width: r.width, height: r.height }
    }))
    expect(marks.length).toBeGreaterThan(1)
    const hits: string[] = []
    for (let i = 0; i < marks.length; i++) {
      for (let j = i + 1; j < marks.length; j++) {
        if (overlaps(marks[i], marks[j]))
          hits.push(`${marks[i].id} × ${marks[j].id}`)
      }
    }
    expect(hits, 'intersecting timeline markers').toEqual([])
  })
}

for (const slide of slides.filter(s => (s.alias ?? '').startsWith('conference'))) {
  test(`chart on slide ${slide.no}: no value label crosses the reference line`, async ({ page }) => {
    const root = await openFinalState(page, slide.no)
    const line = (await root.locator('[data-reference-line]').boundingBox())!
    const labels = await root.locator('[data-value-label]').evaluateAll(els => els.map((e) => {
      const r = e.getBoundingClientRect()
      return { text: e.textContent, x: r.x, y: r.y, width: r.width, height: r.height }
    }))
    expect(labels.length).toBeGreaterThan(0)
    // The line is drawn 1.5 px wide: give it its stroke's height.
    const band = { ...line, y: line.y - 1, height: Math.max(line.height, 2) }
    expect(labels.filter(l => overlaps(l, band)).map(l => l.text), 'value labels on the 50 % line').toEqual([])
  })
}
