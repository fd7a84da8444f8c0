import type { Subject } from './types'
import type { VitestReport } from './vitest-reporter'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { kitRoot } from '../paths'

// Runs Vitest once over some check files, in its own process group so that a learner's infinite loop
// (which blocks Vitest's worker; its own test timeout cannot fire) is stopped by killing the whole tree.

export type VitestOutcome
  = | { kind: 'report', report: VitestReport, durationMs: number }
    | { kind: 'timeout', durationMs: number }
    | { kind: 'crash', output: string, durationMs: number }

const vitestBin = join(kitRoot, 'node_modules', 'vitest', 'vitest.mjs')
const configFile = join(kitRoot, 'workshop', 'vitest.exercises.config.ts')
const running = new Set<number>()

function killTree(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL')
  }
  catch {
    try {
      process.kill(pid, 'SIGKILL')
    }
    catch {}
  }
}

/** Stops every Vitest run still going (on quit). */
export function killAllVitestRuns(): void {
  for (const pid of running)
    killTree(pid)
  running.clear()
}

export interface VitestRunOptions {
  root: string
  /** Check files relative to root, e.g. `exercises/01-a/check.test.ts`. */
  files: string[]
  subject: Subject
  timeoutMs: number
}

export function runVitest({ root, files, subject, timeoutMs }: VitestRunOptions): Promise<VitestOutcome> {
  const scratch = mkdtempSync(join(tmpdir(), 'workshop-vitest-'))
  const reportFile = join(scratch, 'report.json')
  const started = Date.now()
  const child = spawn(process.execPath, [vitestBin, 'run', '--config', configFile, '--root', root, ...files], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      WORKSHOP_ROOT: root,
      WORKSHOP_SUBJECT: subject,
      WORKSHOP_REPORT_FILE: reportFile,
      WORKSHOP_TEST_TIMEOUT: String(timeoutMs),
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
  })
  if (child.pid)
    running.add(child.pid)
  let output = ''
  child.stdout.on('data', (chunk: unknown) => (output += String(chunk)))
  child.stderr.on('data', (chunk: unknown) => (output += String(chunk)))

  return new Promise((resolve) => {
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid)
        killTree(child.pid)
    }, timeoutMs)
    child.on('close', () => {
      clearTimeout(timer)
      if (child.pid)
        running.delete(child.pid)
      const durationMs = Date.now() - started
      let report: VitestReport | undefined
      try {
        report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport
      }
      catch {}
      rmSync(scratch, { recursive: true, force: true })
      if (timedOut)
        resolve({ kind: 'timeout', durationMs })
      else if (report)
        resolve({ kind: 'report', report, durationMs })
      else
        resolve({ kind: 'crash', output, durationMs })
    })
  })
}
