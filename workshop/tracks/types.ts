// The contract between the runner and a language track. The runner knows nothing about Vitest or
// pytest; each track turns "check this exercise against this file" into a plain-words verdict.

export type TrackName = 'ts' | 'py'

/** Which version of an exercise's code the checks run against. */
export type Subject = 'exercise' | 'starter' | 'solution'

export interface Exercise {
  /** Folder name under exercises/, e.g. `01-backward-rules`; also what participants type. */
  id: string
  title: string
  track: TrackName
  /** Slidev routeAlias of the slide that introduces the concept (http://localhost:3030/<slide>). */
  slide: string
  /** Progressive hints, shown one at a time: first a pointer to the concept, last close to the answer. */
  hints: string[]
  /** Minutes a participant needs, for the day's agenda (`workshop -- plan`). */
  minutes?: number
}

export type Verdict
  = | 'pass' // every check passed
    | 'fail' // a check failed: `message` says expected vs got in plain words
    | 'error' // the code does not load: syntax error, import error, exception at import time
    | 'type-error' // the learner's TypeScript file does not type-check: `message` holds the compiler's code frame
    | 'timeout' // stopped after the time limit (an infinite loop, most likely)
    | 'env-missing' // the track's toolchain is not set up (e.g. no Python venv): `message` says how

export interface CheckResult {
  verdict: Verdict
  /** One short plain-words paragraph for the participant: the first failing check, never a stack dump. */
  message: string
  /** Where to look, when known (the learner's file and line of a syntax error or failing assertion). */
  location?: { file: string, line?: number }
  /** Checks counted by the test runner. */
  passed: number
  failed: number
  durationMs: number
  /** What the learner's code printed while the checks ran (bounded by the track), when anything. */
  output?: { stdout: string, stderr: string }
}

export interface CheckOptions {
  subject: Subject
  /** Stop the check after this many milliseconds and report `timeout`. */
  timeoutMs: number
}

export interface Track {
  name: TrackName
  /** File participants edit, relative to the exercise folder (created from the starter on first use). */
  learnerFile: string
  starterFile: string
  solutionFile: string
  check: (exercise: Exercise, options: CheckOptions) => Promise<CheckResult>
  /** Release long-lived resources (a warm worker process). */
  dispose: () => Promise<void>
}
