import type { WorkshopPaths } from './paths'
import type { Exercise } from './tracks/types'
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TRACK_LAYOUTS } from './tracks/layout'

// The participant's working copy: made from the starter when missing, never overwritten except by an
// explicit reset, which first keeps a timestamped backup. Work is never lost.

export function exerciseFile(paths: WorkshopPaths, exercise: Exercise, which: 'learner' | 'starter' | 'solution' | 'checks'): string {
  return join(paths.exercisesDir, exercise.id, TRACK_LAYOUTS[exercise.track][which])
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

/** Restores the starter, keeping the current working copy under .workshop-backups/<id>/<timestamp>-<file>. */
export function resetWorkingCopy(paths: WorkshopPaths, exercise: Exercise): ResetOutcome {
  const learner = exerciseFile(paths, exercise, 'learner')
  const starter = exerciseFile(paths, exercise, 'starter')
  let backup: string | undefined
  if (existsSync(learner) && !readFileSync(learner).equals(readFileSync(starter))) {
    const dir = join(paths.backupsDir, exercise.id)
    mkdirSync(dir, { recursive: true })
    backup = join(dir, `${timestamp()}-${TRACK_LAYOUTS[exercise.track].learner}`)
    copyFileSync(learner, backup)
  }
  copyFileSync(starter, learner)
  return { backup, learner }
}
