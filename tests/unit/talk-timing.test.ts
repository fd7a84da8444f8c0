// The talk's clock lives in its speaker notes: each section's title slide says how long the section
// takes ("About seven minutes."), each slide how long it takes ("about one minute here"). They must add
// up, the whole talk must fit 40 minutes of speech (plus 5 of buffer for a 45-minute slot), and the
// notes must be about as long as the time they claim, at a speaking pace of 110–170 words a minute once
// the demos' click steps are set aside (each step shown is about CLICK_SECONDS of pointing at the screen).
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../support/deck'

const slides = await loadDeck()

const NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 }

/** "half a minute", "one minute", "seven and a half minutes", "seven-and-a-half-minute" → minutes. */
export function minutes(phrase: string): number {
  const p = phrase.toLowerCase().replace(/-/g, ' ').trim()
  if (/^half a minute$/.test(p))
    return 0.5
  const m = /^(\w+)( and a half)? minutes?$/.exec(p)
  if (!m || !(m[1] in NUMBERS))
    throw new Error(`cannot read a duration from "${phrase}"`)
  return NUMBERS[m[1]] + (m[2] ? 0.5 : 0)
}

const SLIDE_TIME = /about (half a minute|\w+(?: and a half)? minutes?) here/gi
const SECTION_TIME = /^About (\w+(?: and a half)? minutes?)\./
const CLICK_SECONDS = 3
const words = (note: string) => note.replace(/\[click\]/g, '').split(/\s+/).filter(w => /\w/.test(w)).length

interface Section { alias: string, declared: number, slides: { no: number, title: string, time: number, note: string }[], words: number, demoClicks: number }

function sections(): { opening: number, openingWords: number, sections: Section[] } {
  const out: Section[] = []
  let opening = 0
  let openingWords = 0
  for (const s of slides) {
    if (s.frontmatter.layout === 'section') {
      const m = SECTION_TIME.exec(s.note)
      out.push({ alias: s.alias ?? `slide ${s.no}`, declared: m ? minutes(m[1]) : Number.NaN, slides: [], words: words(s.note), demoClicks: 0 })
      continue
    }
    const times = [...s.note.matchAll(SLIDE_TIME)].map(m => minutes(m[1]))
    const entry = { no: s.no, title: s.title, time: times.length === 1 ? times[0] : Number.NaN, note: s.note }
    const current = out.at(-1)
    if (!current) {
      opening += entry.time
      openingWords += words(s.note)
    }
    else {
      current.slides.push(entry)
      current.words += words(s.note)
      current.demoClicks += Number(s.frontmatter.clicks ?? 0)
    }
  }
  return { opening, openingWords, sections: out }
}

const { opening, openingWords, sections: all } = sections()
const timed = all.filter(s => s.alias !== 'sources') // the sources stay up during questions

describe('talk timing in the speaker notes', () => {
  it('reads durations written in words', () => {
    expect(minutes('half a minute')).toBe(0.5)
    expect(minutes('one and a half minutes')).toBe(1.5)
    expect(minutes('seven-and-a-half-minute')).toBe(7.5)
    expect(() => minutes('a while')).toThrow()
  })

  it('the cover says how long it takes', () => {
    expect(opening).toBeGreaterThan(0)
  })

  for (const section of timed) {
    describe(`section "${section.alias}"`, () => {
      it('its title slide says how long the section takes', () => {
        expect(section.declared, 'About N minutes.').not.toBeNaN()
      })
      it('every slide says once how long it takes, and the slides add up to the section', () => {
        expect(section.slides.filter(s => Number.isNaN(s.time)).map(s => `${s.no}: ${s.title}`), 'slides without exactly one "about … here"').toEqual([])
        expect(section.slides.reduce((sum, s) => sum + s.time, 0)).toBe(section.declared)
      })
      it('the notes that name the section total agree with it', () => {
        for (const s of section.slides) {
          for (const m of s.note.matchAll(/(\w+(?: and a half)?) minutes in total|closing the ([\w-]+?)-minute section/g))
            expect(minutes(`${m[1] ?? m[2]} minutes`), `slide ${s.no}`).toBe(section.declared)
        }
      })
      it('its notes are as long as the time it claims (110–170 words a minute)', () => {
        const pace = section.words / (section.declared - section.demoClicks * CLICK_SECONDS / 60)
        expect(pace).toBeGreaterThanOrEqual(110)
        expect(pace).toBeLessThanOrEqual(170)
      })
    })
  }

  it('the talk is about 40 minutes of speech, leaving 5 minutes of a 45-minute slot as buffer', () => {
    const speech = opening + timed.reduce((sum, s) => sum + s.declared, 0)
    expect(speech).toBeGreaterThanOrEqual(39)
    expect(speech).toBeLessThanOrEqual(40.5)
    const totalWords = openingWords + timed.reduce((sum, s) => sum + s.words, 0)
    const clicks = timed.reduce((sum, s) => sum + s.demoClicks, 0)
    const pace = totalWords / (speech - clicks * CLICK_SECONDS / 60)
    expect(pace).toBeGreaterThanOrEqual(120)
    expect(pace).toBeLessThanOrEqual(160)
  })
})
