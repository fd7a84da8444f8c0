// PDF export time per slide: Slidev's own exporter (a fresh build, served, Chromium printing every
// slide), the same way `npm run export` runs it, for one deck.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { slidevBrowser, slidevPdfArgs } from '../scripts/browser'
import { ROOT } from '../scripts/paths'

export interface ExportRun {
  wallMs: number
  perSlideMs: number
}

const slidevBin = join(ROOT, 'node_modules', '.bin', 'slidev')

/** Exports `<deckDir>/slides.md` to `pdf`; throws when no PDF comes out. */
export function exportDeck(deckDir: string, pdf: string, slides: number): ExportRun {
  const { executablePath, env } = slidevBrowser()
  rmSync(pdf, { force: true })
  const out = mkdtempSync(join(tmpdir(), 'bench-export-'))
  const args = slidevPdfArgs({ entry: 'slides.md', out, pdf, executablePath })
  const started = performance.now()
  const run = spawnSync(slidevBin, args, { cwd: deckDir, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 })
  const wallMs = performance.now() - started
  rmSync(out, { recursive: true, force: true })
  if (run.status !== 0 || !existsSync(pdf)) {
    const tail = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-15).join('\n')
    throw new Error(`slidev export failed in ${deckDir} (exit ${run.status}):\n${tail}`)
  }
  return { wallMs, perSlideMs: wallMs / slides }
}
