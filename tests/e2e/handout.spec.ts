// The handout with notes (`npm run export:handout`): made once from the built deck, then read back with
// poppler — every slide on its own A4 page with its title, the first words of its notes and its page
// number; each demo as a strip of its key steps; the exercise cards with their links; the deck's fonts.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { keySteps } from '../../demos/key-steps'
import { HANDOUT_PDF } from '../../scripts/paths'
import { checkPdfFonts } from '../../scripts/pdf-fonts'
import { loadDeck, plainText } from '../support/deck'
import { DEMOS, slideNo } from '../support/demo-slides'
import { imagesPerPage, needPoppler, pdfInfo, pdfLinks, pdfPages, pdfText } from '../support/pdf'

const slides = await loadDeck()
// Read, not imported: Node's ESM loader wants an import attribute for JSON, which the type-check's bundler mode does not.
const manifest = JSON.parse(readFileSync(new URL('../../exercises/manifest.json', import.meta.url), 'utf8')) as { exercises: { id: string, title: string, slide: string }[] }

/** A page's text in reading order, as words: the notes' CLICK marks, like their [click] source, left out. */
const pageText = (page: number): string => plainText(pdfText(HANDOUT_PDF, { page }).replace(/\bCLICK\b/g, ' '))

const firstWords = (note: string, n = 8) => plainText(note.replace(/\[click(?::\d+)?\]/g, ' ')).split(' ').slice(0, n).join(' ')

test.describe.configure({ mode: 'serial', timeout: 900_000 })

test.beforeAll(() => needPoppler(['pdfinfo', 'pdftotext', 'pdfimages', 'pdffonts']))

test('the handout: one A4 page per slide, each with its title, its notes and its page number', () => {
  // EXPORT_USE_DIST: shoot dist/ as the suite built it; never rebuild it under the other tests.
  const run = spawnSync('npx', ['tsx', 'scripts/export.ts', 'handout'], { encoding: 'utf8', timeout: 900_000, env: { ...process.env, EXPORT_USE_DIST: '1' } })
  expect(run.status, `export handout failed:\n${run.stdout}\n${run.stderr}`).toBe(0)
  expect(pdfPages(HANDOUT_PDF), 'pages').toBe(slides.length)
  expect(pdfInfo(HANDOUT_PDF), 'paper').toMatch(/^Page size:.*\(A4\)/m)
  for (const slide of slides) {
    const text = pageText(slide.no)
    expect(text, `title of slide ${slide.no} on page ${slide.no}`).toContain(slide.title)
    expect(text, `page number on page ${slide.no}`).toContain(`${slide.no} / ${slides.length}`)
    if (slide.note)
      expect(text, `first words of slide ${slide.no}'s notes on page ${slide.no}`).toContain(firstWords(slide.note))
  }
})

test('each demo is a strip of its key steps, with their captions; every other slide one picture', () => {
  const images = imagesPerPage(HANDOUT_PDF)
  const demoPages = new Set<number>()
  for (const { alias, script } of DEMOS) {
    const no = slideNo(slides, alias)
    demoPages.add(no)
    const steps = keySteps(alias, script)
    const last = script.steps.length - 1
    expect(steps, `${alias}: first, point and final`).toEqual([1, expect.any(Number), last])
    expect(images.get(no), `${alias}: pictures on page ${no}`).toBe(steps.length)
    const text = pageText(no)
    for (const k of steps) {
      expect(text, `${alias}: step ${k} on page ${no}`).toContain(`STEP ${k} OF ${last}`)
      expect(text, `${alias}: caption of step ${k}`).toContain(plainText(script.steps[k].caption))
    }
  }
  for (const slide of slides.filter(s => !demoPages.has(s.no)))
    expect(images.get(slide.no), `pictures on page ${slide.no}`).toBe(1)
})

test('the exercise cards are on their slides\' pages, with their commands and links', () => {
  const links = pdfLinks(HANDOUT_PDF)
  for (const exercise of manifest.exercises) {
    const no = slideNo(slides, exercise.slide)
    const text = pageText(no)
    expect(text, `exercise ${exercise.id} on page ${no}`).toContain(plainText(exercise.title))
    expect(text).toContain(`npm run workshop -- check ${Number(exercise.id.slice(0, 2))}`)
    const readme = links.find(l => l.page === no && l.url.endsWith(`/exercises/${exercise.id}/README.md`))
    expect(readme, `link to ${exercise.id}'s README on page ${no}`).toBeTruthy()
  }
})

test('the handout is set in the deck\'s fonts, embedded, and ends with the sources', () => {
  expect(() => checkPdfFonts(HANDOUT_PDF)).not.toThrow()
  // The appendix (pages/sources.md: the slides whose routeAlias starts with `sources`) closes the handout.
  const from = slideNo(slides, 'sources')
  expect(slides.slice(from - 1).map(s => s.alias), 'the pages from the sources on').toEqual(slides.filter(s => s.alias?.startsWith('sources')).map(s => s.alias))
  expect(pageText(from)).toContain('Sources')
  // The lists, in small print on the slides' pictures, are text on the page too: their sub-headings.
  const markdown = readFileSync(new URL('../../pages/sources.md', import.meta.url), 'utf8')
  for (const slide of slides.slice(from)) {
    const part = markdown.slice(markdown.indexOf(`routeAlias: ${slide.alias}\n`)).split(/^---$/m)[1] ?? ''
    const headings = [...part.matchAll(/^### (.+)$/gm)].map(m => plainText(m[1]))
    expect(headings.length, `headings of ${slide.alias}`).toBeGreaterThan(0)
    for (const heading of headings)
      expect(pageText(slide.no), `${slide.alias}: "${heading}" as text on page ${slide.no}`).toContain(heading)
  }
})
