import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import type { TrackContext } from './ts'
import type { CheckOptions, CheckResult, Exercise, Subject, Track } from './types'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { kitRoot } from '../paths'
import { CLI_TIMEOUT_HINT, stoppedMessage } from '../verdict/words'
import { TRACK_LAYOUTS } from './layout'

// The Python track: one warm `.venv/bin/python workshop/py/worker.py` process imports torch and
// tensorflow once and forks a fresh child for every check (see worker.py), so a re-check after a save
// starts warm and no framework state survives from one check to the next. The worker enforces the time
// limit itself (it kills the child and answers `timeout`); this side only steps in, killing the whole
// worker, if the worker itself stops answering.

const layout = TRACK_LAYOUTS.py
const SETUP_HINT = 'Set it up once with: npm run setup:python'
const workerScript = join(kitRoot, 'workshop', 'py', 'worker.py')

export interface PyTrackOptions {
  /** The interpreter; defaults to the kit's .venv (WORKSHOP_PYTHON overrides, for tests). */
  python?: string
  /** Limit for importing the frameworks when a worker starts (not counted against a check's limit). */
  startupTimeoutMs?: number
}

export interface PyTrack extends Track {
  /** Starts the worker now (if needed) and resolves once torch and tensorflow are imported. */
  warmUp: () => Promise<WorkerInfo>
  /** The warm worker's process id, if one is running. */
  workerPid: () => number | undefined
}

export interface WorkerInfo {
  pid: number
  importMs: number
  versions: Record<string, string>
}

/** What the worker answers for one check (see the protocol in worker.py). */
interface WorkerAnswer {
  id: number
  verdict: 'pass' | 'fail' | 'error' | 'timeout'
  message: string
  location: { file: string, line?: number } | null
  passed: number
  failed: number
  stdout?: string
  stderr?: string
}

/** How long past a check's limit the worker may take to report the timeout before it is killed. */
const WORKER_GRACE_MS = 5_000

class WorkerStopped extends Error {
  constructor(readonly reason: 'timeout' | 'exit', message: string) {
    super(message)
  }
}

export function defaultPython(): string {
  if (process.env.WORKSHOP_PYTHON)
    return process.env.WORKSHOP_PYTHON
  return process.platform === 'win32'
    ? join(kitRoot, '.venv', 'Scripts', 'python.exe')
    : join(kitRoot, '.venv', 'bin', 'python')
}

/** One worker process: started lazily, answers requests one at a time, killed with its whole group. */
class Worker {
  private readonly child: ChildProcessWithoutNullStreams
  private stderrTail = ''
  private pending?: { id: number, started: () => void, resolve: (a: WorkerAnswer) => void, reject: (e: Error) => void }
  private nextId = 1
  private exited = false
  private killed = false
  readonly ready: Promise<WorkerInfo>
  /** Resolves when the process has ended. */
  readonly done: Promise<void>

  constructor(python: string, cwd: string, startupTimeoutMs: number) {
    this.child = spawn(python, [workerScript], {
      cwd,
      // Its own process group, so a timeout also stops what the checks started (e.g. `npx tsx`).
      detached: true,
      env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1', TF_CPP_MIN_LOG_LEVEL: '2' },
    })
    // Never keep the runner alive just for the worker; pending requests hold their own timers.
    this.child.unref()
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr])
      (stream as unknown as { unref?: () => void }).unref?.()
    this.child.stderr.setEncoding('utf8')
    this.child.stderr.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4000)
    })
    this.child.stdin.on('error', () => {}) // writing to a worker that just died: the exit handler reports it
    this.done = new Promise((resolve) => {
      this.child.once('exit', () => resolve())
      this.child.once('error', () => resolve())
    })

    this.ready = new Promise<WorkerInfo>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill()
        reject(new WorkerStopped('timeout', `The Python worker did not finish importing torch and tensorflow within ${Math.round(startupTimeoutMs / 1000)} s.`))
      }, startupTimeoutMs)
      const lines = createInterface({ input: this.child.stdout })
      lines.on('line', (line) => {
        let message: { type?: string, id?: number } & Record<string, unknown>
        try {
          message = JSON.parse(line)
        }
        catch {
          return // not ours; the worker sends everything else to stderr, but be safe
        }
        if (message.type === 'ready') {
          clearTimeout(timer)
          resolve(message as unknown as WorkerInfo)
        }
        else if (message.type === 'started' && this.pending && message.id === this.pending.id) {
          this.pending.started()
        }
        else if (this.pending && message.id === this.pending.id) {
          const { resolve: answer } = this.pending
          this.pending = undefined
          answer(message as unknown as WorkerAnswer)
        }
      })
      this.child.on('error', (error) => {
        clearTimeout(timer)
        reject(new WorkerStopped('exit', `Could not start ${python}: ${error.message}`))
      })
      this.child.on('exit', (code, signal) => {
        this.exited = true
        clearTimeout(timer)
        const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`
        const error = new WorkerStopped('exit', `The Python worker ${how}. ${this.lastError()}`.trim())
        reject(error)
        this.pending?.reject(error)
        this.pending = undefined
      })
    })
    this.ready.catch(() => {}) // observed by whoever awaits it
  }

  get pid(): number | undefined {
    return this.alive ? this.child.pid : undefined
  }

  /** False once it exited or was told to die (a killed worker never takes another request). */
  get alive(): boolean {
    return !this.exited && !this.killed
  }

  /** The last meaningful line the worker printed to stderr (the cause of a crash). */
  lastError(): string {
    const lines = this.stderrTail.trim().split('\n').map(l => l.trim()).filter(Boolean)
    return lines.at(-1) ?? ''
  }

  /**
   * Sends one check. The limit runs from the worker's `started` message: one-time warm-ups before it
   * (loading an exporter) have the startup limit instead.
   */
  request(body: Record<string, unknown>, timeoutMs: number, warmUpLimitMs: number): Promise<WorkerAnswer> {
    const id = this.nextId++
    return new Promise<WorkerAnswer>((resolve, reject) => {
      let timer: NodeJS.Timeout
      const limit = (ms: number, reason: string): void => {
        clearTimeout(timer)
        timer = setTimeout(() => {
          this.pending = undefined
          this.kill()
          reject(new WorkerStopped('timeout', reason))
        }, ms)
      }
      limit(warmUpLimitMs, 'warm-up')
      this.pending = {
        id,
        started: () => limit(timeoutMs + WORKER_GRACE_MS, 'timeout'),
        resolve: (answer) => {
          clearTimeout(timer)
          resolve(answer)
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      }
      this.child.stdin.write(`${JSON.stringify({ id, ...body, timeoutMs })}\n`)
    })
  }

  kill(): void {
    if (this.exited || !this.child.pid)
      return
    this.child.ref() // whoever awaits `done` must see the exit: an unref'd child would let the loop empty first
    this.killed = true
    try {
      process.kill(-this.child.pid, 'SIGKILL')
    }
    catch {
      this.child.kill('SIGKILL')
    }
  }
}

export function createPyTrack(context?: TrackContext, options: PyTrackOptions = {}): PyTrack {
  const root = context?.root ?? kitRoot
  const python = options.python ?? defaultPython()
  const startupTimeoutMs = options.startupTimeoutMs ?? 180_000
  let worker: Worker | undefined
  let queue: Promise<unknown> = Promise.resolve()

  const killWorker = (): void => worker?.kill()
  process.on('exit', killWorker)

  const ensureWorker = (): Worker => {
    if (!worker || !worker.alive)
      worker = new Worker(python, root, startupTimeoutMs)
    return worker
  }

  const learnerPath = (exercise: Exercise, subject: Subject): string =>
    subject === 'solution' ? `solutions/${exercise.id}/${layout.solution}` : `exercises/${exercise.id}/${subject === 'exercise' ? layout.learner : layout.starter}`

  const timedOut = (exercise: Exercise, subject: Subject, timeoutMs: number): Pick<CheckResult, 'verdict' | 'message' | 'location'> => ({
    verdict: 'timeout',
    message: stoppedMessage(timeoutMs, CLI_TIMEOUT_HINT),
    location: { file: learnerPath(exercise, subject) },
  })

  const runOne = async (exercise: Exercise, { subject, timeoutMs }: CheckOptions): Promise<CheckResult> => {
    const started = Date.now()
    const none = { passed: 0, failed: 0 }
    if (!existsSync(python)) {
      return {
        ...none,
        verdict: 'env-missing',
        message: `The Python environment for the PyTorch/TensorFlow exercises is not set up (${python} is missing). ${SETUP_HINT}`,
        durationMs: Date.now() - started,
      }
    }
    const current = ensureWorker()
    try {
      await current.ready
    }
    catch (error) {
      const text = (error as Error).message
      const missingModule = /ModuleNotFoundError|No module named/.test(text)
      return {
        ...none,
        verdict: missingModule ? 'env-missing' : 'error',
        message: missingModule ? `The Python environment is incomplete (${current.lastError()}). ${SETUP_HINT}` : text,
        durationMs: Date.now() - started,
      }
    }
    const checkStarted = Date.now()
    try {
      const subjectFile = subject === 'solution' ? { subjectFile: join(root, 'solutions', exercise.id, layout.solution) } : {}
      const answer = await current.request({ root, dir: join(root, 'exercises', exercise.id), subject, ...subjectFile }, timeoutMs, startupTimeoutMs)
      const durationMs = Date.now() - checkStarted
      const output = answer.stdout || answer.stderr ? { output: { stdout: answer.stdout ?? '', stderr: answer.stderr ?? '' } } : {}
      if (answer.verdict === 'timeout')
        return { ...none, ...timedOut(exercise, subject, timeoutMs), durationMs }
      return {
        verdict: answer.verdict,
        message: answer.message,
        ...(answer.location ? { location: answer.location } : {}),
        passed: answer.passed,
        failed: answer.failed,
        durationMs,
        ...output,
      }
    }
    catch (error) {
      const durationMs = Date.now() - checkStarted
      if (error instanceof WorkerStopped && error.message === 'warm-up')
        return { ...none, verdict: 'error', message: `The Python worker took over ${Math.round(startupTimeoutMs / 1000)} s to load what these checks need, and was stopped.`, durationMs }
      if (error instanceof WorkerStopped && error.reason === 'timeout')
        return { ...none, ...timedOut(exercise, subject, timeoutMs), durationMs }
      return { ...none, verdict: 'error', message: `The checks stopped the Python process: ${(error as Error).message}`, durationMs }
    }
  }

  return {
    name: 'py',
    learnerFile: layout.learner,
    starterFile: layout.starter,
    solutionFile: layout.solution,
    // One check at a time: the worker runs pytest in-process.
    check: (exercise, options) => {
      const result = queue.then(() => runOne(exercise, options))
      queue = result.catch(() => {})
      return result
    },
    warmUp: () => ensureWorker().ready,
    workerPid: () => worker?.pid,
    dispose: async () => {
      process.off('exit', killWorker)
      const current = worker
      worker = undefined
      if (current) {
        current.kill()
        await current.done
      }
    },
  }
}
