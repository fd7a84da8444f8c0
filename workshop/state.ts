import type { WorkshopPaths } from './paths'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

// Progress lives in .workshop-state.json at the workshop root (gitignored): which exercises pass,
// how many hints were shown, and whether an exercise was ever solved (that unlocks its solution).
export interface ExerciseProgress {
  done: boolean
  hintsShown: number
  solvedAt?: string
}

export interface WorkshopState {
  version: 1
  /** The exercise watch mode showed last: where the next `npm run workshop` resumes. */
  current?: string
  exercises: Record<string, ExerciseProgress>
}

export class StateStore {
  private state: WorkshopState

  constructor(private readonly paths: WorkshopPaths) {
    this.state = StateStore.read(paths.stateFile)
  }

  private static read(file: string): WorkshopState {
    if (!existsSync(file))
      return { version: 1, exercises: {} }
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as WorkshopState
      if (data && typeof data.exercises === 'object')
        return { version: 1, exercises: data.exercises, ...(typeof data.current === 'string' ? { current: data.current } : {}) }
    }
    catch {}
    // A damaged state file only costs progress marks, never the participant's code: start afresh.
    return { version: 1, exercises: {} }
  }

  get current(): string | undefined {
    return this.state.current
  }

  setCurrent(id: string): void {
    if (this.state.current === id)
      return
    this.reload()
    this.state.current = id
    this.save()
  }

  /**
   * Every change starts from the file as it is now: a `check` or `hint` in a second terminal, next to
   * the watch-mode runner, then adds to the progress instead of writing an older copy over it.
   */
  private reload(): void {
    this.state = StateStore.read(this.paths.stateFile)
  }

  get(id: string): ExerciseProgress {
    return this.state.exercises[id] ?? { done: false, hintsShown: 0 }
  }

  update(id: string, change: Partial<ExerciseProgress>): ExerciseProgress {
    this.reload()
    const next = { ...this.get(id), ...change }
    this.state.exercises[id] = next
    this.save()
    return next
  }

  /** Records a check of the learner's file. */
  recordCheck(id: string, passed: boolean): void {
    this.reload()
    const previous = this.get(id)
    this.update(id, { done: passed, solvedAt: previous.solvedAt ?? (passed ? new Date().toISOString() : undefined) })
  }

  private save(): void {
    // Write-then-rename so a Ctrl-C mid-write never leaves half a file.
    const tmp = `${this.paths.stateFile}.tmp`
    writeFileSync(tmp, `${JSON.stringify(this.state, null, 2)}\n`)
    renameSync(tmp, this.paths.stateFile)
  }
}
