import type { Subject } from './types'
import type { VitestReport } from './vitest-reporter'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { kitRoot } from '../paths'
import { STARTED_MARKER } from './vitest-reporter'

// Runs Vitest once over some check files, in its own process group so that a learner's infinite loop
// (which blocks Vitest's worker; its own test timeout cannot fire) is stopped by killing the whole tree.

export type VitestOutcome
  = | { kind: 'report', report: VitestReport, durationMs: number }
    | { kind: 'timeout', durationMs: number }
    | { kind: 'crash', output: string, durationMs: number }

const vitestBin = join(kitRoot, 'node_modules', 'vitest', 'vitest.mjs')
const configFile = join(kitRoot, 'workshop', 'vitest.exercises.config.ts')
const running = new Set<number>()
const STARTUP_LIMIT_MS = 60_000

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
  let timedOut = false
  const stop = (): void => {
    timedOut = true
    if (child.pid)
      killTree(child.pid)
  }
  // The limit counts from when Vitest starts loading the checks, so a slow start-up on a busy laptop
  // is not blamed on the participant's code; start-up itself gets a generous limit of its own.
  let timer = setTimeout(stop, STARTUP_LIMIT_MS + timeoutMs)
  child.stdout.on('data', (chunk: unknown) => {
    const before = output.length
    output += String(chunk)
    if (output.includes(STARTED_MARKER, Math.max(0, before - STARTED_MARKER.length))) {
      clearTimeout(timer)
      timer = setTimeout(stop, timeoutMs)
    }
  })
  child.stderr.on('data', (chunk: unknown) => (output += String(chunk)))

  return new Promise((resolve) => {
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
