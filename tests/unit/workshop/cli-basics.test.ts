import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freshRoots, runCli } from './cli-harness'

// Subcommands that never run an exercise's checks: quick, so they can be thorough.

// Each test gets its own copy of the fixture, so they can run side by side (each spawns the CLI).
const freshRoot = freshRoots()

function editManifest(root: string, edit: (exercises: Record<string, unknown>[]) => void): void {
  const file = join(root, 'exercises/manifest.json')
  const data = JSON.parse(readFileSync(file, 'utf8')) as { exercises: Record<string, unknown>[] }
  edit(data.exercises)
  writeFileSync(file, JSON.stringify(data))
}

describe.concurrent('workshop CLI without running checks', () => {
  it('lists every exercise as todo with its track and title', async () => {
    const root = freshRoot()
    const { code, stdout } = await runCli(root, ['list'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/todo\s+01-add\s+ts\s+Add two numbers/)
    expect(stdout).toMatch(/todo\s+03-count\s+ts\s+Count down/)
    expect(stdout).toContain('0/3')
  })

  it('names an unknown id, suggests the close one and lists the valid ids (exit 2)', async () => {
    const root = freshRoot()
    const { code, stderr } = await runCli(root, ['hint', '01-ad'])
    expect(code).toBe(2)
    expect(stderr).toContain('unknown exercise \'01-ad\'')
    expect(stderr).toContain('Did you mean \'01-add\'?')
    expect(stderr).toContain('01-add, 02-scale, 03-count')
  })

  it('accepts an exercise number for an id', async () => {
    const root = freshRoot()
    const { code, stdout } = await runCli(root, ['hint', '2'])
    expect(code).toBe(0)
    expect(stdout).toContain('Hint 1/2 for 02-scale: Map over the values.')
  })

  it('shows the next hint each time and remembers it', async () => {
    const root = freshRoot()
    expect((await runCli(root, ['hint', '01-add'])).stdout).toContain('Hint 1/2 for 01-add: Look at the operator you return.')
    expect((await runCli(root, ['hint', '01-add'])).stdout).toContain('Hint 2/2 for 01-add: Return a + b.')
    const third = await runCli(root, ['hint', '01-add'])
    expect(third.stdout).toContain('Hint 2/2')
    expect(third.stdout).toContain('last hint')
    const state = JSON.parse(readFileSync(join(root, '.workshop-state.json'), 'utf8'))
    expect(state.exercises['01-add'].hintsShown).toBe(2)
  })

  it('refuses the solution before the exercise is solved, and shows it with --force', async () => {
    const root = freshRoot()
    const refused = await runCli(root, ['solution', '01-add'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('opens once your exercise passes')
    expect(refused.stdout).not.toContain('return a + b')
    const forced = await runCli(root, ['solution', '01-add', '--force'])
    expect(forced.code).toBe(0)
    expect(forced.stdout).toContain('return a + b')
  })

  it('reset keeps the participant\'s file as a timestamped backup and restores the starter', async () => {
    const root = freshRoot()
    const learner = join(root, 'exercises/01-add/exercise.ts')
    writeFileSync(learner, '// my precious work\n')
    const { code, stdout } = await runCli(root, ['reset', '01-add', '--yes'])
    expect(code).toBe(0)
    expect(readFileSync(learner, 'utf8')).toBe(readFileSync(join(root, 'exercises/01-add/starter.ts'), 'utf8'))
    const backups = readdirSync(join(root, '.workshop-backups/01-add'))
    expect(backups).toHaveLength(1)
    expect(backups[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-exercise\.ts$/)
    expect(readFileSync(join(root, '.workshop-backups/01-add', backups[0]), 'utf8')).toBe('// my precious work\n')
    expect(stdout).toContain(`.workshop-backups/01-add/${backups[0]}`)
  })

  it('reset asks first: without a terminal and without --yes it changes nothing (exit 2)', async () => {
    const root = freshRoot()
    const learner = join(root, 'exercises/01-add/exercise.ts')
    writeFileSync(learner, '// keep me\n')
    const { code, stderr } = await runCli(root, ['reset', '01-add'])
    expect(code).toBe(2)
    expect(stderr).toContain('--yes')
    expect(readFileSync(learner, 'utf8')).toBe('// keep me\n')
    expect(existsSync(join(root, '.workshop-backups'))).toBe(false)
  })

  it('watch mode without a terminal explains the subcommands instead of hanging', async () => {
    const root = freshRoot()
    const { code, stdout } = await runCli(root, [])
    expect(code).toBe(0)
    expect(stdout).toContain('needs an interactive terminal')
    expect(stdout).toContain('check 01-add')
  })

  it('rejects a bad --timeout and an unknown command (exit 2)', async () => {
    const root = freshRoot()
    const timeout = await runCli(root, ['check', '01-add', '--timeout', 'soon'])
    expect(timeout.code).toBe(2)
    expect(timeout.stderr).toContain('--timeout')
    const command = await runCli(root, ['frobnicate'])
    expect(command.code).toBe(2)
    expect(command.stderr).toContain('unknown command \'frobnicate\'')
  })
})

describe.concurrent('manifest against folders', () => {
  it('names a folder missing from the manifest and an id without a folder', async () => {
    const root = freshRoot()
    mkdirSync(join(root, 'exercises/04-extra'))
    rmSync(join(root, 'exercises/02-scale'), { recursive: true })
    const { code, stderr } = await runCli(root, ['list'])
    expect(code).toBe(2)
    expect(stderr).toContain('folder(s) not in the manifest: 04-extra')
    expect(stderr).toContain('manifest id(s) without a folder: 02-scale')
  })

  it('names duplicate ids, unknown tracks and missing exercise files', async () => {
    const root = freshRoot()
    editManifest(root, (exercises) => {
      exercises.push({ ...exercises[0] })
      exercises[1].track = 'rust'
    })
    rmSync(join(root, 'solutions/03-count/solution.ts'))
    const { code, stderr } = await runCli(root, ['list'])
    expect(code).toBe(2)
    expect(stderr).toContain('duplicate id \'01-add\'')
    expect(stderr).toContain('\'02-scale\': unknown track "rust"')
    expect(stderr).toContain('\'03-count\' is missing solutions/03-count/solution.ts')
  })
})
