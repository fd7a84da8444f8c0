// `npm run build`: `slidev build` into dist/, then a note of the sources it was built from, so that
// `npm run present` knows the build is current.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { BUILD_STAMP, buildIsCurrent, deckSourcesHash } from './deck-sources'

/** Builds the deck; returns slidev's exit status. The hash is taken first: a file saved mid-build makes the build stale. */
export function buildDeck(): number {
  const hash = deckSourcesHash()
  const run = spawnSync('npx', ['slidev', 'build'], { stdio: 'inherit' })
  if (run.status === 0)
    writeFileSync(BUILD_STAMP, `${hash}\n`)
  return run.status ?? 1
}

/**
 * What `present` and the exports do first: build the deck only if its sources changed since dist/ was
 * built (`stamp`: the note of that build). Says so, prefixed with `who`; 'failed' if the build did.
 */
export function buildIfStale(who: string, stamp = BUILD_STAMP): 'current' | 'built' | 'failed' {
  if (buildIsCurrent(undefined, stamp))
    return 'current'
  console.log(`${who}: the sources changed since the last build: building the deck first…`)
  return buildDeck() === 0 ? 'built' : 'failed'
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exit(buildDeck())
