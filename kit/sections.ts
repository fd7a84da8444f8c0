// The talk's parts, read from the deck itself: every slide with `layout: section` opens one;
// a section slide with `appendix: true` in its frontmatter opens the appendix (not numbered).

export interface SlideInfo {
  no: number
  title: string
  frontmatter: Record<string, unknown>
}

export interface Part {
  no: number
  /** 1-based number among the talk's parts; null for the appendix */
  part: number | null
  title: string
}

export function parts(slides: SlideInfo[]): Part[] {
  let n = 0
  return slides
    .filter(s => s.frontmatter.layout === 'section')
    .map(s => ({ no: s.no, part: s.frontmatter.appendix ? null : ++n, title: s.title }))
}

/** The part a slide belongs to: the last section slide at or before it. */
export function partOf(slides: SlideInfo[], no: number): Part | undefined {
  return parts(slides).filter(p => p.no <= no).at(-1)
}
