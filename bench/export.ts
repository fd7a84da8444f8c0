// PDF export time per slide: Slidev's own exporter printing one built deck, served, every slide on its
// own page — the way `npm run export` prints dist/ (scripts/print-deck.ts). The build is not timed:
// `npm run export` skips it when the build is current, and the build section measures it.
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { printDeck } from '../scripts/print-deck'

export interface ExportRun {
  wallMs: number
  perSlideMs: number
}

/** Prints `<deckDir>/slides.md`, built in `distDir`, to `pdf`; throws when no PDF comes out. */
export function exportDeck(deckDir: string, distDir: string, pdf: string, slides: number): ExportRun {
  rmSync(pdf, { force: true })
  const started = performance.now()
  const run = printDeck({ kind: 'slides', entry: join(deckDir, 'slides.md'), dist: distDir, pdf, stdio: 'pipe' })
  const wallMs = performance.now() - started
  if (run.status !== 0 || !existsSync(pdf)) {
    const tail = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-15).join('\n')
    throw new Error(`printing ${deckDir} failed (exit ${run.status}):\n${tail}`)
  }
  return { wallMs, perSlideMs: wallMs / slides }
}
