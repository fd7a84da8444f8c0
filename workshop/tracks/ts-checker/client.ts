import type { ChildProcess } from 'node:child_process'
import type { VitestReport } from '../vitest-reporter'
import type { CheckerMessage, CheckRequest } from './protocol'
import type { TypeErrors } from './type-check'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import process from 'node:process'
import { kitRoot } from '../../paths'

// The runner's side of the warm TypeScript checker (server.ts): started once, asked one check at a
// time. A check past its limit (an endless loop blocks Vitest's worker, so its own test timeout cannot
// fire) kills the checker's whole process group; a fresh one starts warming up at once for the next save.

const serverScript = join(kitRoot, 'workshop', 'tracks', 'ts-checker', 'start.mjs')
/** Starting Vitest and loading the TypeScript libraries: generous, it happens once (not the learner's time). */
const STARTUP_LIMIT_MS = 60_000

export type WarmOutcome
  = | { kind: 'answer', report?: VitestReport, typeErrors?: TypeErrors, stdout: string, stderr: string, durationMs: number }
    | { kind: 'timeout', durationMs: number }
    | { kind: 'crash', output: string, durationMs: number }

interface Running {
  child: ChildProcess
  ready: Promise<void>
  /** stdout and stderr of the checker itself (Vite's and Vitest's own complaints), for a crash report. */
  output: string
  /** Resolves when the process has ended. */
  exited: Promise<void>
  answer?: (message: CheckerMessage & { type: 'answer' }) => void
  started?: (id: number) => void
}

function killGroup(child: ChildProcess): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null)
    return
  try {
    process.kill(-child.pid, 'SIGKILL')
  }
  catch {
    child.kill('SIGKILL')
  }
}

export class WarmChecker {
  private running?: Running
  private nextId = 1

  constructor(private readonly root: string, private readonly testTimeoutMs: number) {}

  /** Starts the checker now, if it is not running, so the first save is already warm. */
  warmUp(): Promise<void> {
    return this.start().ready
  }

  private start(): Running {
    if (this.running)
      return this.running
    const child = spawn(process.execPath, [serverScript], {
      cwd: kitRoot,
      detached: true, // its own process group: a timeout also stops Vitest's workers
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        ...process.env,
        WORKSHOP_ROOT: this.root,
        WORKSHOP_SUBJECT: 'exercise',
        WORKSHOP_TEST_TIMEOUT: String(this.testTimeoutMs),
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
    })
    const running: Running = { child, output: '', ready: Promise.resolve(), exited: Promise.resolve() }
    const keep = (chunk: unknown): void => {
      running.output = (running.output + String(chunk)).slice(-4000)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    running.exited = new Promise(done => child.once('exit', () => done()))
    running.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        killGroup(child)
        reject(new Error(`The TypeScript checker did not start within ${STARTUP_LIMIT_MS / 1000} s.`))
      }, STARTUP_LIMIT_MS)
      child.on('message', (message: CheckerMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer)
          resolve()
        }
        else if (message.type === 'answer') {
          running.answer?.(message)
        }
        else if (message.type === 'started') {
          running.started?.(message.id)
        }
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        if (this.running === running)
          this.running = undefined
        reject(new Error(`The TypeScript checker ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}.`))
      })
    })
    running.ready.catch(() => {}) // observed by whoever awaits it
    // Never keep the runner alive just for the checker: a pending check holds its own timer.
    child.unref()
    child.channel?.unref()
    for (const stream of [child.stdout, child.stderr])
      (stream as unknown as { unref?: () => void } | null)?.unref?.()
    this.running = running
    return running
  }

  async check(checkFile: string, learnerFile: string, timeoutMs: number): Promise<WarmOutcome> {
    const running = this.start()
    try {
      await running.ready
    }
    catch (error) {
      return { kind: 'crash', output: `${(error as Error).message}\n${running.output}`, durationMs: 0 }
    }
    const started = Date.now()
    const request: CheckRequest = { id: this.nextId++, checkFile, learnerFile }
    return new Promise<WarmOutcome>((resolve) => {
      let timer: NodeJS.Timeout | undefined
      function finish(outcome: WarmOutcome): void {
        clearTimeout(timer)
        running.child.off('exit', onExit)
        running.answer = undefined
        running.started = undefined
        resolve(outcome)
      }
      function onExit(): void {
        finish({ kind: 'crash', output: running.output, durationMs: Date.now() - started })
      }
      const stop = (): void => {
        this.stop(running)
        void this.warmUp().catch(() => {}) // the next save finds a warm checker again
        finish({ kind: 'timeout', durationMs: Date.now() - started })
      }
      // Until Vitest starts loading the checks, a slow machine is not the learner's fault.
      timer = setTimeout(stop, STARTUP_LIMIT_MS + timeoutMs)
      running.started = (id) => {
        if (id !== request.id)
          return
        clearTimeout(timer)
        timer = setTimeout(stop, timeoutMs)
      }
      running.child.once('exit', onExit)
      running.answer = (message) => {
        if (message.id !== request.id)
          return
        if (message.crash)
          return finish({ kind: 'crash', output: message.crash, durationMs: Date.now() - started })
        finish({ kind: 'answer', report: message.report, typeErrors: message.typeErrors, stdout: message.stdout, stderr: message.stderr, durationMs: Date.now() - started })
      }
      running.child.send(request)
    })
  }

  private stop(running: Running): void {
    if (this.running === running)
      this.running = undefined
    killGroup(running.child)
  }

  async dispose(): Promise<void> {
    const running = this.running
    if (!running)
      return
    running.child.ref() // else an unref'd child's exit may never be waited for: the loop just empties
    this.stop(running)
    await running.exited
  }
}
