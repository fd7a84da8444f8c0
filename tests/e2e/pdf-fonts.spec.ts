// The exports' font check (scripts/pdf-fonts.ts, run after all three exports) fails on a PDF set in
// fallback fonts, with a message that says what to do: tried on a plain page and on a handout printed
// the way `npm run export:handout` prints it, but with its webfonts left out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { composeHandout } from '../../scripts/handout/compose'
import { fontFaces } from '../../scripts/handout/fonts'
import { printHandout } from '../../scripts/handout/print'
import { checkPdfFonts, pdfFonts } from '../../scripts/pdf-fonts'

const REFUSED = /does not embed the deck's fonts Inter, JetBrainsMono .*webfonts did not load/

let dir: string
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-fonts-'))
})
test.afterEach(() => rmSync(dir, { recursive: true, force: true }))

test('a PDF without the deck\'s webfonts is refused, naming them', async ({ page }) => {
  const pdf = join(dir, 'fallback.pdf')
  await page.setContent('<p style="font-family: serif">A handout whose webfonts did not load</p><code style="font-family: monospace">x * 2</code>')
  await page.pdf({ path: pdf })
  expect(pdfFonts(pdf).length, 'the fallback PDF has some font').toBeGreaterThan(0)
  expect(() => checkPdfFonts(pdf)).toThrow(REFUSED)
})

test('a PDF with no text at all is refused as printed too early, not as a font problem', async ({ page }) => {
  const pdf = join(dir, 'blank.pdf')
  await page.setContent('<div style="height: 10px"></div>')
  await page.pdf({ path: pdf })
  expect(() => checkPdfFonts(pdf)).toThrow(/has no text at all: its pages were printed before they rendered/)
})

test('a handout printed without its webfonts is refused; with them it passes', async ({ browser, page }) => {
  await page.setViewportSize({ width: 98, height: 55 })
  await page.screenshot({ path: join(dir, 'slide.png') })
  const handout = (fonts: string) => composeHandout({
    title: 'Deck',
    fonts,
    slides: [{ no: 1, title: 'One slide', notes: 'Its notes, with requires_grad.', image: 'slide.png', exercises: [
      { id: '01-x', number: 1, title: 'An exercise', language: 'TypeScript', command: 'npm run workshop -- check 1', readme: 'exercises/01-x/README.md' },
    ] }],
  })
  for (const [name, fonts, ok] of [['broken', '', false], ['whole', fontFaces(), true]] as const) {
    const html = join(dir, `${name}.html`)
    const pdf = join(dir, `${name}.pdf`)
    writeFileSync(html, handout(fonts))
    expect(await printHandout(browser, html, pdf), 'sheets that overflow').toEqual([])
    if (ok)
      expect(() => checkPdfFonts(pdf), 'the handout with its fonts').not.toThrow()
    else
      expect(() => checkPdfFonts(pdf), 'the handout without its fonts').toThrow(REFUSED)
  }
})
