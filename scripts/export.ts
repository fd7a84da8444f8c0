// `npm run export` → exports/pytorch-vs-tensorflow.pdf (one page per slide, demos in their final state);
// `npm run export:notes` → exports/pytorch-vs-tensorflow-notes.pdf (the speaker notes).
// Slidev's own exporter does the work; this script only hands it our Chromium and a fixed output path.
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { SLIDEV_EXPORT_FLAGS, slidevBrowser } from './browser'
import { EXPORT_DIR, NOTES_PDF, SLIDES_PDF } from './paths'

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
const output = kind === 'slides' ? SLIDES_PDF : NOTES_PDF

function exportOnce() {
  const run = spawnSync('npx', ['slidev', ...args], { stdio: 'inherit', env: { ...process.env, ...env } })
  if (run.status !== 0)
    process.exit(run.status ?? 1)
}

/** Text of the first page, or undefined when poppler's pdftotext is not installed. */
function firstPageText(): string | undefined {
  const text = spawnSync('pdftotext', ['-l', '1', output, '-'], { encoding: 'utf8' })
  return text.error ? undefined : text.stdout.trim()
}

exportOnce()
// On a fresh checkout Vite's dependency optimiser finishes while the exporter is already printing and
// reloads the page: every PDF page then says only "Loading slide...". The second run finds the cache warm.
if (firstPageText() === '') {
  console.log('The PDF came out blank (Vite was still optimising dependencies on a cold cache): exporting again.')
  exportOnce()
}
console.log(`✔ ${output}`)
