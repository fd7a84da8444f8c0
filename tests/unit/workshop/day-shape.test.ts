import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freshRoots, kitRoot, runCli } from './cli-harness'

// The day's shape and the room's setup: the agenda, one track only, hints that build up, the doctor,
// and the offline wheel folder.

const fresh = freshRoots()

describe.concurrent('a day with a shape', () => {
  it('plan prints the agenda: order, minutes, slides and the total per track', async () => {
    const { code, stdout } = await runCli(kitRoot, ['plan'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/ 1\. 01-backward-rules\s+ts\s+15 min {2}Backward rules.*http:\/\/localhost:3030\/define-by-run/)
    expect(stdout).toMatch(/TypeScript \(teaching engine\): \d+ exercises, \d h( \d+ min)?/)
    expect(stdout).toMatch(/Python \(PyTorch \+ TensorFlow\): \d+ exercises/)
    expect(stdout).toContain('Both tracks:')
  })

  it('--track py keeps only the Python exercises; an unknown track is bad input', async () => {
    const py = await runCli(kitRoot, ['plan', '--track', 'py'])
    expect(py.stdout).toContain('07-training-step')
    expect(py.stdout).not.toContain('01-backward-rules')
    expect(py.stdout).not.toContain('Both tracks')
    const bad = await runCli(kitRoot, ['list', '--track', 'rust'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--track takes ts or py, got \'rust\'')
  })

  it('verify wants at least two hints and the minutes for every exercise', async () => {
    const root = fresh()
    const file = join(root, 'exercises/manifest.json')
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { exercises: Record<string, unknown>[] }
    manifest.exercises[0].hints = ['Return a + b.']
    delete manifest.exercises[1].minutes
    writeFileSync(file, JSON.stringify(manifest))
    const { code, stdout } = await runCli(root, ['verify'])
    expect(code).toBe(1)
    expect(stdout).toMatch(/✗ 01-add .*it has 1 hint\(s\); give at least 2/)
    expect(stdout).toMatch(/✗ 02-scale .*no "minutes"/)
  })

  it('the first hint of 07 points at the concept, not at the answer', () => {
    const manifest = JSON.parse(readFileSync(join(kitRoot, 'exercises/manifest.json'), 'utf8')) as { exercises: { id: string, hints: string[] }[] }
    const hints = manifest.exercises.find(e => e.id === '07-training-step')!.hints
    expect(hints[0]).not.toMatch(/zero_grad|backward\(\)|\.step\(\)|GradientTape/)
    expect(hints.at(-1)).toMatch(/tape\.gradient|apply_gradients/)
  })
})

describe.concurrent('room setup', () => {
  it('doctor checks the machine and says what to fix (the Python track is optional)', async () => {
    const { code, stdout } = await runCli(fresh(), ['doctor'], { WORKSHOP_PYTHON: join(tmpdir(), 'no-venv', 'bin', 'python') })
    expect(code).toBe(0)
    expect(stdout).toMatch(/✓ Node \d+\.\d+/)
    expect(stdout).toContain('✓ 3 exercises in exercises/manifest.json')
    expect(stdout).toMatch(/! the Python environment \(\.venv\)[^\n]*\n\s+→ .*npm run setup:python/)
    expect(stdout).toMatch(/GB free/)
    expect(stdout).toContain('Ready for the TypeScript track')
  })

  it('setup:python --from refuses a folder without wheels, saying how to make one', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-wheels-'))
    const run = spawnSync(process.execPath, [join(kitRoot, 'scripts/setup-python.mjs'), '--from', empty], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`${empty} holds no wheels (*.whl). A facilitator makes it with: npm run setup:python -- --download ${empty}`)
  })
})
