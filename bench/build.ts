// `slidev build` through its CLI for one deck: wall time, peak memory, size of dist/, and the size of
// the scripts the first slide needed (the list comes from the served page's network log, see load.ts).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from '../scripts/paths'

export interface BuildRun {
  wallMs: number
  /** Peak resident memory of the build (GNU time), when /usr/bin/time is there. */
  peakMiB?: number
  distBytes: number
}

const GNU_TIME = '/usr/bin/time'
const slidevBin = join(ROOT, 'node_modules', '.bin', 'slidev')

const SCRATCH = join(ROOT, 'bench', '.tmp')

/** Builds `<deckDir>/slides.md` into `outDir` (under bench/.tmp/); throws with Slidev's last lines when the build fails. */
export function buildDeck(deckDir: string, outDir: string): BuildRun {
  if (relative(SCRATCH, outDir).startsWith('..'))
    throw new Error(`the benchmark builds only under ${SCRATCH}, not ${outDir}`)
  // Vite empties an outDir only inside the deck's root: stale chunks would add up run after run.
  rmSync(outDir, { recursive: true, force: true })
  const args = ['build', 'slides.md', '--out', outDir]
  const timed = existsSync(GNU_TIME)
  const started = performance.now()
  const run = timed
    ? spawnSync(GNU_TIME, ['-f', 'bench-peak-kib=%M', slidevBin, ...args], { cwd: deckDir, encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync(slidevBin, args, { cwd: deckDir, encoding: 'utf8', maxBuffer: 64 << 20 })
  const wallMs = performance.now() - started
  if (run.status !== 0) {
    const tail = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-15).join('\n')
    throw new Error(`slidev build failed in ${deckDir} (exit ${run.status}):\n${tail}`)
  }
  const peak = /bench-peak-kib=(\d+)/.exec(run.stderr ?? '')?.[1]
  return { wallMs, peakMiB: peak ? Number(peak) / 1024 : undefined, distBytes: dirBytes(outDir) }
}

export function dirBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size
  }
  return total
}

export interface ScriptSizes {
  bytes: number
  gzipBytes: number
  /** Each script with its size, largest first (to say what a difference is made of). */
  files: { path: string, bytes: number }[]
}

/** Sizes on disk (and gzipped) of the scripts a page requested, by URL path under `distDir`. */
export function scriptSizes(distDir: string, paths: string[]): ScriptSizes {
  const files = [...new Set(paths)]
    .map(path => join(distDir, decodeURIComponent(path)))
    .filter(file => existsSync(file))
    .map(file => ({ path: file.slice(distDir.length + 1), content: readFileSync(file) }))
  return {
    bytes: files.reduce((n, f) => n + f.content.length, 0),
    gzipBytes: files.reduce((n, f) => n + gzipSync(f.content).length, 0),
    files: files.map(f => ({ path: f.path, bytes: f.content.length })).sort((a, b) => b.bytes - a.bytes),
  }
}
