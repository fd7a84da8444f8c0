import type { ExerciseProgress, WorkshopState } from '../state'

// The learner's code and progress in the browser (localStorage), in the CLI's own shapes: progress is a
// .workshop-state.json, and a reset keeps the replaced version, like .workshop-backups/, so "download my
// work" hands over exactly the files the CLI would have written. Takes any Storage (a Map in the tests).

export interface KeyValue {
  getItem: (key: string) => string | null
  setItem: (key: string, value: string) => void
}

export interface Backup {
  /** When it was replaced, as an ISO date. */
  at: string
  code: string
}

const PREFIX = 'pvt-workshop:'

export class WorkStore {
  constructor(private readonly storage: KeyValue) {}

  private read<T>(key: string, fallback: T): T {
    try {
      const text = this.storage.getItem(PREFIX + key)
      return text === null ? fallback : JSON.parse(text) as T
    }
    catch {
      // Damaged or unreadable storage costs progress marks, never the page.
      return fallback
    }
  }

  private write(key: string, value: unknown): void {
    this.storage.setItem(PREFIX + key, JSON.stringify(value))
  }

  /** The learner's code for `id`, or undefined before their first edit. */
  code(id: string): string | undefined {
    return this.read<string | undefined>(`code:${id}`, undefined)
  }

  saveCode(id: string, code: string): void {
    this.write(`code:${id}`, code)
  }

  backups(id: string): Backup[] {
    return this.read<Backup[]>(`backups:${id}`, [])
  }

  /** Back to the starter; the code it replaces is kept (unless it was the untouched starter). */
  reset(id: string, starter: string, now = new Date()): Backup | undefined {
    const current = this.code(id)
    this.saveCode(id, starter)
    if (current === undefined || current === starter)
      return undefined
    const backup = { at: now.toISOString(), code: current }
    this.write(`backups:${id}`, [...this.backups(id), backup])
    return backup
  }

  /** Brings the latest kept version back (the code it replaces is kept in its turn). */
  restore(id: string, starter: string, now = new Date()): string | undefined {
    const backups = this.backups(id)
    const latest = backups.at(-1)
    if (!latest)
      return undefined
    const current = this.code(id)
    const kept = current !== undefined && current !== starter ? [{ at: now.toISOString(), code: current }] : []
    this.write(`backups:${id}`, [...backups.slice(0, -1), ...kept])
    this.saveCode(id, latest.code)
    return latest.code
  }

  state(): WorkshopState {
    const state = this.read<WorkshopState>('state', { version: 1, exercises: {} })
    return state && typeof state.exercises === 'object' ? state : { version: 1, exercises: {} }
  }

  progress(id: string): ExerciseProgress {
    return this.state().exercises[id] ?? { done: false, hintsShown: 0 }
  }

  updateProgress(id: string, change: Partial<ExerciseProgress>): ExerciseProgress {
    const state = this.state()
    const next = { ...this.progress(id), ...change }
    this.write('state', { ...state, current: id, exercises: { ...state.exercises, [id]: next } })
    return next
  }

  /** As the CLI's StateStore.recordCheck: done follows the last check; solvedAt stays once set. */
  recordCheck(id: string, passed: boolean, now = new Date()): ExerciseProgress {
    const previous = this.progress(id)
    return this.updateProgress(id, { done: passed, solvedAt: previous.solvedAt ?? (passed ? now.toISOString() : undefined) })
  }
}
