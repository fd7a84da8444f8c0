// The workshop's feedback loop: in watch mode (keys piped through stdin), the time from saving a
// solved file to the runner printing the verdict. Runs against a scratch copy of one exercise
// (WORKSHOP_ROOT), so a participant's files and progress are never touched.
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { spawn } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../scripts/paths'
import { TRACK_LAYOUTS } from '../workshop/tracks/layout'

export interface ManifestExercise {
  id: string
  track: 'ts' | 'py'
  title: string
}

export interface WorkshopRun {
  exercise: string
  /** Saving the solution → "<id> passes" printed (file watcher, debounce and the check itself). */
  saveToVerdictMs: number[]
  /** The first check, which starts the track (Vitest, or the Python worker importing the frameworks). */
  firstCheckMs: number
}

/** Top-level entries of the kit a scratch root leaves out: progress, backups, exercises, build output, our own. */
const PRIVATE = new Set(['exercises', 'bench', '.git', '.workshop-state.json', '.workshop-backups', 'dist', 'exports', 'test-results'])
/**
 * Too big to copy, and only read: linked. Sources are copied (1–2 MB), because a module reached through a
 * symlink gets a second identity in Vite and breaks the engine's circular imports.
 */
const LINKED = new Set(['node_modules', '.venv'])

export function readManifest(root = ROOT): ManifestExercise[] {
  const file = join(root, 'exercises', 'manifest.json')
  if (!existsSync(file))
    return []
  return (JSON.parse(readFileSync(file, 'utf8')) as { exercises?: ManifestExercise[] }).exercises ?? []
}

/**
 * A workshop root holding only `exercise` (its starter, solution and checks, no working copy) and
 * links to the rest of the kit, so relative imports such as `../../engine` resolve as in the real one.
 */
function scratchRoot(dir: string, exercise: ManifestExercise): string {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'exercises'), { recursive: true })
  for (const name of readdirSync(ROOT)) {
    if (LINKED.has(name))
      symlinkSync(join(ROOT, name), join(dir, name))
    else if (!PRIVATE.has(name))
      cpSync(join(ROOT, name), join(dir, name), { recursive: true })
  }
  const source = join(ROOT, 'exercises')
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    if (entry.name !== 'manifest.json' && !/^\d/.test(entry.name))
      cpSync(join(source, entry.name), join(dir, 'exercises', entry.name), { recursive: true })
  }
  const layout = TRACK_LAYOUTS[exercise.track]
  cpSync(join(source, exercise.id), join(dir, 'exercises', exercise.id), {
    recursive: true,
    filter: path => !path.endsWith(`/${layout.learner}`) && !path.includes('__pycache__'),
  })
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8')) as { exercises: ManifestExercise[] }
  manifest.exercises = manifest.exercises.filter(e => e.id === exercise.id)
  writeFileSync(join(dir, 'exercises', 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return dir
}

/** The exercise itself is not in a passing state (someone is still writing it): nothing to time. */
export class SolutionFailed extends Error {}

class Watcher {
  readonly child: ChildProcessWithoutNullStreams
  private output = ''
  private seen = 0

  constructor(root: string) {
    this.child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'workshop', 'cli.ts'), '--timeout', '60'], {
      cwd: ROOT,
      env: { ...process.env, WORKSHOP_ROOT: root, WORKSHOP_KEYS_FROM_STDIN: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    })
    this.child.stdout.on('data', (chunk: unknown) => (this.output += String(chunk)))
    this.child.stderr.on('data', (chunk: unknown) => (this.output += String(chunk)))
  }

  /** Waits for one of `texts` in output printed since the last wait; resolves with it and the time it was seen. */
  async waitFor(texts: string | string[], limitMs: number): Promise<{ text: string, at: number }> {
    const wanted = typeof texts === 'string' ? [texts] : texts
    const started = performance.now()
    while (performance.now() - started < limitMs) {
      const found = wanted.map(text => ({ text, index: this.output.indexOf(text, this.seen) })).filter(f => f.index >= 0).sort((a, b) => a.index - b.index)[0]
      if (found) {
        this.seen = found.index + found.text.length
        return { text: found.text, at: performance.now() }
      }
      if (this.child.exitCode !== null)
        break
      await new Promise(resolve => setTimeout(resolve, 10))
    }
    throw new Error(`the workshop runner did not print '${wanted.join('\' or \'')}' within ${limitMs / 1000} s; its output:\n${this.output.slice(-1500)}`)
  }

  /** Output since the last wait, up to the next keys line (the verdict's explanation). */
  async rest(): Promise<string> {
    const from = this.seen
    await this.waitFor('quit', 10_000).catch(() => {})
    return this.output.slice(from, this.seen)
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null)
      return
    const exited = new Promise(resolve => this.child.once('exit', resolve))
    this.child.stdin.write('q')
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
}

/** `runs` save → verdict round trips on one exercise; the starter is saved back in between (and fails). */
export async function measureWorkshop(exercise: ManifestExercise, runs: number, scratchDir: string): Promise<WorkshopRun> {
  const root = scratchRoot(scratchDir, exercise)
  const layout = TRACK_LAYOUTS[exercise.track]
  const folder = join(root, 'exercises', exercise.id)
  const learner = join(folder, layout.learner)
  const started = performance.now()
  const watcher = new Watcher(root)
  try {
    // The first check runs on the fresh working copy (the starter) and ends with the keys line.
    const firstCheckMs = (await watcher.waitFor('quit', 180_000)).at - started
    const verdicts = ['passes', 'is not solved yet', 'does not load', 'has a type error', 'timed out', 'cannot be checked here'].map(v => `${exercise.id} ${v}`)
    const saveToVerdictMs: number[] = []
    for (let i = 0; i < runs; i++) {
      if (i > 0) {
        copyFileSync(join(folder, layout.starter), learner)
        await watcher.waitFor('quit', 120_000)
      }
      await new Promise(resolve => setTimeout(resolve, 500))
      const saved = performance.now()
      copyFileSync(join(root, 'solutions', exercise.id, layout.solution), learner)
      const verdict = await watcher.waitFor(verdicts, 90_000)
      if (verdict.text !== verdicts[0])
        throw new SolutionFailed(`${exercise.id}'s reference solution did not pass in watch mode: ${verdict.text}${await watcher.rest()}`)
      saveToVerdictMs.push(verdict.at - saved)
      await watcher.waitFor('quit', 10_000)
    }
    return { exercise: exercise.id, saveToVerdictMs, firstCheckMs }
  }
  finally {
    await watcher.stop()
    rmSync(root, { recursive: true, force: true })
  }
}
