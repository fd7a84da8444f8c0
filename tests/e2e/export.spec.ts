// The handouts: run the real exports once, then read the PDFs back with poppler (pdfinfo/pdftotext).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { titleRows } from '../../charts/graph-text'
import { DEMO_VIEWS } from '../../demos/index'
import { NOTES_PDF, SLIDES_PDF } from '../../scripts/paths'
import { loadDeck, plainText } from '../support/deck'
import { DEMOS, slideNo } from '../support/demo-slides'
import { needPoppler, pdfPages, pdfText } from '../support/pdf'

const slides = await loadDeck()

const scratch = mkdtempSync(join(tmpdir(), 'handout-'))

/** Mean grey (0 black … 255 white) of a page's bottom-right corner, rendered small by poppler. */
function cornerGrey(file: string, page: number): number {
  const root = join(scratch, `corner-${page}`)
  // 18 dpi: a 735 × 414 pt page is 184 × 104 px; read the 6 × 6 px just inside its corner.
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '18', '-gray', '-x', '176', '-y', '96', '-W', '6', '-H', '6', '-singlefile', file, root])
  const pgm = readFileSync(`${root}.pgm`)
  const pixels = pgm.subarray(pgm.length - 36)
  return pixels.reduce((sum, v) => sum + v, 0) / pixels.length
}

function runExport(kind: 'slides' | 'notes') {
  // EXPORT_USE_DIST: print dist/ as the suite built it; never rebuild it under the other tests.
  const run = spawnSync('npx', ['tsx', 'scripts/export.ts', kind], { encoding: 'utf8', timeout: 600_000, env: { ...process.env, EXPORT_USE_DIST: '1' } })
  expect(run.status, `export ${kind} failed:\n${run.stdout}\n${run.stderr}`).toBe(0)
}

test.describe.configure({ mode: 'serial', timeout: 900_000 })

test.beforeAll(() => needPoppler(['pdfinfo', 'pdftotext', 'pdftoppm']))

test('the PDF handout has one page per slide, each with its own title', () => {
  runExport('slides')
  expect(pdfPages(SLIDES_PDF)).toBe(slides.length)
  for (const slide of slides)
    expect(pdfText(SLIDES_PDF, { page: slide.no }), `title of slide ${slide.no} on page ${slide.no}`).toContain(slide.title)
})

/** Section slides are set on the identity's night blue (styles/identity.css), every other slide on white. */
const NIGHT_GREY = (() => {
  const hex = /--kit-night:\s*#([\da-f]{6})/i.exec(readFileSync('styles/identity.css', 'utf8'))![1]
  const [r, g, b] = [0, 2, 4].map(i => Number.parseInt(hex.slice(i, i + 2), 16))
  return 0.299 * r + 0.587 * g + 0.114 * b
})()

test('every handout page is drawn at full size (no slide shrunk onto a black page)', () => {
  // A shrunk slide leaves the page's corner black (0); a full-size one shows the slide's own background there.
  for (const slide of slides) {
    const grey = cornerGrey(SLIDES_PDF, slide.no)
    const where = `bottom-right corner of page ${slide.no} (${slide.frontmatter.layout ?? 'default'} layout)`
    if (slide.frontmatter.layout === 'section')
      expect(Math.abs(grey - NIGHT_GREY), where).toBeLessThan(8)
    else
      expect(grey, where).toBeGreaterThan(200)
  }
})

test('the PDF handout draws every demo in its final state', () => {
  for (const { alias, script } of DEMOS) {
    const no = slideNo(slides, alias)
    const text = pdfText(SLIDES_PDF, { page: no, order: 'layout' })
    const last = script.steps.length - 1
    expect(text, `${alias}: step counter of the final state`).toContain(`${last}/${last}`)
    const final = script.steps[last]
    // a long title is drawn on two rows: each is a line of its own in the PDF's text
    for (const n of final.snapshot.nodes.filter(n => final.states[n.id] !== 'removed')) {
      for (const row of titleRows(n.label, DEMO_VIEWS[alias].wrap))
        expect(text, `${alias}: node ${n.id} (${row}) on page ${no}`).toContain(plainText(row))
    }
  }
})

test('the speaker-notes PDF holds every note', () => {
  runExport('notes')
  const text = pdfText(NOTES_PDF, { order: 'layout' })
  for (const slide of slides.filter(s => s.note)) {
    const firstWords = slide.note.split(' ').slice(0, 8).join(' ')
    expect(text, `note of slide ${slide.no}`).toContain(firstWords)
  }
})
