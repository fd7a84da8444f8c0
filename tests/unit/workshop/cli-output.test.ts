import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { visibleLength } from '../../../workshop/screen'
import { freshRoots, kitRoot, runCli } from './cli-harness'

// The runner's output where it goes: a reader that closes early, a narrow terminal.

const fresh = freshRoots()

it('ends quietly when its reader goes away (`| head`), without an EPIPE stack trace', { timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(kitRoot, 'workshop/cli.ts'), 'list'], {
    cwd: kitRoot,
    env: { ...process.env, WORKSHOP_ROOT: fresh(), NO_COLOR: '1' },
  })
  child.stdout.destroy() // the reader is gone before the runner writes its first line
  let stderr = ''
  child.stderr.on('data', (chunk: unknown) => (stderr += String(chunk)))
  const code = await new Promise(done => child.on('close', done))
  expect(stderr).not.toMatch(/EPIPE|Error|at /)
  expect(code).toBe(0)
})

it('wraps a verdict on words to the terminal width (COLUMNS)', { timeout: 60_000 }, async () => {
  const { stdout } = await runCli(fresh(), ['check', '01'], { COLUMNS: '32' })
  const lines = stdout.trimEnd().split('\n')
  expect(lines.length).toBeGreaterThan(3)
  for (const line of lines)
    expect(visibleLength(line) <= 32 || !line.trim().includes(' ')).toBe(true)
  expect(stdout).toContain('expected 5, got -1')
})
