import type { WorkshopPaths } from './paths'
import type { CheckResult, Exercise, Subject, TrackName } from './tracks/types'
import { loadManifest } from './manifest'
import { workshopPaths } from './paths'
import { StateStore } from './state'
import { TrackRegistry } from './tracks/index'
import { DEFAULT_TIMEOUT_MS } from './verdict/words'
import { ensureWorkingCopy } from './workspace'

// Everything one run of the CLI shares: where things are, the exercises, progress, and the tracks.

export { DEFAULT_TIMEOUT_MS }

export class Session {
  readonly paths: WorkshopPaths
  readonly exercises: Exercise[]
  readonly state: StateStore
  readonly tracks: TrackRegistry
  /** Messages already shown once this session (the "set up Python" advice). */
  private readonly shownOnce = new Set<string>()

  /**
   * `timeoutMs` overrides the per-track defaults (the `--timeout` option); `track` keeps only that
   * track's exercises (the `--track` option), for progress, navigation and every command.
   */
  constructor(private readonly timeoutMs?: number, paths = workshopPaths(), readonly track?: TrackName) {
    this.paths = paths
    const all = loadManifest(paths)
    this.exercises = track ? all.filter(e => e.track === track) : all
    this.state = new StateStore(paths)
    this.tracks = new TrackRegistry({ root: paths.root })
  }

  firstUnsolved(): Exercise | undefined {
    return this.exercises.find(e => !this.state.get(e.id).done)
  }

  doneCount(): number {
    return this.exercises.filter(e => this.state.get(e.id).done).length
  }

  /** Checks the participant's working copy (creating it first) and records the outcome. */
  async checkLearner(exercise: Exercise): Promise<CheckResult> {
    ensureWorkingCopy(this.paths, exercise)
    const result = await this.checkSubject(exercise, 'exercise')
    if (result.verdict !== 'env-missing')
      this.state.recordCheck(exercise.id, result.verdict === 'pass')
    return result
  }

  async checkSubject(exercise: Exercise, subject: Subject): Promise<CheckResult> {
    const track = await this.tracks.get(exercise.track)
    return track.check(exercise, { subject, timeoutMs: this.timeoutFor(exercise.track) })
  }

  timeoutFor(track: TrackName): number {
    return this.timeoutMs ?? DEFAULT_TIMEOUT_MS[track]
  }

  /** True the first time a message is offered this session: long advice is given once. */
  once(message: string): boolean {
    if (this.shownOnce.has(message))
      return false
    this.shownOnce.add(message)
    return true
  }

  dispose(): Promise<void> {
    return this.tracks.dispose()
  }
}
