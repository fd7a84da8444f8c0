import type { ReportedError, ReportedModule, ReportedTest } from '../tracks/vitest-reporter'
import { processError } from '@vitest/utils/error'

// A small describe/it runner for the exercises' check files in the browser: collects the suites while
// the check file loads, then runs each test in order with its hooks, and reports in the shape the CLI's
// Vitest reporter writes (ReportedModule), so one module (tracks/vitest-verdict.ts) words both verdicts.

type Body = () => unknown
interface Suite { name: string, beforeEach: Body[], afterEach: Body[], parent?: Suite }
interface Test { names: string[], body: Body, suite: Suite }

/** Stack frames in the files the runner loaded (their sourceURL is the kit-relative path). */
const FRAME = /((?:exercises|solutions)\/[^\s():]+\.ts):(\d+):(\d+)/g

function framesOf(stack: string | undefined): ReportedError['frames'] {
  return [...(stack ?? '').matchAll(FRAME)].map(m => ({ file: m[1], line: Number(m[2]), column: Number(m[3]) }))
}

/** An error as the CLI's reporter has it: Vitest's own serialisation (pretty-printed expected/actual). */
export function reported(error: unknown): ReportedError {
  const stack = error instanceof Error ? error.stack : undefined
  const e = processError(error) as { name?: string, message?: string, expected?: string, actual?: string }
  return { name: e.name, message: String(e.message ?? error), expected: e.expected, actual: e.actual, frames: framesOf(stack) }
}

export class CheckRunner {
  private readonly root: Suite = { name: '', beforeEach: [], afterEach: [] }
  private current = this.root
  private readonly tests: Test[] = []

  /** What a check file imports from 'vitest' (besides expect and vi). */
  readonly api = {
    describe: (name: string, body: () => void): void => {
      const suite: Suite = { name, beforeEach: [], afterEach: [], parent: this.current }
      this.current = suite
      try {
        body()
      }
      finally {
        this.current = suite.parent!
      }
    },
    it: (name: string, body: Body): void => {
      const names: string[] = [name]
      for (let s: Suite | undefined = this.current; s && s !== this.root; s = s.parent) names.unshift(s.name)
      this.tests.push({ names, body, suite: this.current })
    },
    beforeEach: (body: Body): void => {
      this.current.beforeEach.push(body)
    },
    afterEach: (body: Body): void => {
      this.current.afterEach.push(body)
    },
  }

  /** Runs every collected test; `loadErrors` are what went wrong while loading the check file. */
  async run(file: string, loadErrors: ReportedError[]): Promise<ReportedModule> {
    if (loadErrors.length)
      return { file, errors: loadErrors, tests: [] }
    const tests: ReportedTest[] = []
    for (const test of this.tests) {
      const chain: Suite[] = []
      for (let s: Suite | undefined = test.suite; s; s = s.parent) chain.unshift(s)
      const errors: ReportedError[] = []
      try {
        for (const suite of chain) {
          for (const hook of suite.beforeEach) await hook()
        }
        await test.body()
      }
      catch (error) {
        errors.push(reported(error))
      }
      // afterEach hooks run even after a failure (they undo spies), innermost first.
      for (const suite of chain.toReversed()) {
        for (const hook of suite.afterEach) {
          try {
            await hook()
          }
          catch (error) {
            errors.push(reported(error))
          }
        }
      }
      tests.push({ name: test.names.join(' > '), state: errors.length ? 'failed' : 'passed', errors })
    }
    return { file, errors: [], tests }
  }
}
