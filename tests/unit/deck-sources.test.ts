// `npm run present` rebuilds only when the deck's sources changed since the last `npm run build`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildIsCurrent, deckSourcesHash } from '../../scripts/deck-sources'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach(d => rmSync(d, { recursive: true, force: true })))

function deck(): string {
  const root = mkdtempSync(join(tmpdir(), 'deck-sources-'))
  dirs.push(root)
  mkdirSync(join(root, 'pages'))
  mkdirSync(join(root, 'tests'))
  writeFileSync(join(root, 'slides.md'), '# Title\n')
  writeFileSync(join(root, 'pages', 'intro.md'), 'Hello\n')
  writeFileSync(join(root, 'tests', 'a.test.ts'), 'test\n')
  return root
}

describe('deck sources', () => {
  it('a build is current until a source changes, is added or is renamed', () => {
    const root = deck()
    const stamp = join(root, 'stamp')
    expect(buildIsCurrent(root, stamp), 'no build yet').toBe(false)
    writeFileSync(stamp, `${deckSourcesHash(root)}\n`)
    expect(buildIsCurrent(root, stamp)).toBe(true)
    writeFileSync(join(root, 'pages', 'intro.md'), 'Hello, room\n')
    expect(buildIsCurrent(root, stamp), 'after editing a page').toBe(false)
    writeFileSync(stamp, deckSourcesHash(root))
    writeFileSync(join(root, 'pages', 'outro.md'), 'Bye\n')
    expect(buildIsCurrent(root, stamp), 'after adding a page').toBe(false)
  })

  it('files the deck is not built from do not count', () => {
    const root = deck()
    const before = deckSourcesHash(root)
    writeFileSync(join(root, 'tests', 'a.test.ts'), 'changed\n')
    expect(deckSourcesHash(root)).toBe(before)
  })
})
