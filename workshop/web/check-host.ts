import type { CheckResult } from '../tracks/types'
import { DEFAULT_TIMEOUT_MS, stoppedMessage } from '../verdict/words'

// The page's side of a check: hands the learner's code to a Web Worker and waits for the verdict, or
// stops the worker at the time limit (an endless loop cannot block the page: it runs on the worker's
// thread). Every check gets a fresh worker, started while the learner types, so nothing one check did
// (a spy left behind, a global changed) reaches the next and the check itself starts at once.

/** What the host needs of a Worker (a fake one in the unit tests). */
export interface WorkerLike {
  postMessage: (message: unknown) => void
  terminate: () => void
  onmessage: ((event: { data: unknown }) => void) | null
  onerror: ((event: { message?: string }) => void) | null
}

const STARTUP_LIMIT_MS = 60_000

type WorkerMessage = { type: 'ready' } | { type: 'loading' } | { type: 'result', result: CheckResult }

/** A started worker, and whether it has loaded (the engine, the transpiler, the checks). */
interface Started { worker: WorkerLike, ready: boolean }

export class CheckHost {
  private spare?: Started

  constructor(private readonly spawn: () => WorkerLike, readonly timeoutMs = DEFAULT_TIMEOUT_MS.ts) {}

  /** Starts the next check's worker ahead of time (loading the engine and the checks). */
  warm(): void {
    this.spare ??= this.start()
  }

  private start(): Started {
    const started: Started = { worker: this.spawn(), ready: false }
    started.worker.onmessage = ({ data }) => {
      if ((data as WorkerMessage).type === 'ready')
        started.ready = true
    }
    return started
  }

  check(id: string, code: string): Promise<CheckResult> {
    const next = this.spare ?? this.start()
    const { worker } = next
    this.spare = undefined
    const started = performance.now()
    return new Promise<CheckResult>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const finish = (result: CheckResult): void => {
        clearTimeout(timer)
        worker.onmessage = null
        worker.onerror = null
        worker.terminate()
        this.warm()
        resolve(result)
      }
      const none = (): Pick<CheckResult, 'passed' | 'failed' | 'durationMs'> => ({ passed: 0, failed: 0, durationMs: Math.round(performance.now() - started) })
      // The limit counts from when the checks start, not from the worker's start-up (as in the CLI).
      const startClock = (limitMs = this.timeoutMs): void => {
        clearTimeout(timer)
        timer = setTimeout(() => finish({
          ...none(),
          verdict: 'timeout',
          message: stoppedMessage(this.timeoutMs),
          location: { file: `exercises/${id}/exercise.ts` },
        }), limitMs)
      }
      worker.onmessage = ({ data }) => {
        const message = data as WorkerMessage
        if (message.type === 'ready')
          startClock()
        else if (message.type === 'loading') // the exercise's own modules (exercise-modules.ts): start-up too
          startClock(STARTUP_LIMIT_MS + this.timeoutMs)
        else if (message.type === 'result')
          finish(message.result)
      }
      // A worker still loading gets a generous start-up limit of its own on top.
      startClock(next.ready ? this.timeoutMs : STARTUP_LIMIT_MS + this.timeoutMs)
      worker.onerror = event => finish({ ...none(), verdict: 'error', message: `The checks could not start: ${event.message ?? 'the worker failed'}` })
      worker.postMessage({ id, code })
    })
  }

  dispose(): void {
    this.spare?.worker.terminate()
    this.spare = undefined
  }
}
