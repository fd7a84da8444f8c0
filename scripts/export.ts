// `npm run export` → exports/pytorch-vs-tensorflow.pdf (one page per slide, demos in their final state);
// `npm run export:notes` → exports/pytorch-vs-tensorflow-notes.pdf (the speaker notes);
// `npm run export:handout` → exports/pytorch-vs-tensorflow-handout.pdf (each slide with its notes, scripts/handout/).
// Slidev's own exporters make the first two; this script hands them our Chromium and a fixed output path.
// Every PDF is then read back for its fonts: a fallback font means the webfonts did not load.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { slidevBrowser, slidevPdfArgs } from './browser'
import { exportHandout } from './handout/index'
import { EXPORT_DIR, NOTES_PDF, SLIDES_PDF } from './paths'
import { checkPdfFonts } from './pdf-fonts'

const KINDS = ['slides', 'notes', 'handout'] as const
type Kind = typeof KINDS[number]

function slidevExport(kind: 'slides' | 'notes'): string {
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
  return kind === 'slides' ? SLIDES_PDF : NOTES_PDF
}

async function main(kind: Kind): Promise<void> {
  const started = Date.now()
  let pdf: string
  if (kind === 'handout') {
    const result = await exportHandout()
    pdf = result.pdf
    const { build, shots, print } = result.seconds
    console.log(`handout: ${result.pages} pages, ${(result.bytes / 1e6).toFixed(1)} MB; build check ${build.toFixed(1)} s, pictures ${shots.toFixed(1)} s, print ${print.toFixed(1)} s`)
  }
  else {
    pdf = slidevExport(kind)
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
