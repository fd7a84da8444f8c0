// Prints a BUILT deck to PDF with Slidev's own exporters: the slides (one page per slide) or the speaker
// notes (its presenter print page). `npm run export`, `export:notes` and the benchmark all print this way.
//
// Why a built deck: `slidev export` serves the deck from a dev server, whose first slide took ~47 s cold on
// this machine and missed the exporter's fixed 30 s wait under load; `slidev build --download` built the
// deck a second time. A built deck is served at once, and the one in dist/ is already there
// (vite.config.ts keeps Slidev's print pages in it). The slides are printed from one load of Slidev's print
// page, which lays every slide out one under the other with a page break after each, so the PDF still has
// one page per slide: 3.5× faster than loading the deck once per slide (Slidev's --per-slide), which an
// earlier deck needed because a slide wider than the canvas made Chromium shrink the whole print to fit
// (tests/e2e/export.spec.ts reads every page's corner for that). The page is printed after its load event,
// not network idle: slide-top.vue's data-waitfor already holds the print until every slide's layout is there.
//
// Why a child process: Slidev launches Chromium itself and its notes exporter cannot be told where it is,
// so Playwright's browser folder (PLAYWRIGHT_BROWSERS_PATH) must point at ours before Playwright loads.
import type { SpawnSyncReturns } from 'node:child_process'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { slidevBrowser } from './browser'
import { ROOT } from './paths'
import { serveDist } from './serve-dist'

export type PrintKind = 'slides' | 'notes'

export interface PrintRequest {
  kind: PrintKind
  /** The deck's markdown entry (its headmatter sets the canvas size). */
  entry: string
  /** The deck's build (`slidev build` output). */
  dist: string
  pdf: string
  /** 'inherit' shows Slidev's progress bar; 'pipe' keeps the output for an error message. */
  stdio?: 'inherit' | 'pipe'
}

const SELF = join(ROOT, 'scripts', 'print-deck.ts')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

/** Prints one PDF; the child's exit status and output (when piped). */
export function printDeck({ kind, entry, dist, pdf, stdio = 'inherit' }: PrintRequest): SpawnSyncReturns<string> {
  const { executablePath, env } = slidevBrowser()
  return spawnSync(TSX, [SELF, kind, resolve(entry), resolve(dist), resolve(pdf), executablePath], {
    stdio,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, ...env },
  })
}

interface SlidevExporter {
  exportSlides: (options: Record<string, unknown>) => Promise<string>
  exportNotes: (options: Record<string, unknown>) => Promise<string>
  getExportOptions: (args: Record<string, unknown>, options: unknown, output: string) => Record<string, unknown>
}

/**
 * Slidev's exporter module. @slidev/cli exports only its server API, so the exporter is found in its
 * dist/ as the chunk that exports `exportSlides` (the version is pinned; tests/unit/print-deck.test.ts
 * fails with this message if an upgrade moves it).
 */
export async function slidevExporter(): Promise<SlidevExporter> {
  const require = createRequire(import.meta.url)
  const dir = join(dirname(require.resolve('@slidev/cli/package.json')), 'dist')
  const file = readdirSync(dir).find(f => /^export-.*\.mjs$/.test(f) && /\bexportSlides\b/.test(readFileSync(join(dir, f), 'utf8')))
  if (!file)
    throw new Error(`Slidev's exporter (exportSlides) not found in ${dir}: did an upgrade of @slidev/cli move it?`)
  return await import(join(dir, file)) as SlidevExporter
}

async function main([kind, entry, dist, pdf, executablePath]: string[]): Promise<void> {
  const { resolveOptions } = await import('@slidev/cli')
  // Also tells Slidev where the project is, which its exporter needs to find Playwright.
  const options = await resolveOptions({ entry }, 'export')
  const exporter = await slidevExporter()
  const server = await serveDist(dist)
  const port = Number(new URL(server.url).port)
  const timeout = 180_000 // room for a busy machine
  mkdirSync(dirname(pdf), { recursive: true })
  try {
    if (kind === 'slides') {
      const args = { 'wait-until': 'load', timeout, 'executable-path': executablePath }
      await exporter.exportSlides({ port, ...exporter.getExportOptions(args, options, pdf) })
    }
    else {
      await exporter.exportNotes({ port, output: pdf, timeout })
    }
  }
  finally {
    await server.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error: Error) => {
    console.error(`✖ ${error.message}`)
    process.exit(1)
  })
}
