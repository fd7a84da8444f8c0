// `npm run present`: the deck as it will be on stage. Builds only if the sources changed since the
// last build, then serves dist/ (the presenter view included) and prints the two addresses.
import { buildDeck } from './build'
import { BUILD_STAMP, buildIsCurrent } from './deck-sources'
import { serveDist } from './serve-dist'

async function main(): Promise<void> {
  // The end-to-end test points this at a stamp of its own, so it never rebuilds the dist/ other tests read.
  const stamp = process.env.PRESENT_BUILD_STAMP ?? BUILD_STAMP
  if (buildIsCurrent(undefined, stamp)) {
    console.log('present: the build in dist/ is current')
  }
  else {
    console.log('present: the sources changed since the last build: building the deck (a few minutes)…')
    if (buildDeck() !== 0)
      throw new Error('the build failed (see above); fix it, or present from `npm run dev`')
  }
  const { url } = await serveDist(undefined, Number(process.env.PORT ?? 3030))
  console.log(`present: the deck      ${url}/`)
  console.log(`present: presenter     ${url}/presenter/`)
  console.log('present: Ctrl+C to stop')
}

main().catch((error: Error) => {
  console.error(`✖ present: ${error.message}`)
  process.exit(1)
})
