import { describe, expect, it } from 'vitest'
import { resolveMode } from '../../kit/mode'
import { partOf, parts } from '../../kit/sections'

describe('talk mode and workshop mode', () => {
  it('is talk mode unless the headmatter says workshop: true', () => {
    expect(resolveMode(undefined, null, false)).toBe('talk')
    expect(resolveMode(false, null, false)).toBe('talk')
    expect(resolveMode(true, null, false)).toBe('workshop')
  })
  it('lets the URL override the headmatter both ways', () => {
    expect(resolveMode(false, '', false)).toBe('workshop')
    expect(resolveMode(false, '1', false)).toBe('workshop')
    expect(resolveMode(true, '0', false)).toBe('talk')
    expect(resolveMode(true, 'off', false)).toBe('talk')
  })
  it('always shows the cards in print (the handout)', () => {
    expect(resolveMode(false, '0', true)).toBe('workshop')
  })
})

describe('parts of the talk', () => {
  const slides = [
    { no: 1, title: 'Cover', frontmatter: {} },
    { no: 2, title: 'A', frontmatter: { layout: 'section' } },
    { no: 3, title: 'a', frontmatter: {} },
    { no: 4, title: 'B', frontmatter: { layout: 'section' } },
    { no: 5, title: 'Sources', frontmatter: { layout: 'section', appendix: true } },
    { no: 6, title: 's', frontmatter: {} },
  ]
  it('numbers the section slides and leaves the appendix unnumbered', () => {
    expect(parts(slides).map(p => p.part)).toEqual([1, 2, null])
  })
  it('finds the part a slide is in', () => {
    expect(partOf(slides, 1)).toBeUndefined()
    expect(partOf(slides, 3)?.title).toBe('A')
    expect(partOf(slides, 6)?.title).toBe('Sources')
  })
})
