// Readable from the back of the room, at 1280 × 720: no text under 16 px on screen (14 px for sources
// and footnotes), at most 60 visible words outside code and figures (the notes carry the rest; the
// sources appendix is exempt). Measured in the page, on a slide as the viewer sees it.
import type { Locator } from '@playwright/test'

export const MAX_WORDS = 60
export const isSources = (alias?: string) => Boolean(alias?.startsWith('sources'))

/** Every visible text of the slide with its on-screen size, and the words the audience must read. */
export function measureText(root: Locator): Promise<{ sizes: string[], words: string[] }> {
  return root.evaluate((el) => {
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
}

/** The texts under their minimum size, as messages (an empty list when the slide is readable). */
export function tooSmall(sizes: string[], alias?: string): string[] {
  const floor = isSources(alias) ? 14 : 16
  return sizes
    .map((s) => {
      const [px, smallPrint, text] = s.split('|')
      return { px: Number(px), min: smallPrint === '1' ? 14 : floor, text }
    })
    .filter(s => s.px < s.min - 0.05)
    .map(s => `${s.px.toFixed(1)} px < ${s.min}: "${s.text}"`)
}
