// A PDF export can "succeed" with fallback fonts when the deck's webfonts fail to load (seen once with
// a symlinked node_modules): the handout then looks nothing like the slides. This reads the fonts a PDF
// embeds (poppler's `pdffonts`) and fails loudly unless the deck's own families are there, embedded.
import { execFileSync } from 'node:child_process'

/** The families the deck's text is set in (headmatter `fonts`, self-hosted by styles/index.ts). */
export const DECK_FONTS = ['Inter', 'JetBrainsMono']

export interface PdfFont { name: string, embedded: boolean }

/** The fonts of a PDF, as `pdffonts` lists them (a subset prefix such as `ABCDEF+` removed). */
export function pdfFonts(pdf: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
  // Columns: name, type (may hold spaces: "CID TrueType"), encoding, emb, sub, uni, object ID.
  return lines.map((line) => {
    const parts = line.trim().split(/\s+/)
    return { name: parts[0].replace(/^[A-Z]{6}\+/, ''), embedded: parts.at(-5) === 'yes' }
  })
}

/** Throws, naming what is wrong, unless every deck family is embedded in the PDF. */
export function checkPdfFonts(pdf: string): PdfFont[] {
  const fonts = pdfFonts(pdf)
  // No font at all is no text at all: not a font that failed, but pages printed before they rendered
  // (seen with Slidev's notes exporter on a machine at load 25: one blank page).
  if (!fonts.length)
    throw new Error(`${pdf} has no text at all: its pages were printed before they rendered (a busy machine can do that to Slidev's exporter). Export again.`)
  const missing = DECK_FONTS.filter(family => !fonts.some(f => f.name.startsWith(family) && f.embedded))
  if (missing.length) {
    throw new Error(`${pdf} does not embed the deck's fonts ${missing.join(', ')} (it has: ${[...new Set(fonts.map(f => f.name))].join(', ') || 'none'}). `
      + 'The webfonts did not load during the export: check that node_modules/@fontsource is installed and not behind a symlink, then export again.')
  }
  return fonts
}
