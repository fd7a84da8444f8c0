import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { myWorkFiles } from '../../../../workshop/web/my-work'
import { WorkStore } from '../../../../workshop/web/work-store'
import { crc32, zip } from '../../../../workshop/web/zip'

// The browser keeps the learner's work in the CLI's shapes, and "download my work" unzips into the
// CLI's layout: exercises/<id>/exercise.ts, .workshop-backups/<id>/…, .workshop-state.json.

function memory(): Storage {
  const map = new Map<string, string>()
  return { getItem: k => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) } as Storage
}

let dir: string | undefined
afterEach(() => {
  if (dir)
    rmSync(dir, { recursive: true, force: true })
})

describe('workStore', () => {
  it('keeps the replaced code on reset and brings it back on restore', () => {
    const store = new WorkStore(memory())
    expect(store.reset('01-a', 'starter')).toBeUndefined() // nothing of the learner's yet
    store.saveCode('01-a', 'mine')
    const kept = store.reset('01-a', 'starter', new Date('2026-12-03T10:00:00.000Z'))
    expect(kept).toEqual({ at: '2026-12-03T10:00:00.000Z', code: 'mine' })
    expect(store.code('01-a')).toBe('starter')
    expect(store.restore('01-a', 'starter')).toBe('mine')
    expect(store.code('01-a')).toBe('mine')
    expect(store.backups('01-a')).toEqual([]) // the starter it replaced needs no keeping
  })

  it('records progress as the CLI does: done follows the last check, solvedAt stays', () => {
    const store = new WorkStore(memory())
    store.recordCheck('01-a', true, new Date('2026-12-03T10:00:00.000Z'))
    store.recordCheck('01-a', false)
    store.updateProgress('01-a', { hintsShown: 2 })
    expect(store.state()).toEqual({ version: 1, current: '01-a', exercises: { '01-a': { done: false, hintsShown: 2, solvedAt: '2026-12-03T10:00:00.000Z' } } })
  })
})

describe('download my work', () => {
  it('is a zip that unzip reads, in the CLI\'s layout', () => {
    const store = new WorkStore(memory())
    store.saveCode('01-a', 'first try')
    store.reset('01-a', 'starter', new Date('2026-12-03T10:00:00.000Z'))
    store.saveCode('01-a', 'export const x = 1\n')
    store.recordCheck('01-a', true)
    const files = myWorkFiles(store, ['01-a', '02-b'])
    expect(Object.keys(files).sort()).toEqual(['.workshop-backups/01-a/2026-12-03T10-00-00-000Z-exercise.ts', '.workshop-state.json', 'exercises/01-a/exercise.ts'])

    dir = mkdtempSync(join(tmpdir(), 'my-work-'))
    writeFileSync(join(dir, 'work.zip'), zip(files))
    execFileSync('python3', ['-m', 'zipfile', '-e', 'work.zip', 'out'], { cwd: dir })
    expect(readFileSync(join(dir, 'out/exercises/01-a/exercise.ts'), 'utf8')).toBe('export const x = 1\n')
    expect(readFileSync(join(dir, 'out/.workshop-backups/01-a/2026-12-03T10-00-00-000Z-exercise.ts'), 'utf8')).toBe('first try')
    expect(JSON.parse(readFileSync(join(dir, 'out/.workshop-state.json'), 'utf8')).exercises['01-a'].done).toBe(true)
  })

  it('checksums with the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926')
  })
})
