// `npm run build`: `slidev build` into dist/, then a note of the sources it was built from, so that
// `npm run present` knows the build is current.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { BUILD_STAMP, deckSourcesHash } from './deck-sources'

/** Builds the deck; returns slidev's exit status. The hash is taken first: a file saved mid-build makes the build stale. */
export function buildDeck(): number {
  const hash = deckSourcesHash()
  const run = spawnSync('npx', ['slidev', 'build'], { stdio: 'inherit' })
  if (run.status === 0)
    writeFileSync(BUILD_STAMP, `${hash}\n`)
  return run.status ?? 1
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exit(buildDeck())
