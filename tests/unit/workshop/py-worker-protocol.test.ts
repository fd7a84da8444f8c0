import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { expect, it } from 'vitest'
import { kitRoot } from '../../../workshop/paths'

// The worker's own protocol, spoken directly: a request it cannot read is answered, and the same
// worker then runs the next good request (one bad line used to kill it).

const python = join(kitRoot, '.venv', 'bin', 'python')

it.skipIf(!existsSync(python))('answers a malformed request with an error and stays up', { timeout: 180_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'py-protocol-'))
  const dir = join(root, 'exercises', '90-probe')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'test_exercise.py'), 'def test_one():\n    """one"""\n    assert True\n')
  writeFileSync(join(dir, 'exercise.py'), '')
  const child = spawn(python, [join(kitRoot, 'workshop', 'py', 'worker.py')], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] })
  try {
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
    const next = async (): Promise<Record<string, unknown>> => JSON.parse((await lines.next()).value as string)
    expect(await next()).toMatchObject({ type: 'ready' })
    child.stdin.write('this is not json\n')
    expect(await next()).toMatchObject({ id: null, verdict: 'error', message: expect.stringContaining('could not read this request: not JSON') })
    child.stdin.write('{"id": 7, "root": 3}\n')
    expect(await next()).toMatchObject({ id: 7, verdict: 'error', message: expect.stringContaining('"root" is missing or not a string') })
    child.stdin.write(`${JSON.stringify({ id: 8, root, dir, subject: 'exercise', timeoutMs: 30_000 })}\n`)
    expect(await next()).toMatchObject({ type: 'started', id: 8 })
    expect(await next()).toMatchObject({ id: 8, verdict: 'pass' })
  }
  finally {
    child.kill('SIGKILL')
    rmSync(root, { recursive: true, force: true })
  }
})
