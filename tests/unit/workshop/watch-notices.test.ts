import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { freshRoots, WatchSession } from './cli-harness'

// Notices belong to the frame they explain: where a backup went, that a deleted file was recreated.
// They are drawn with the verdict that follows, not before it (where the redraw would scroll them away).

const root = freshRoots()()

it('keeps the backup path and the "recreated" notice in the frame, and loses no work', { timeout: 60_000 }, async () => {
  const file = join(root, 'exercises/01-add/exercise.ts')
  const watch = new WatchSession(root)
  try {
    await watch.waitFor('quit')
    const mine = 'export function add(a: number, b: number): number {\n  return a * b // my attempt\n}\n'
    writeFileSync(file, mine)
    await watch.waitFor('quit')

    watch.press('r')
    await watch.waitFor('[y/N]')
    watch.press('y')
    const reset = await watch.waitFor('quit')
    expect(reset).toMatch(/01-add is not solved yet[\s\S]*Your previous file is kept at \.workshop-backups\/01-add\/[^\n]*exercise\.ts[\s\S]*quit$/)

    writeFileSync(file, mine)
    await watch.waitFor('quit')
    unlinkSync(file)
    await watch.waitFor('was deleted')
    const recreated = `was deleted${await watch.waitFor('quit')}`
    expect(recreated).toMatch(/^was deleted: it is recreated from the starter\. Your last version is kept at \.workshop-backups\/01-add\/[\s\S]*quit$/)
    const backups = readdirSync(join(root, '.workshop-backups/01-add'))
    expect(backups).toHaveLength(2)
    expect(backups.map(b => readFileSync(join(root, '.workshop-backups/01-add', b), 'utf8'))).toEqual([mine, mine])
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(root, 'exercises/01-add/starter.ts'), 'utf8'))

    watch.press('q')
    await watch.waitFor('Bye!')
  }
  finally {
    watch.kill()
  }
})
