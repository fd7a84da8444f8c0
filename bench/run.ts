// `npm run bench [-- --runs N] [-- --smoke] [-- --only build,load,navigate,demos,export,workshop,start [--merge]]`
// Our deck side by side with a plain Slidev deck of the same size. Targets missed are reported, not
// failures: the exit code is 1 only when the benchmark itself breaks.
import type { Figure, Section, Skip } from './figures'
import type { Results } from './report'
import type { Context } from './sections'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { findChromium } from '../scripts/browser'
import { DIST_DIR, ROOT } from '../scripts/paths'
import { loadDeck } from '../tests/support/deck'
import { SECTIONS } from './figures'
import { mergeResults } from './merge'
import { PLAIN_DIR, writePlainDeck } from './plain-deck'
import { terminalTable, writeReports } from './report'
import { demoSlides, SECTION_RUNNERS } from './sections'

const TMP = join(ROOT, 'bench', '.tmp')

function options(): { smoke: boolean, runs: number, only: Section[], merge: boolean } {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      only: { type: 'string' },
      merge: { type: 'boolean', default: false },
    },
  })
  const runs = values.smoke ? 1 : Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs takes a whole number ≥ 1, got '${values.runs}'`)
  const only = values.only ? values.only.split(',').map(x => x.trim()) : SECTIONS
  const unknown = only.filter(x => !SECTIONS.includes(x as Section))
  if (unknown.length)
    throw new Error(`unknown section(s) ${unknown.join(', ')}: use ${SECTIONS.join(', ')}`)
  if (values.merge && (values.smoke || !values.only))
    throw new Error('--merge goes with --only <sections> in a full run: it replaces those sections in bench/results.json')
  return { smoke: values.smoke, runs, only: only as Section[], merge: values.merge }
}

function versions(): Record<string, string> {
  const require = createRequire(join(ROOT, 'package.json'))
  const version = (name: string): string => {
    try {
      return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version
    }
    catch {
      return '?'
    }
  }
  return Object.fromEntries(['@slidev/cli', '@slidev/theme-default', 'vue', 'vite', 'playwright-core'].map(n => [n, version(n)]))
}

function chromiumVersion(): string {
  const run = spawnSync(findChromium(), ['--version'], { encoding: 'utf8' })
  // Debian's wrapper may print a line about /dev/shm first.
  return /[\d.]{6,}/.exec(run.stdout ?? '')?.[0] ?? '?'
}

async function main(): Promise<number> {
  const { smoke, runs, only, merge } = options()
  const started = performance.now()
  const loadAverage = os.loadavg()
  mkdirSync(TMP, { recursive: true })
  const slides = await loadDeck()
  const plain = writePlainDeck(slides.length, slides[0]?.frontmatter ?? {})
  const plainOut = join(TMP, 'build', 'plain')
  const ctx: Context = {
    smoke,
    runs,
    slides,
    tmp: TMP,
    // A smoke run (inside `npm test`, right after the deck was built) reuses dist/ to stay within minutes.
    ours: smoke && existsSync(join(DIST_DIR, 'index.html'))
      ? { name: 'ours', dir: ROOT, out: DIST_DIR, prebuilt: true }
      : { name: 'ours', dir: ROOT, out: join(TMP, 'build', 'ours') },
    // …and the plain build of an earlier run when the generated deck has not changed since.
    plain: { name: 'plain', dir: PLAIN_DIR, out: plainOut, prebuilt: smoke && !plain.changed && existsSync(join(plainOut, 'index.html')) },
  }
  console.log(`bench (${smoke ? 'smoke' : 'full'}): ${slides.length} slides, ${runs} run(s), sections ${only.join(', ')}`)

  const figures: Figure[] = []
  const skips: Skip[] = []
  const facts: Record<string, unknown> = {}
  let broken = false
  const busiest = [...loadAverage]
  for (const section of only) {
    console.log(`━ ${section}`)
    os.loadavg().forEach((x, i) => (busiest[i] = Math.max(busiest[i], x)))
    try {
      const result = await SECTION_RUNNERS[section](ctx)
      figures.push(...result.figures)
      skips.push(...result.skips)
      Object.assign(facts, result.facts)
    }
    catch (error) {
      broken = true
      console.error(`✖ ${section} failed: ${(error as Error).stack ?? String(error)}`)
      skips.push({ section, what: section, reason: `the benchmark broke: ${(error as Error).message.split('\n')[0]}` })
    }
  }

  const cpus = os.cpus()
  const results: Results = {
    mode: smoke ? 'smoke' as const : 'full' as const,
    date: new Date().toISOString(),
    durationS: (performance.now() - started) / 1000,
    runs,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? '?',
      memoryGiB: os.totalmem() / 1024 ** 3,
      os: `${os.type()} ${os.release()}`,
      node: process.versions.node,
      chromium: chromiumVersion(),
      loadAverage,
      loadAverageAtEnd: os.loadavg(),
      loadAverageMax: busiest,
    },
    versions: versions(),
    deck: { slides: slides.length, demos: demoSlides(slides).found.map(d => d.alias) },
    figures,
    skips,
    facts,
  }
  // Only a complete full run, or a merge into one, replaces the committed results.
  const committedJson = join(ROOT, 'bench', 'results.json')
  const merged = merge && existsSync(committedJson)
    ? mergeResults(JSON.parse(readFileSync(committedJson, 'utf8')) as Results, results, only)
    : undefined
  const committed = !smoke && (only.length === SECTIONS.length || merged !== undefined)
  const written = writeReports(merged ?? results, committed ? join(ROOT, 'bench') : TMP)
  console.log(`\n${terminalTable(merged ?? results)}\n\nwritten: ${written.md}, ${written.json} (${results.durationS.toFixed(0)} s)`)
  return broken ? 1 : 0
}

main().then(code => process.exit(code), (error: unknown) => {
  console.error(`✖ ${(error as Error).message ?? error}`)
  process.exit(1)
})
