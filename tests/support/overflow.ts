// Nothing may spill off the 16:9 canvas: the elements of a slide that a viewer would see outside it.
import type { Locator } from '@playwright/test'

/** The visible elements of `slide` (its root element) that leave its box, described for a message. */
export function overflowing(slide: Locator): Promise<string[]> {
  return slide.evaluate((root) => {
    const box = root.getBoundingClientRect()
    // What a viewer sees of an element: its box cut by every ancestor that clips (a scrolling code
    // block, a visually hidden text alternative). Only that part may not leave the slide.
    function seen(el: Element) {
      let { left, top, right, bottom } = el.getBoundingClientRect()
      for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
        const style = getComputedStyle(a)
        const r = a.getBoundingClientRect()
        const clip = /rect\(([-\d.]+)px,? ([-\d.]+)px,? ([-\d.]+)px,? ([-\d.]+)px\)/.exec(style.clip)
        if (clip && style.position === 'absolute') {
          const [t, rr, b, l] = clip.slice(1).map(Number)
          ;({ left, top, right, bottom } = { left: Math.max(left, r.left + l), top: Math.max(top, r.top + t), right: Math.min(right, r.left + rr), bottom: Math.min(bottom, r.top + b) })
        }
        if (a !== el && (style.overflowX !== 'visible' || style.overflowY !== 'visible'))
          ({ left, top, right, bottom } = { left: Math.max(left, r.left), top: Math.max(top, r.top), right: Math.min(right, r.right), bottom: Math.min(bottom, r.bottom) })
      }
      return right - left > 0.5 && bottom - top > 0.5 ? { left, top, right, bottom } : null
    }
    const out: string[] = []
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      const r = seen(el)
      if (!r || getComputedStyle(el).visibility === 'hidden')
        continue
      if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)
        out.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 40)}"`)
    }
    return out
  })
}
