import type { CheckResult } from '../../../workshop/tracks/types'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { workshopPaths } from '../../../workshop/paths'
import { formatResult } from '../../../workshop/report'
import { Session } from '../../../workshop/session'
import { runCli } from './cli-harness'

// Python exercises on a machine without the venv: the runner says how to set it up, once.

const root = mkdtempSync(join(tmpdir(), 'workshop-py-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const ids = ['04-py-one', '05-py-two']
mkdirSync(join(root, 'exercises'))
for (const id of ids) {
  mkdirSync(join(root, 'exercises', id))
  for (const file of ['starter.py', 'test_exercise.py', 'README.md'])
    writeFileSync(join(root, 'exercises', id, file), file === 'starter.py' ? '# TODO: write it\n' : '\n')
  mkdirSync(join(root, 'solutions', id), { recursive: true })
  writeFileSync(join(root, 'solutions', id, 'solution.py'), '\n')
}
writeFileSync(join(root, 'exercises/manifest.json'), JSON.stringify({
  exercises: ids.map(id => ({ id, title: `Python ${id}`, track: 'py', slide: 'training-step', hints: [] })),
}))
const noPython = { WORKSHOP_PYTHON: join(root, 'no-venv/bin/python') }

describe.concurrent('without the Python environment', () => {
  it('check says how to set it up (exit 1)', async () => {
    const { code, stdout } = await runCli(root, ['check', '04-py-one'], noPython)
    expect(code).toBe(1)
    expect(stdout).toContain('04-py-one cannot be checked here')
    expect(stdout).toContain('npm run setup:python')
  })

  it('verify fails, naming the exercises, with the advice printed once', async () => {
    const { code, stdout } = await runCli(root, ['verify'], noPython)
    expect(code).toBe(1)
    expect(stdout).toMatch(/✗ 04-py-one\s+cannot be verified/)
    expect(stdout).toMatch(/✗ 05-py-two\s+cannot be verified/)
    expect(stdout.match(/npm run setup:python/g)).toHaveLength(1)
    expect(stdout).toContain('--allow-missing-python')
  })

  it('verify --allow-missing-python skips them with a note (exit 0)', async () => {
    const { code, stdout } = await runCli(root, ['verify', '--allow-missing-python'], noPython)
    expect(code).toBe(0)
    expect(stdout).toMatch(/- 04-py-one\s+skipped/)
    expect(stdout).toContain('2 skipped')
    expect(stdout).toContain('npm run setup:python')
  })
})

it('gives the full advice once per session, then only the command', () => {
  const session = new Session(1000, workshopPaths(root))
  const [one, two] = session.exercises
  const missing: CheckResult = { verdict: 'env-missing', message: 'No Python here.', passed: 0, failed: 0, durationMs: 0 }
  const first = formatResult(session, one, missing)
  expect(first).toContain('No Python here.')
  expect(first).toContain('npm run setup:python')
  const second = formatResult(session, two, missing)
  expect(second).not.toContain('No Python here.')
  expect(second).toContain('see above')
})
