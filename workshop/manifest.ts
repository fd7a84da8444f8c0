import type { WorkshopPaths } from './paths'
import type { Exercise } from './tracks/types'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isTrackName, TRACK_LAYOUTS, TRACK_NAMES } from './tracks/layout'

/** The manifest and the folders disagree, or the manifest is malformed: every problem, named. */
export class ManifestError extends Error {
  constructor(readonly problems: string[]) {
    super(`exercises/manifest.json has ${problems.length} problem(s):\n${problems.map(p => `  - ${p}`).join('\n')}`)
    this.name = 'ManifestError'
  }
}

const ID_PATTERN = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Folders that hold an exercise: they start with a digit (helpers like `_shared` or `__pycache__` don't). */
export function exerciseFolders(exercisesDir: string): string[] {
  if (!existsSync(exercisesDir))
    return []
  return readdirSync(exercisesDir, { withFileTypes: true })
    .filter(entry => entry.isDirectory() && /^\d/.test(entry.name))
    .map(entry => entry.name)
    .sort()
}

function entryProblems(entry: unknown, index: number): string[] {
  const where = `entry ${index + 1}`
  if (typeof entry !== 'object' || entry === null)
    return [`${where} is not an object`]
  const e = entry as Record<string, unknown>
  const problems: string[] = []
  const name = typeof e.id === 'string' ? `'${e.id}'` : where
  if (typeof e.id !== 'string' || !ID_PATTERN.test(e.id))
    problems.push(`${where}: id ${JSON.stringify(e.id)} is not a folder name like '01-backward-rules'`)
  if (typeof e.title !== 'string' || !e.title.trim())
    problems.push(`${name}: title is missing`)
  if (!isTrackName(e.track))
    problems.push(`${name}: unknown track ${JSON.stringify(e.track)} (expected one of ${TRACK_NAMES.join(', ')})`)
  if (typeof e.slide !== 'string' || !e.slide.trim())
    problems.push(`${name}: slide (the Slidev routeAlias) is missing`)
  if (!Array.isArray(e.hints) || e.hints.some(h => typeof h !== 'string'))
    problems.push(`${name}: hints must be a list of strings`)
  if (e.minutes !== undefined && (typeof e.minutes !== 'number' || !Number.isInteger(e.minutes) || e.minutes <= 0))
    problems.push(`${name}: minutes must be a whole number of minutes, got ${JSON.stringify(e.minutes)}`)
  return problems
}

/** Reads exercises/manifest.json and checks it against the folders; throws ManifestError listing every problem. */
export function loadManifest(paths: WorkshopPaths): Exercise[] {
  if (!existsSync(paths.manifestFile))
    throw new ManifestError([`${paths.manifestFile} does not exist`])
  let data: unknown
  try {
    data = JSON.parse(readFileSync(paths.manifestFile, 'utf8'))
  }
  catch (error) {
    throw new ManifestError([`not valid JSON: ${(error as Error).message}`])
  }
  const list = (data as { exercises?: unknown } | null)?.exercises
  if (!Array.isArray(list))
    throw new ManifestError(['expected { "exercises": [ ... ] }'])

  const problems = list.flatMap(entryProblems)
  const exercises = list as Exercise[]
  const seen = new Set<string>()
  for (const { id } of exercises) {
    if (typeof id === 'string' && seen.has(id))
      problems.push(`duplicate id '${id}'`)
    seen.add(id)
  }
  const folders = exerciseFolders(paths.exercisesDir)
  const missingFromManifest = folders.filter(f => !seen.has(f))
  if (missingFromManifest.length)
    problems.push(`folder(s) not in the manifest: ${missingFromManifest.join(', ')}`)
  const missingFolders = [...seen].filter(id => typeof id === 'string' && !folders.includes(id))
  if (missingFolders.length)
    problems.push(`manifest id(s) without a folder: ${missingFolders.join(', ')}`)

  for (const exercise of exercises) {
    if (!folders.includes(exercise.id) || !isTrackName(exercise.track))
      continue
    const { starter, solution, checks } = TRACK_LAYOUTS[exercise.track]
    const missing = [starter, checks, 'README.md'].filter(f => !existsSync(join(paths.exercisesDir, exercise.id, f)))
    if (!existsSync(join(paths.solutionsDir, exercise.id, solution)))
      missing.push(`solutions/${exercise.id}/${solution}`)
    if (missing.length)
      problems.push(`'${exercise.id}' is missing ${missing.join(', ')}`)
  }
  if (problems.length)
    throw new ManifestError(problems)
  return exercises
}
