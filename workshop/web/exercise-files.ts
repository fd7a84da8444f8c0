import type { Exercise } from '../tracks/types'
import manifest from '../../exercises/manifest.json'
import { runsInBrowser } from './browser-exercises'

// The exercises as the workshop page sees them: the manifest's TypeScript entries with their starter
// and README, bundled as text (the page works offline, from the built deck).

const starters = import.meta.glob<string>('../../exercises/*/starter.ts', { query: '?raw', import: 'default', eager: true })
const readmes = import.meta.glob<string>('../../exercises/*/README.md', { query: '?raw', import: 'default', eager: true })

export interface PageExercise extends Exercise {
  starter: string
  readme: string
  /** False for a TypeScript exercise only the CLI can check (browser-exercises.ts says why). */
  inBrowser: boolean
}

export const exercises: PageExercise[] = (manifest.exercises as Exercise[])
  .filter(e => e.track === 'ts')
  .map(e => ({
    ...e,
    starter: starters[`../../exercises/${e.id}/starter.ts`] ?? '',
    readme: readmes[`../../exercises/${e.id}/README.md`] ?? '',
    inBrowser: runsInBrowser(e.id, e.track),
  }))
