// The export's font check fails on a PDF set in fallback fonts, with a message that says what to do.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { checkPdfFonts, pdfFonts } from '../../scripts/pdf-fonts'

test('a PDF without the deck\'s webfonts is refused, naming them', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-fonts-'))
  try {
    const pdf = join(dir, 'fallback.pdf')
    await page.setContent('<p style="font-family: serif">A handout whose webfonts did not load</p><code style="font-family: monospace">x * 2</code>')
    await page.pdf({ path: pdf })
    expect(pdfFonts(pdf).length, 'the fallback PDF has some font').toBeGreaterThan(0)
    expect(() => checkPdfFonts(pdf)).toThrow(/does not embed the deck's fonts Inter, JetBrainsMono .*webfonts did not load/)
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
