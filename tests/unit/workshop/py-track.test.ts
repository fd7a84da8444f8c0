import type { Exercise, Subject } from '../../../workshop/tracks/types'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kitRoot } from '../../../workshop/paths'
import { createPyTrack } from '../../../workshop/tracks/py'

// The Python track end to end: a real warm worker (torch + tensorflow imported once) checking a tiny
// exercise and a copy of one real exercise in a scratch workshop root.

const hasVenv = existsSync(join(kitRoot, '.venv', 'bin', 'python'))
const WARM = 180_000 // the first check imports torch and tensorflow: ~10 s, more on a busy machine

const probe: Exercise = { id: '90-probe', title: 'probe', track: 'py', slide: 'x', hints: [] }
const state: Exercise = { id: '91-state', title: 'framework state', track: 'py', slide: 'x', hints: [] }
const real: Exercise = { id: '08-zero-grad', title: 'zero_grad', track: 'py', slide: 'training-step', hints: [] }

function scratchRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'py-track-'))
  const folder = join(root, 'exercises', probe.id)
  mkdirSync(folder, { recursive: true })
  copyFileSync(join(kitRoot, 'exercises', 'conftest.py'), join(root, 'exercises', 'conftest.py'))
  // One real exercise too, so a single worker (one import of the frameworks) serves every test.
  cpSync(join(kitRoot, 'exercises', real.id), join(root, 'exercises', real.id), { recursive: true, filter: src => !['exercise.py', '__pycache__'].includes(basename(src)) })
  cpSync(join(kitRoot, 'solutions', real.id), join(root, 'solutions', real.id), { recursive: true })
  writeFileSync(join(folder, 'test_exercise.py'), [
    'def test_adds(subject):',
    '    """add adds two numbers"""',
    '    got = subject.add(2, 3)',
    '    assert got == 5, f"expected add(2, 3) to be 5, but got {got}"',
    '',
  ].join('\n'))
  writeFileSync(join(folder, 'starter.py'), 'def add(a, b):\n    # TODO: add the two numbers\n    return 0\n')
  // A learner's file that switches global framework modes off once its check has looked at them.
  const stateFolder = join(root, 'exercises', state.id)
  mkdirSync(stateFolder)
  writeFileSync(join(stateFolder, 'test_exercise.py'), [
    'import tensorflow as tf',
    'import torch',
    '',
    'def test_fresh(subject):',
    '    """the frameworks start in their default modes"""',
    '    assert torch.get_default_dtype() == torch.float32, f"default dtype is {torch.get_default_dtype()}"',
    '    assert torch.is_grad_enabled(), "grad mode is off"',
    '    assert tf.executing_eagerly(), "eager execution is off"',
    '    subject.change_modes()',
    '',
  ].join('\n'))
  mkdirSync(join(root, 'solutions', state.id), { recursive: true })
  writeFileSync(join(root, 'solutions', state.id, 'solution.py'), [
    'import tensorflow as tf',
    'import torch',
    '',
    'def change_modes():',
    '    torch.set_default_dtype(torch.float64)',
    '    torch.set_grad_enabled(False)',
    '    tf.compat.v1.disable_eager_execution()',
    '',
  ].join('\n'))
  mkdirSync(join(root, 'solutions', probe.id), { recursive: true })
  writeFileSync(join(root, 'solutions', probe.id, 'solution.py'), 'def add(a, b):\n    return a + b\n')
  return root
}

describe('python track without a Python environment', () => {
  it('says how to set it up', async () => {
    const track = createPyTrack({ root: kitRoot }, { python: join(tmpdir(), 'no-such-venv', 'bin', 'python') })
    const result = await track.check(probe, { subject: 'solution', timeoutMs: 5000 })
    expect(result.verdict).toBe('env-missing')
    expect(result.message).toContain('npm run setup:python')
    await track.dispose()
  })
})

describe.skipIf(!hasVenv)('python track with the warm worker (skipped: no .venv — run `npm run setup:python`)', () => {
  let root: string
  let scratchTrack: ReturnType<typeof createPyTrack>
  const check = (exercise: Exercise, subject: Subject): ReturnType<typeof scratchTrack.check> => scratchTrack.check(exercise, { subject, timeoutMs: 30_000 })
  const learner = (source: string): void => writeFileSync(join(root, 'exercises', probe.id, 'exercise.py'), source)

  beforeAll(() => {
    root = scratchRoot()
    scratchTrack = createPyTrack({ root })
  })
  afterAll(async () => {
    await scratchTrack.dispose()
    rmSync(root, { recursive: true, force: true })
  })

  it('passes a solution and reuses the worker for the next check, faster', async () => {
    let started = Date.now()
    const first = await scratchTrack.check(probe, { subject: 'solution', timeoutMs: 30_000 })
    const firstMs = Date.now() - started
    const pid = scratchTrack.workerPid()
    expect(first).toMatchObject({ verdict: 'pass', passed: 1, failed: 0 })

    started = Date.now()
    const second = await scratchTrack.check(probe, { subject: 'solution', timeoutMs: 30_000 })
    const secondMs = Date.now() - started
    expect(second.verdict).toBe('pass')
    expect(scratchTrack.workerPid()).toBe(pid)
    expect(secondMs).toBeLessThan(firstMs)
  }, WARM)

  it('fails an untouched starter in plain words, pointing at the check', async () => {
    const result = await scratchTrack.check(probe, { subject: 'starter', timeoutMs: 30_000 })
    expect(result.verdict).toBe('fail')
    expect(result.message).toBe('Check "add adds two numbers" failed: expected add(2, 3) to be 5, but got 0')
    expect(result.location).toEqual({ file: `exercises/${probe.id}/test_exercise.py`, line: 4 })
    expect(result).toMatchObject({ passed: 0, failed: 1 })
  }, WARM)

  it('sees every edit of the learner\'s file, even a quick same-size one', async () => {
    learner('def add(a, b):\n    return a - b\n')
    expect((await scratchTrack.check(probe, { subject: 'exercise', timeoutMs: 30_000 })).verdict).toBe('fail')
    learner('def add(a, b):\n    return a + b\n')
    expect((await scratchTrack.check(probe, { subject: 'exercise', timeoutMs: 30_000 })).verdict).toBe('pass')
  }, WARM)

  it('reports a syntax error with file:line', async () => {
    learner('def add(a, b):\n    return (a + b\n')
    const result = await scratchTrack.check(probe, { subject: 'exercise', timeoutMs: 30_000 })
    expect(result.verdict).toBe('error')
    expect(result.message).toMatch(/^Syntax error in exercises\/90-probe\/exercise\.py:2: /)
    expect(result.location).toEqual({ file: 'exercises/90-probe/exercise.py', line: 2 })
  }, WARM)

  it('reports an error raised while loading the learner\'s file, with its line', async () => {
    learner('import math\nvalue = undefined_name\n\ndef add(a, b):\n    return a + b\n')
    const result = await scratchTrack.check(probe, { subject: 'exercise', timeoutMs: 30_000 })
    expect(result.verdict).toBe('error')
    expect(result.message).toContain('NameError')
    expect(result.location).toEqual({ file: 'exercises/90-probe/exercise.py', line: 2 })
  }, WARM)

  it('checks a real exercise against PyTorch', async () => {
    const solution = await scratchTrack.check(real, { subject: 'solution', timeoutMs: 60_000 })
    expect(solution).toMatchObject({ verdict: 'pass', failed: 0 })
    const starter = await scratchTrack.check(real, { subject: 'starter', timeoutMs: 60_000 })
    expect(starter.verdict).toBe('fail')
    expect(starter.message).toContain('the gradients are being added up')
  }, WARM)

  it('stops an endless loop after the limit, and the same warm worker checks the next save', async () => {
    learner('def add(a, b):\n    while True:\n        pass\n')
    const pid = scratchTrack.workerPid()
    const stopped = await scratchTrack.check(probe, { subject: 'exercise', timeoutMs: 2000 })
    expect(stopped.verdict).toBe('timeout')
    expect(stopped.message).toContain('Stopped after 2 s')
    expect(stopped.location).toEqual({ file: 'exercises/90-probe/exercise.py' })

    learner('def add(a, b):\n    return a + b\n')
    const next = await scratchTrack.check(probe, { subject: 'exercise', timeoutMs: 30_000 })
    expect(next.verdict).toBe('pass')
    // Only the check's child was killed: no new import of torch and tensorflow.
    expect(scratchTrack.workerPid()).toBe(pid)
  }, WARM)

  it('starts every check with fresh framework state (dtype, grad mode, eager execution)', async () => {
    expect((await check(state, 'solution')).verdict).toBe('pass')
    // The first check switched all three off; the next one must not see it.
    expect((await check(state, 'solution')).message).toBe('The check passed.')
  }, WARM)

  it('shows what the learner\'s code printed, labelled by stream', async () => {
    learner('import sys\nprint("loading add")\n\ndef add(a, b):\n    print("adding", a, b)\n    print("careful", file=sys.stderr)\n    return a + b\n')
    const result = await check(probe, 'exercise')
    expect(result.verdict).toBe('pass')
    expect(result.output).toEqual({ stdout: 'loading add\nadding 2 3\n', stderr: 'careful\n' })
  }, WARM)
})
