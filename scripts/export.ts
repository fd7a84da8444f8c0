// `npm run export` → exports/pytorch-vs-tensorflow.pdf (one page per slide, demos in their final state);
// `npm run export:notes` → exports/pytorch-vs-tensorflow-notes.pdf (the speaker notes).
// Slidev's own exporter does the work; this script only hands it our Chromium and a fixed output path.
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { SLIDEV_EXPORT_FLAGS, slidevBrowser } from './browser'
import { EXPORT_DIR, NOTES_PDF, SLIDES_PDF } from './paths'
import { checkPdfFonts } from './pdf-fonts'

const kind = process.argv[2] ?? 'slides'
if (kind !== 'slides' && kind !== 'notes') {
  console.error(`✖ unknown export '${kind}': use 'slides' or 'notes'`)
  process.exit(2)
}

const { executablePath, env } = slidevBrowser()
mkdirSync(EXPORT_DIR, { recursive: true })
const args = kind === 'slides'
  ? ['export', '--executable-path', executablePath, '--output', SLIDES_PDF, ...SLIDEV_EXPORT_FLAGS]
  : ['export-notes', '--output', NOTES_PDF, '--timeout', '180000']
const run = spawnSync('npx', ['slidev', ...args], { stdio: 'inherit', env: { ...process.env, ...env } })
if (run.status !== 0)
  process.exit(run.status ?? 1)
const pdf = kind === 'slides' ? SLIDES_PDF : NOTES_PDF
try {
  // The slides are set in the deck's own fonts; the notes page is Slidev's, in its own.
  if (kind === 'slides')
    checkPdfFonts(pdf)
}
catch (error) {
  console.error(`✖ ${(error as Error).message}`)
  process.exit(1)
}
console.log(`✔ ${pdf}`)
