import type { Buffer } from 'node:buffer'
import type { WorkshopPaths } from './paths'
import type { Exercise } from './tracks/types'
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { TRACK_LAYOUTS } from './tracks/layout'

// The participant's working copy: made from the starter when missing, never overwritten except by an
// explicit reset, which first keeps a timestamped backup. Work is never lost.

export function exerciseFile(paths: WorkshopPaths, exercise: Exercise, which: 'learner' | 'starter' | 'solution' | 'checks'): string {
  const dir = which === 'solution' ? paths.solutionsDir : paths.exercisesDir
  return join(dir, exercise.id, TRACK_LAYOUTS[exercise.track][which])
}

/** Creates the working copy from the starter if it does not exist; returns its path. */
export function ensureWorkingCopy(paths: WorkshopPaths, exercise: Exercise): string {
  const learner = exerciseFile(paths, exercise, 'learner')
  if (!existsSync(learner))
    copyFileSync(exerciseFile(paths, exercise, 'starter'), learner, constants.COPYFILE_EXCL)
  return learner
}

export interface ResetOutcome {
  /** Where the participant's previous file went; undefined when there was nothing to keep. */
  backup?: string
  learner: string
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/** Keeps `content` under .workshop-backups/<id>/<timestamp>-<file> unless it is the untouched starter. */
function keepBackup(paths: WorkshopPaths, exercise: Exercise, content: Buffer): string | undefined {
  if (content.equals(readFileSync(exerciseFile(paths, exercise, 'starter'))))
    return undefined
  const dir = join(paths.backupsDir, exercise.id)
  mkdirSync(dir, { recursive: true })
  const backup = join(dir, `${timestamp()}-${TRACK_LAYOUTS[exercise.track].learner}`)
  writeFileSync(backup, content)
  return backup
}

/** Restores the starter, keeping the current working copy as a backup first. */
export function resetWorkingCopy(paths: WorkshopPaths, exercise: Exercise): ResetOutcome {
  const learner = exerciseFile(paths, exercise, 'learner')
  const backup = existsSync(learner) ? keepBackup(paths, exercise, readFileSync(learner)) : undefined
  copyFileSync(exerciseFile(paths, exercise, 'starter'), learner)
  return { backup, learner }
}

/**
 * The working copy was deleted while watch mode had it open: makes it again from the starter and keeps
 * the last version the runner read (`lastSeen`) as a backup, so even a deletion loses no work.
 */
export function recreateDeleted(paths: WorkshopPaths, exercise: Exercise, lastSeen?: Buffer): ResetOutcome {
  const backup = lastSeen ? keepBackup(paths, exercise, lastSeen) : undefined
  const learner = ensureWorkingCopy(paths, exercise)
  return { backup, learner }
}
