// `npm run present`: the deck as it will be on stage. Builds only if the sources changed since the
// last build, then serves dist/ (the presenter view included) and prints the two addresses.
import { buildIfStale } from './build'
import { BUILD_STAMP } from './deck-sources'
import { serveDist } from './serve-dist'

async function main(): Promise<void> {
  // The end-to-end test points this at a stamp of its own, so it never rebuilds the dist/ other tests read.
  const stamp = process.env.PRESENT_BUILD_STAMP ?? BUILD_STAMP
  const build = buildIfStale('present', stamp)
  if (build === 'failed')
    throw new Error('the build failed (see above); fix it, or present from `npm run dev`')
  if (build === 'current')
    console.log('present: the build in dist/ is current')
  const { url } = await serveDist(undefined, Number(process.env.PORT ?? 3030))
  console.log(`present: the deck      ${url}/`)
  console.log(`present: presenter     ${url}/presenter/`)
  console.log('present: Ctrl+C to stop')
}

main().catch((error: Error) => {
  console.error(`✖ present: ${error.message}`)
  process.exit(1)
})
