import type { Reporter, SerializedError, TestModule } from 'vitest/node'
import { writeFileSync } from 'node:fs'

// Loaded inside the Vitest process run by the TS track: writes what each check file did, in a compact
// shape, to WORKSHOP_REPORT_FILE. The track turns it into plain words; Vitest prints nothing itself.

export interface ReportedError {
  name?: string
  message: string
  expected?: string
  actual?: string
  /** Stack frames, innermost first, already source-mapped by Vitest. */
  frames: { file: string, line: number, column: number }[]
  /** The file a transform (syntax) error happened in. */
  erroredFile?: string
}

export interface ReportedTest {
  name: string
  state: 'passed' | 'failed' | 'skipped' | 'pending'
  line?: number
  errors: ReportedError[]
}

export interface ReportedModule {
  file: string
  /** Errors while loading the file (syntax error, import error, throw at import time). */
  errors: ReportedError[]
  tests: ReportedTest[]
}

export interface VitestReport {
  modules: ReportedModule[]
  unhandled: ReportedError[]
}

function toReported(error: SerializedError | Record<string, unknown>): ReportedError {
  const e = error as SerializedError & { __vitest_rollup_error__?: { id?: string } }
  const str = (v: unknown): string | undefined => (v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v))
  return {
    name: e.name,
    message: String(e.message ?? ''),
    expected: str(e.expected),
    actual: str(e.actual),
    frames: (e.stacks ?? []).map(f => ({ file: f.file, line: f.line, column: f.column })),
    erroredFile: e.__vitest_rollup_error__?.id,
  }
}

/** Printed when Vitest has started and begins loading the checks: the time limit counts from here. */
export const STARTED_MARKER = '@@workshop-checks-started@@'

/** What a run did, in the compact shape above (also used by the warm checker, ts-checker/server.ts). */
export function reportOf(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): VitestReport {
  return {
    modules: testModules.map(module => ({
      file: module.moduleId,
      errors: module.errors().map(toReported),
      tests: [...module.children.allTests()].map((test) => {
        const result = test.result()
        return {
          name: test.fullName,
          state: result.state,
          line: test.location?.line,
          errors: (result.errors ?? []).map(toReported),
        }
      }),
    })),
    unhandled: unhandledErrors.map(toReported),
  }
}

export default class WorkshopReporter implements Reporter {
  onTestRunStart(): void {
    process.stdout.write(`\n${STARTED_MARKER}\n`)
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const report = reportOf(testModules, unhandledErrors)
    const out = process.env.WORKSHOP_REPORT_FILE
    if (out)
      writeFileSync(out, JSON.stringify(report))
    else
      console.log(JSON.stringify(report))
  }
}
