import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freshRoots, runCli } from './cli-harness'

// Subcommands that run the exercises' Vitest checks (each spawn costs a Vitest start-up).

const freshRoot = freshRoots()

describe.concurrent('check', () => {
  it('creates the working copy from the starter and reports the failing check as expected vs got', async () => {
    const root = freshRoot()
    const { code, stdout } = await runCli(root, ['check', '01-add'])
    expect(code).toBe(1)
    expect(stdout).toContain('Check "adds two numbers" failed: expected 5, got -1')
    expect(stdout).not.toMatch(/node_modules|\bat .*:\d+:\d+\)/) // no stack trace
    expect(readFileSync(join(root, 'exercises/01-add/exercise.ts'), 'utf8')).toContain('TODO:')
  })

  it('passes a solved exercise, records it, then unlocks the solution', async () => {
    const root = freshRoot()
    copyFileSync(join(root, 'solutions/02-scale/solution.ts'), join(root, 'exercises/02-scale/exercise.ts'))
    const { code, stdout } = await runCli(root, ['check', '02-scale'])
    expect(code).toBe(0)
    expect(stdout).toContain('02-scale passes')
    expect(stdout).toContain('Next: npm run workshop -- check 01-add')
    const solution = await runCli(root, ['solution', '02-scale'])
    expect(solution.code).toBe(0)
    expect(solution.stdout).toContain('v => v * factor')
    expect((await runCli(root, ['list'])).stdout).toMatch(/done\s+02-scale/)
  })

  it('shows a syntax error as file:line and the message', async () => {
    const root = freshRoot()
    writeFileSync(join(root, 'exercises/01-add/exercise.ts'), 'export function add(a: number, b: number): number {\n  return a +\n}\n')
    const { code, stdout } = await runCli(root, ['check', '01-add'])
    expect(code).toBe(1)
    expect(stdout).toContain('Syntax error in exercises/01-add/exercise.ts:3')
    expect(stdout).toMatch(/Unexpected token/i)
  })

  it('stops an endless loop after the time limit and says so', async () => {
    const root = freshRoot()
    writeFileSync(join(root, 'exercises/03-count/exercise.ts'), 'export function countDown(n: number): number[] {\n  const s: number[] = []\n  while (n > 0) s.push(n)\n  return s\n}\n')
    // What a check costs on this machine right now (start-up included): the endless loop may cost the
    // limit on top of it, not much more. A fixed bound would measure the machine's load instead.
    let started = Date.now()
    await runCli(root, ['check', '01-add'])
    const baseline = Date.now() - started
    started = Date.now()
    const { code, stdout } = await runCli(root, ['check', '03-count', '--timeout', '4'])
    expect(code).toBe(1)
    expect(stdout).toContain('03-count timed out')
    expect(stdout).toContain('Stopped after 4 s')
    expect(Date.now() - started).toBeLessThan(baseline * 1.5 + 4_000 + 5_000)
  })
})

describe.concurrent('verify', () => {
  it('passes when every starter fails and every solution passes', async () => {
    const { code, stdout } = await runCli(freshRoot(), ['verify'])
    expect(code).toBe(0)
    for (const id of ['01-add', '02-scale', '03-count'])
      expect(stdout).toMatch(new RegExp(`✓ ${id}\\s+starter fails`))
    expect(stdout.trim().split('\n').at(-1)).toBe('3 passed, 0 failed')
  })

  it('fails when a starter already passes or a solution fails, naming them', async () => {
    const root = freshRoot()
    copyFileSync(join(root, 'solutions/01-add/solution.ts'), join(root, 'exercises/01-add/starter.ts'))
    writeFileSync(join(root, 'solutions/02-scale/solution.ts'), 'export function scale(values: number[]): number[] {\n  return values\n}\n')
    // The participant's copy is never what verify checks.
    writeFileSync(join(root, 'exercises/03-count/exercise.ts'), 'this is not code')
    const { code, stdout } = await runCli(root, ['verify'])
    expect(code).toBe(1)
    expect(stdout).toMatch(/✗ 01-add\s+the untouched starter PASSES its checks/)
    expect(stdout).toMatch(/✗ 02-scale\s+the solution does not pass/)
    expect(stdout).toMatch(/✓ 03-count/)
    expect(stdout).toContain('1 passed, 2 failed')
  })
})
