// `npm run export` → exports/pytorch-vs-tensorflow.pdf (one page per slide, demos in their final state);
// `npm run export:notes` → exports/pytorch-vs-tensorflow-notes.pdf (the speaker notes);
// `npm run export:handout` → exports/pytorch-vs-tensorflow-handout.pdf (each slide with its notes, scripts/handout/).
// All three are printed from the built deck in dist/, rebuilt first only if the sources changed (as
// `npm run present` does); Slidev's own exporters make the first two (scripts/print-deck.ts).
// Every PDF is then read back for its fonts: a fallback font means the webfonts did not load.
import { mkdirSync } from 'node:fs'
import { buildIfStale } from './build'
import { exportHandout } from './handout/index'
import { DIST_DIR, EXPORT_DIR, NOTES_PDF, SLIDES_PDF } from './paths'
import { checkPdfFonts } from './pdf-fonts'
import { printDeck } from './print-deck'

const KINDS = ['slides', 'notes', 'handout'] as const
type Kind = typeof KINDS[number]

/** EXPORT_USE_DIST=1 (the end-to-end tests) prints dist/ as it is: other tests are reading it. */
function ensureBuilt(kind: Kind): void {
  if (!process.env.EXPORT_USE_DIST && buildIfStale(kind) === 'failed')
    throw new Error('the build failed (see above)')
}

async function main(kind: Kind): Promise<void> {
  const started = Date.now()
  ensureBuilt(kind)
  mkdirSync(EXPORT_DIR, { recursive: true })
  let pdf: string
  if (kind === 'handout') {
    const result = await exportHandout()
    pdf = result.pdf
    const { shots, print } = result.seconds
    console.log(`handout: ${result.pages} pages, ${(result.bytes / 1e6).toFixed(1)} MB; pictures ${shots.toFixed(1)} s, print ${print.toFixed(1)} s`)
  }
  else {
    pdf = kind === 'slides' ? SLIDES_PDF : NOTES_PDF
    const run = printDeck({ kind, entry: 'slides.md', dist: DIST_DIR, pdf })
    if (run.status !== 0)
      throw new Error(`printing the ${kind} failed (exit ${run.status ?? run.signal}, see above)`)
  }
  checkPdfFonts(pdf)
  console.log(`✔ ${pdf} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

const kind = process.argv[2] ?? 'slides'
if (!(KINDS as readonly string[]).includes(kind)) {
  console.error(`✖ unknown export '${kind}': use ${KINDS.map(k => `'${k}'`).join(', ')}`)
  process.exit(2)
}
main(kind as Kind).catch((error: Error) => {
  console.error(`✖ ${error.message}`)
  process.exit(1)
})
