// Speaker notes speak to the audience: how a claim was checked belongs on the sources slides, not in
// the talk. A sentence about the fact-checking itself in any other note fails here.
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../support/deck'

const slides = await loadDeck()
const META = [/could not (?:verify|check|confirm)/i, /\bI (?:found|checked|verified|have not verified)\b/i, /\bunverified\b/i, /at the commit of/i, /\bfact sheet\b/i, /\bmy reading\b/i, /checked for this kit/i]

describe('speaker notes', () => {
  it('say nothing about the fact-checking outside the sources section', () => {
    const sourcesAt = slides.findIndex(s => s.alias === 'sources')
    expect(sourcesAt).toBeGreaterThan(0)
    const found = slides.slice(0, sourcesAt).flatMap(s => META.filter(re => re.test(s.note)).map(re => `slide ${s.no} (${s.alias}): ${re}`))
    expect(found).toEqual([])
  })
})
