// data/versions.json is the only place a version number or release date of the deck is written down:
// the slides, the notes and the timeline name its entries ({v:id}, {d:id}), and the Python track's
// pins are what the file says the kit runs on.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { fillVersions, PLACEHOLDER, versions } from '../../setup/versions'
import { loadDeck } from '../support/deck'

const root = join(import.meta.dirname, '../..')
const deckFiles = ['slides.md', ...readdirSync(join(root, 'pages')).filter(f => f.endsWith('.md')).map(f => `pages/${f}`)]
const timeline = JSON.parse(readFileSync(join(root, 'data/timeline.json'), 'utf8')) as { events: { id: string, label: string, detail: string }[] }

/** Dotted numbers that are not software versions: the control-flow demo's vector norms, a licence name. */
const NOT_VERSIONS = [/\bnorm 5\.0\b/g, /\bat 0\.5\b/g, /\bApache 2\.0\b/g]

/** What a reader sees as prose: code, code imports, URLs and HTML attributes are not version claims. */
function prose(markdown: string): string {
  let text = markdown
    .replace(/^```[^\n]*\n[\s\S]*?\n```/gm, '')
    .replace(/^<<<.*$/gm, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\b[\w-]+="[^"]*"/g, '')
    .replace(/\S*\/\S*/g, '')
    .replace(PLACEHOLDER, '')
  for (const allowed of NOT_VERSIONS)
    text = text.replace(allowed, '')
  return text
}

/** 2.15, 2.15.0, v1.4.1, 2.22.0-rc0, 0.12.0.1: a dotted number. */
const VERSION = /\bv?\d+\.\d+(?:\.\d+)*(?:-rc\d+)?\b/g

async function slidesOf(file: string) {
  const md = await parse(readFileSync(join(root, file), 'utf8'), join(root, file))
  return md.slides.map(s => ({ where: `${file}, slide ${s.index + 1} (${s.title ?? 'untitled'})`, content: s.content, note: s.note ?? '' }))
}

describe('data/versions.json', () => {
  it('gives every entry a version, a source and the date it was checked', () => {
    for (const [id, e] of Object.entries(versions)) {
      expect(e.version, id).toMatch(/^\d+(?:\.\d+)*(?:-rc\d+)?$/)
      expect(e.source.trim().length, id).toBeGreaterThan(10)
      expect(e.checked, id).toMatch(/^2026-\d{2}-\d{2}$/)
      if (e.date !== undefined)
        expect(e.date, id).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)
      expect(['kit', 'latest', 'release']).toContain(e.kind)
    }
  })

  it('says the kit runs on exactly what exercises/requirements.txt pins', () => {
    const pins = Object.fromEntries(readFileSync(join(root, 'exercises/requirements.txt'), 'utf8').split('\n')
      .map(l => l.replace(/#.*/, '').trim()).filter(Boolean)
      .map((l) => {
        const m = /^([\w.-]+)==([\w.-]+)$/.exec(l)
        expect(m, `requirements.txt pins exactly: "${l}"`).not.toBeNull()
        return [m![1].toLowerCase(), m![2]]
      }))
    const kit = Object.fromEntries(Object.values(versions).filter(e => e.kind === 'kit' && e.package).map(e => [e.package!.toLowerCase(), e.version]))
    expect(kit).toEqual(pins)
  })

  it('fills placeholders and rejects unknown ids', () => {
    expect(fillVersions('torch {v:torch.kit}')).toBe(`torch ${versions['torch.kit'].version}`)
    expect(fillVersions('{d:pytorch-1.0}')).toBe('7 Dec 2018')
    expect(() => fillVersions('{v:no-such-entry}')).toThrow(/no-such-entry/)
    expect(() => fillVersions('{d:tf-1.7}')).toThrow(/no date/)
  })
})

describe('the deck takes every version from data/versions.json', () => {
  for (const file of deckFiles) {
    it(`${file}: no version number written by hand, every placeholder known`, async () => {
      const handWritten: string[] = []
      for (const slide of await slidesOf(file)) {
        for (const [part, text] of [['slide', slide.content], ['notes', slide.note]] as const) {
          expect(() => fillVersions(text), `${slide.where} ${part}`).not.toThrow()
          for (const m of prose(text).matchAll(VERSION))
            handWritten.push(`${slide.where} ${part}: "${m[0]}"`)
        }
      }
      expect(handWritten).toEqual([])
    })
  }

  it('data/timeline.json: labels and details take versions from the file too', () => {
    const handWritten = timeline.events.flatMap(e => [e.label, e.detail].flatMap(t => [...prose(t).matchAll(VERSION)].map(m => `${e.id}: "${m[0]}"`)))
    expect(handWritten).toEqual([])
    for (const e of timeline.events)
      expect(() => fillVersions(`${e.label} ${e.detail}`), e.id).not.toThrow()
  })

  it('the deck as Slidev parses it shows filled-in versions, no placeholder left', async () => {
    const slides = await loadDeck()
    const left = slides.filter(s => /\{[vd]:/.test(`${s.title} ${s.note}`)).map(s => s.no)
    expect(left).toEqual([])
    const all = slides.map(s => s.note).join('\n')
    expect(all).toContain(versions['torch.latest'].version)
  })
})
