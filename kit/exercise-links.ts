// What a pointer to a workshop exercise says: its number, language, notebook and browser links. One rule for the
// slide's card (components/ExerciseCard.vue) and the PDF handout (scripts/handout/).
import manifest from '../exercises/manifest.json'
import colab from '../notebooks/colab.json'
import { runsInBrowser } from '../workshop/web/browser-exercises'

export interface ExerciseInfo {
  id: string
  number: number
  title: string
  language: 'Python' | 'TypeScript'
  /** `npm run workshop -- check <number>` */
  command: string
  /** the exercise's README, from the kit's root */
  readme: string
  /** Python exercises are also notebooks (notebooks/<id>.ipynb), opened in Colab from notebooks/colab.json's base */
  colab?: string
  /** TypeScript exercises open in the deck's own workshop page, from the deck's base: nothing to install */
  browser?: string
}

interface ManifestEntry { id: string, title: string, track: string, slide: string }

const entries = (manifest as { exercises: ManifestEntry[] }).exercises

function info(entry: ManifestEntry): ExerciseInfo {
  const number = Number(entry.id.slice(0, 2))
  return {
    id: entry.id,
    number,
    title: entry.title,
    language: entry.track === 'py' ? 'Python' : 'TypeScript',
    command: `npm run workshop -- check ${number}`,
    readme: `exercises/${entry.id}/README.md`,
    colab: entry.track === 'py' ? `${colab.base.replace(/\/$/, '')}/${entry.id}.ipynb` : undefined,
    browser: runsInBrowser(entry.id, entry.track) ? `workshop/${entry.id}` : undefined,
  }
}

/** The exercise with this id, or undefined when the manifest has none (the card shows an error). */
export function exerciseInfo(id: string): ExerciseInfo | undefined {
  const entry = entries.find(e => e.id === id)
  return entry && info(entry)
}

/** The exercises a slide introduces: the manifest entries naming its routeAlias. */
export function exercisesOfSlide(alias: string | undefined): ExerciseInfo[] {
  return alias ? entries.filter(e => e.slide === alias).map(info) : []
}
