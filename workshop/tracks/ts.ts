import type { WarmOutcome } from './ts-checker/client'
import type { CheckOptions, CheckResult, Exercise, Track } from './types'
import type { VitestOutcome } from './vitest-run'
import { join } from 'node:path'
import { withTypeErrors } from '../verdict/type-errors'
import { CLI_TIMEOUT_HINT, stoppedMessage } from '../verdict/words'
import { TRACK_LAYOUTS } from './layout'
import { WarmChecker } from './ts-checker/client'
import { killAllVitestRuns, runVitest } from './vitest-run'
import { verdictFromModule } from './vitest-verdict'

// The TypeScript track: each exercise's check.test.ts runs under Vitest with the exercises config.
// The participant's own file is checked by a warm checker kept between saves (ts-checker/), which also
// type-checks it; `verify`'s starters and solutions run in one cold Vitest process per batch.

export interface TrackContext {
  /** The folder holding exercises/ (WORKSHOP_ROOT or the kit). */
  root: string
}

export interface BatchTrack extends Track {
  /** Checks several exercises at once (one Vitest process); same results as calling `check` on each. */
  checkMany: (exercises: Exercise[], options: CheckOptions) => Promise<Map<string, CheckResult>>
}

const layout = TRACK_LAYOUTS.ts

function checkPath(exercise: Exercise): string {
  return `exercises/${exercise.id}/${layout.checks}`
}

function fromOutcome(root: string, exercise: Exercise, outcome: VitestOutcome, timeoutMs: number): CheckResult {
  const none = { passed: 0, failed: 0, durationMs: outcome.durationMs }
  if (outcome.kind === 'timeout') {
    return {
      ...none,
      verdict: 'timeout',
      message: stoppedMessage(timeoutMs, CLI_TIMEOUT_HINT),
      location: { file: `exercises/${exercise.id}/${layout.learner}` },
    }
  }
  if (outcome.kind === 'crash') {
    const tail = outcome.output.trim().split('\n').slice(-5).join('\n')
    return { ...none, verdict: 'error', message: `Vitest could not run the checks:\n${tail}` }
  }
  const file = join(root, checkPath(exercise))
  const module = outcome.report.modules.find(m => m.file === file)
  if (!module)
    return { ...none, verdict: 'error', message: `Vitest did not run ${checkPath(exercise)}.` }
  return verdictFromModule(root, module, outcome.durationMs)
}

function fromWarm(root: string, exercise: Exercise, outcome: WarmOutcome, timeoutMs: number): CheckResult {
  if (outcome.kind !== 'answer')
    return fromOutcome(root, exercise, outcome, timeoutMs)
  const output = outcome.stdout || outcome.stderr ? { output: { stdout: outcome.stdout, stderr: outcome.stderr } } : {}
  const result = outcome.report
    ? fromOutcome(root, exercise, { kind: 'report', report: outcome.report, durationMs: outcome.durationMs }, timeoutMs)
    : { verdict: 'error' as const, message: 'Vitest reported nothing for the checks.', passed: 0, failed: 0, durationMs: outcome.durationMs }
  return { ...withTypeErrors(result, outcome.typeErrors), ...output }
}

export function createTsTrack({ root }: TrackContext): BatchTrack {
  let warm: WarmChecker | undefined
  const check = async (exercise: Exercise, options: CheckOptions): Promise<CheckResult> => {
    if (options.subject === 'exercise') {
      warm ??= new WarmChecker(root, options.timeoutMs)
      const outcome = await warm.check(join(root, checkPath(exercise)), join(root, 'exercises', exercise.id, layout.learner), options.timeoutMs)
      return fromWarm(root, exercise, outcome, options.timeoutMs)
    }
    const outcome = await runVitest({ root, files: [checkPath(exercise)], subject: options.subject, timeoutMs: options.timeoutMs })
    return fromOutcome(root, exercise, outcome, options.timeoutMs)
  }

  const checkMany = async (exercises: Exercise[], options: CheckOptions): Promise<Map<string, CheckResult>> => {
    const results = new Map<string, CheckResult>()
    if (!exercises.length)
      return results
    const outcome = await runVitest({
      root,
      files: exercises.map(checkPath),
      subject: options.subject,
      // Startup is paid once; each file gets its own share of the limit.
      timeoutMs: options.timeoutMs * exercises.length,
    })
    for (const exercise of exercises) {
      // A batch that timed out or crashed says nothing about a single exercise: check each on its own.
      results.set(exercise.id, outcome.kind === 'report'
        ? fromOutcome(root, exercise, outcome, options.timeoutMs)
        : await check(exercise, options))
    }
    return results
  }

  return {
    name: 'ts',
    learnerFile: layout.learner,
    starterFile: layout.starter,
    solutionFile: layout.solution,
    check,
    checkMany,
    dispose: async () => {
      killAllVitestRuns()
      await warm?.dispose()
    },
  }
}
