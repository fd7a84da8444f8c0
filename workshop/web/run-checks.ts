import type { CheckResult } from '../tracks/types'
import type { Sources } from './module-loader'
import { clearAllMocks, fn, resetAllMocks, restoreAllMocks, spyOn } from '@vitest/spy'
import { verdictFromModule } from '../tracks/vitest-verdict'
import { CheckRunner, reported } from './describe-it'
import { expect } from './expect'
import { ModuleLoader, SyntaxErrorAt } from './module-loader'

// The browser's check, as one pure function: the learner's code goes in as exercises/<id>/exercise.ts,
// the exercise's own check.test.ts runs against it under the small describe/it runner with Vitest's
// expect and spies, and the verdict comes out in the CLI's words. It runs inside a Web Worker in the
// deck (check-worker.ts), and in Node in the tests that hold it to the CLI's verdicts.

/** Of the learner's output, per stream, as the CLI keeps it. */
const OUTPUT_LIMIT = 4000

export const learnerPath = (id: string): string => `exercises/${id}/exercise.ts`
export const checkPath = (id: string): string => `exercises/${id}/check.test.ts`

function printed(args: unknown[]): string {
  return `${args.map(a => (typeof a === 'string' ? a : safeJson(a))).join(' ')}\n`
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  }
  catch {
    return String(value)
  }
}

/** Console output of the code while `body` runs, split as stdout (log, info) and stderr (warn, error). */
async function capturing<T>(body: () => Promise<T>): Promise<{ value: T, output: { stdout: string, stderr: string } }> {
  const output = { stdout: '', stderr: '' }
  const streams = { log: 'stdout', info: 'stdout', debug: 'stdout', warn: 'stderr', error: 'stderr' } as const
  const saved = { ...console }
  for (const [method, stream] of Object.entries(streams)) {
    (console as unknown as Record<string, (...args: unknown[]) => void>)[method] = (...args) => {
      output[stream] = (output[stream] + printed(args)).slice(0, OUTPUT_LIMIT)
    }
  }
  try {
    return { value: await body(), output }
  }
  finally {
    Object.assign(console, saved)
  }
}

/** `modules`: what else the exercise's code imports, by specifier (exercise-modules.ts). */
export async function runChecks(id: string, code: string, sources: Sources, engine: unknown, modules: Record<string, unknown> = {}): Promise<CheckResult> {
  const started = performance.now()
  const runner = new CheckRunner()
  const vi = { fn, spyOn, restoreAllMocks, clearAllMocks, resetAllMocks }
  const loader = new ModuleLoader({ ...sources, [learnerPath(id)]: code }, {
    'vitest': { ...runner.api, expect, vi },
    'engine/index': engine,
    ...modules,
  })
  const { value: module, output } = await capturing(async () => {
    const loadErrors = []
    try {
      loader.require(checkPath(id))
    }
    catch (error) {
      loadErrors.push(error instanceof SyntaxErrorAt ? { ...reported(error), erroredFile: error.file } : reported(error))
    }
    try {
      return await runner.run(checkPath(id), loadErrors)
    }
    finally {
      restoreAllMocks()
    }
  })
  const result = verdictFromModule('', module, Math.round(performance.now() - started))
  return output.stdout || output.stderr ? { ...result, output } : result
}
