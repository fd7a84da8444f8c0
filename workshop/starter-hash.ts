import type { WorkshopPaths } from './paths'
import type { Exercise } from './tracks/types'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { shown } from './paths'
import { exerciseFile } from './workspace'

// Each starter's SHA-256, recorded in exercises/starters.sha256 (the `sha256sum` format, so
// `cd exercises && sha256sum -c starters.sha256` works too). A starter edited by mistake (a participant
// typing into starter.py instead of exercise.py) is then named as such, by `verify` and in watch mode.

export function hashesFile(paths: WorkshopPaths): string {
  return join(paths.exercisesDir, 'starters.sha256')
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

function recorded(paths: WorkshopPaths): Map<string, string> {
  const file = hashesFile(paths)
  const hashes = new Map<string, string>()
  if (!existsSync(file))
    return hashes
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = line.match(/^([0-9a-f]{64}) [ *](.+)$/)
    if (match)
      hashes.set(match[2], match[1])
  }
  return hashes
}

function key(exercise: Exercise, paths: WorkshopPaths): string {
  return shown({ ...paths, root: paths.exercisesDir }, exerciseFile(paths, exercise, 'starter'))
}

/** Why the starter is not the recorded one, or undefined when it is. */
export function starterProblem(paths: WorkshopPaths, exercise: Exercise): string | undefined {
  const expected = recorded(paths).get(key(exercise, paths))
  const file = shown(paths, exerciseFile(paths, exercise, 'starter'))
  if (!expected)
    return `${file} has no recorded hash in exercises/starters.sha256 (authors: npm run workshop -- verify --record-starters)`
  if (sha256(exerciseFile(paths, exercise, 'starter')) !== expected)
    return `${file} differs from its recorded hash: edited by mistake? (git checkout ${file} restores it; authors who meant it: verify --record-starters)`
  return undefined
}

/** Writes the hashes of every starter as they are now. */
export function recordStarterHashes(paths: WorkshopPaths, exercises: Exercise[]): void {
  const lines = exercises.map(e => `${sha256(exerciseFile(paths, e, 'starter'))}  ${key(e, paths)}`)
  writeFileSync(hashesFile(paths), `${lines.join('\n')}\n`)
}
