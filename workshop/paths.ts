import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the kit itself lives (node_modules, the Vitest config): the folder above workshop/. */
export const kitRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export interface WorkshopPaths {
  /** Holds exercises/, the state file and the backups. The kit's root unless WORKSHOP_ROOT says otherwise (tests). */
  root: string
  exercisesDir: string
  /** The reference solutions, one folder per exercise, away from the learner's files (like rustlings). */
  solutionsDir: string
  manifestFile: string
  stateFile: string
  backupsDir: string
}

export function workshopPaths(root = process.env.WORKSHOP_ROOT ? resolve(process.env.WORKSHOP_ROOT) : kitRoot): WorkshopPaths {
  const exercisesDir = join(root, 'exercises')
  return {
    root,
    exercisesDir,
    solutionsDir: join(root, 'solutions'),
    manifestFile: join(exercisesDir, 'manifest.json'),
    stateFile: join(root, '.workshop-state.json'),
    backupsDir: join(root, '.workshop-backups'),
  }
}

/** A path as participants see it: relative to the workshop root, with forward slashes. */
export function shown(paths: WorkshopPaths, file: string): string {
  return relative(paths.root, file).split(sep).join('/')
}
