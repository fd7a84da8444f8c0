// `npm run export` → exports/pytorch-vs-tensorflow.pdf (one page per slide, demos in their final state);
// `npm run export:notes` → exports/pytorch-vs-tensorflow-notes.pdf (the speaker notes).
// Slidev's own exporters do the work; this script only hands them our Chromium and a fixed output path.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { slidevBrowser, slidevPdfArgs } from './browser'
import { EXPORT_DIR, NOTES_PDF, SLIDES_PDF } from './paths'
import { checkPdfFonts } from './pdf-fonts'

const kind = process.argv[2] ?? 'slides'
if (kind !== 'slides' && kind !== 'notes') {
  console.error(`✖ unknown export '${kind}': use 'slides' or 'notes'`)
  process.exit(2)
}

const { executablePath, env } = slidevBrowser()
mkdirSync(EXPORT_DIR, { recursive: true })
const out = mkdtempSync(join(tmpdir(), 'kit-export-'))
const args = kind === 'slides'
  ? slidevPdfArgs({ entry: 'slides.md', out, pdf: SLIDES_PDF, executablePath })
  : ['export-notes', '--output', NOTES_PDF, '--timeout', '180000']
const run = spawnSync('npx', ['slidev', ...args], { stdio: 'inherit', env: { ...process.env, ...env } })
rmSync(out, { recursive: true, force: true })
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
