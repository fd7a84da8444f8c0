// The presenter's notes follow each demo: one Slidev `[click]` cue per step, so the presenter view
// shows the sentence for the click on screen.
import { describe, expect, it } from 'vitest'
import { DEMO_SCRIPTS } from '../../../demos/index'
import { loadDeck } from '../../support/deck'

const slides = await loadDeck()

describe.each(Object.keys(DEMO_SCRIPTS))('notes of the %s slide', (alias) => {
  it('carry one [click] marker per click', () => {
    const slide = slides.find(s => s.alias === alias)!
    expect(slide, alias).toBeDefined()
    expect(slide.note.match(/\[click\]/g)?.length ?? 0).toBe(Number(slide.frontmatter.clicks))
  })
})
