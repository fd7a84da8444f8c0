// What the built deck is made from, as one hash: `npm run build` records it in dist/, and
// `npm run present` rebuilds only when the sources no longer match (a build takes minutes on a laptop).
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { DIST_DIR, ROOT } from './paths'

/**
 * Everything `slidev build` reads: the slides and what they import (components, demos, the engine,
 * charts, data, snippets), styles and setup, static files, the exercise manifest behind the cards, and
 * the lock file (a dependency update changes the output too).
 */
export const DECK_SOURCES = [
  'slides.md',
  'pages',
  'components',
  'layouts',
  'setup',
  'styles',
  'public',
  'data',
  'snippets',
  'demos',
  'engine',
  'charts',
  'kit',
  'slide-top.vue',
  'slide-bottom.vue',
  'global-bottom.vue',
  'vite.config.ts',
  'uno.config.ts',
  'package-lock.json',
  'exercises/manifest.json',
  'notebooks/colab.json',
]

/** Where a build records the hash of the sources it was made from. */
export const BUILD_STAMP = join(DIST_DIR, '.deck-sources')

function files(path: string): string[] {
  if (!existsSync(path))
    return []
  if (!statSync(path).isDirectory())
    return [path]
  return readdirSync(path).sort().flatMap(name => files(join(path, name)))
}

/** A hash of the deck's sources under `root`: names and contents, in a fixed order. */
export function deckSourcesHash(root = ROOT): string {
  const hash = createHash('sha256')
  for (const file of DECK_SOURCES.flatMap(p => files(join(root, p)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

/** Whether dist/ holds a build of the sources as they are now. */
export function buildIsCurrent(root = ROOT, stamp = BUILD_STAMP): boolean {
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === deckSourcesHash(root)
}
