import { copyFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { freshRoots, WatchSession } from './cli-harness'

// Watch mode, driven through stdin (WORKSHOP_KEYS_FROM_STDIN=1) instead of a terminal: one session
// walks through saves, a syntax error, an endless loop, hints, next, reset and quit.

const root = freshRoots()()

it('re-checks on save, survives bad code, and answers keys', { timeout: 120_000 }, async () => {
  const file = (id: string): string => join(root, `exercises/${id}/exercise.ts`)
  const watch = new WatchSession(root, ['--timeout', '4'])
  try {
    // Opens at the first unsolved exercise with progress, the file to edit and the slide link.
    const first = await watch.waitFor('quit')
    expect(first).toContain('0/3')
    expect(first).toContain('01-add  Add two numbers')
    expect(first).toContain('Edit:  exercises/01-add/exercise.ts')
    expect(first).toContain('Slide: http://localhost:3030/origins')
    expect(first).toContain('expected 5, got -1')

    writeFileSync(file('01-add'), 'export function add(a: number, b: number): number {\n  return a +\n}\n')
    expect(await watch.waitFor('quit')).toContain('Syntax error in exercises/01-add/exercise.ts:3')

    copyFileSync(join(root, 'solutions/01-add/solution.ts'), file('01-add'))
    const solved = await watch.waitFor('quit')
    expect(solved).toContain('01-add passes')
    expect(solved).toContain('press n for 02-scale')
    expect(solved).toContain('1/3')

    // A hint is drawn into the frame and stays there until the next key.
    watch.press('h')
    expect(await watch.waitFor('quit')).toMatch(/01-add passes[\s\S]*Hint 1\/2 for 01-add/)

    watch.press('n')
    expect(await watch.waitFor('quit')).toContain('02-scale  Scale a vector')

    // An endless loop is stopped, and the next save is checked as usual.
    writeFileSync(file('02-scale'), 'export function scale(v: number[]): number[] {\n  while (true) {}\n  return v\n}\n')
    expect(await watch.waitFor('quit')).toContain('02-scale timed out')
    writeFileSync(file('02-scale'), 'export function scale(v: number[], f: number): number[] {\n  return v.map(x => x * 2 * f / 2)\n}\n')
    expect(await watch.waitFor('quit')).toContain('02-scale passes')

    // The list marks what is done; enter on the current exercise stays there.
    watch.press('l')
    const list = await watch.waitFor('03-count')
    expect(list).toContain('✓ 01-add')
    expect(list).toContain('✓ 02-scale')
    watch.press('\r')
    expect(await watch.waitFor('quit')).toContain('02-scale passes')

    // Reset asks first: anything but y keeps the file; y keeps a backup and restores the starter.
    watch.press('r')
    await watch.waitFor('[y/N]')
    watch.press('x')
    await watch.waitFor('Reset cancelled: nothing changed.')
    watch.press('r')
    await watch.waitFor('[y/N]')
    watch.press('y')
    const reset = await watch.waitFor('quit')
    expect(reset).toContain('exercises/02-scale/exercise.ts is the starter again')
    expect(reset).toContain('02-scale is not solved yet')
    expect(readdirSync(join(root, '.workshop-backups/02-scale'))).toHaveLength(1)

    watch.press('q')
    await watch.waitFor('Bye!')
    expect(await watch.exited).toBe(0)
  }
  finally {
    watch.kill()
  }
})
