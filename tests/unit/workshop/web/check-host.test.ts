import type { WorkerLike } from '../../../../workshop/web/check-host'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CheckHost } from '../../../../workshop/web/check-host'

// The page's side of a check: the time limit stops the worker (an endless loop never blocks the page),
// and every check runs in a worker of its own, the next one started ahead.

class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null
  onerror: WorkerLike['onerror'] = null
  terminated = false
  posted: unknown[] = []
  postMessage(message: unknown): void {
    this.posted.push(message)
  }

  terminate(): void {
    this.terminated = true
  }

  send(data: unknown): void {
    this.onmessage?.({ data })
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('checkHost', () => {
  it('stops a worker that does not answer within the time limit, with the CLI\'s words', async () => {
    vi.useFakeTimers()
    const workers: FakeWorker[] = []
    const host = new CheckHost(() => workers[workers.push(new FakeWorker()) - 1], 2000)
    host.warm()
    workers[0].send({ type: 'ready' })
    const verdict = host.check('01-backward-rules', 'while (true) {}')
    await vi.advanceTimersByTimeAsync(1999)
    expect(workers[0].terminated).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const result = await verdict
    expect(result.verdict).toBe('timeout')
    expect(result.message).toBe('Stopped after 2 s: the checks did not finish. Is there an endless loop?')
    expect(workers[0].terminated).toBe(true)
    expect(workers).toHaveLength(2) // the next check's worker is already starting
  })

  it('counts the limit from when the worker has loaded, not from its start-up', async () => {
    vi.useFakeTimers()
    const worker = new FakeWorker()
    const host = new CheckHost(() => worker, 1000)
    const verdict = host.check('02-backward-pass', 'export {}')
    await vi.advanceTimersByTimeAsync(5000) // still loading: not the learner's fault
    expect(worker.terminated).toBe(false)
    worker.send({ type: 'ready' })
    await vi.advanceTimersByTimeAsync(1000)
    expect((await verdict).verdict).toBe('timeout')
  })

  it('passes the worker\'s verdict on and retires that worker', async () => {
    const worker = new FakeWorker()
    const host = new CheckHost(() => worker)
    const verdict = host.check('03-session-run', 'code')
    expect(worker.posted).toEqual([{ id: '03-session-run', code: 'code' }])
    worker.send({ type: 'ready' })
    worker.send({ type: 'result', result: { verdict: 'pass', message: 'All 5 checks passed.', passed: 5, failed: 0, durationMs: 3 } })
    expect((await verdict).message).toBe('All 5 checks passed.')
    expect(worker.terminated).toBe(true)
  })
})
