import type { TrackContext } from './ts'
import type { CheckResult, Track, TrackName } from './types'
import { TRACK_LAYOUTS } from './layout'
import { createTsTrack } from './ts'

// The track registry: the runner asks for a track by name and never imports one directly.
// The Python track lives in ./py.ts (written separately); if it is absent, py exercises report
// `env-missing` instead of crashing the runner.

export const PYTHON_SETUP_HINT = 'Set it up once with: npm run setup:python'

/** A stand-in when a track cannot be loaded: every check says why, as `env-missing`. */
function unavailableTrack(name: TrackName, reason: string): Track {
  const layout = TRACK_LAYOUTS[name]
  return {
    name,
    learnerFile: layout.learner,
    starterFile: layout.starter,
    solutionFile: layout.solution,
    check: async (): Promise<CheckResult> => ({ verdict: 'env-missing', message: reason, passed: 0, failed: 0, durationMs: 0 }),
    dispose: async () => {},
  }
}

interface PyModule {
  createPyTrack: (context?: TrackContext) => Track
}

async function loadPyTrack(context: TrackContext): Promise<Track> {
  // A variable specifier keeps the type-check from requiring the file before it exists.
  const specifier = './py.js'
  try {
    const module = await import(/* @vite-ignore */ specifier) as Partial<PyModule>
    if (typeof module.createPyTrack !== 'function')
      return unavailableTrack('py', `The Python track (workshop/tracks/py.ts) does not export createPyTrack. ${PYTHON_SETUP_HINT}`)
    return module.createPyTrack(context)
  }
  catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      return unavailableTrack('py', `The Python track is not installed in this checkout (workshop/tracks/py.ts is missing), so Python exercises cannot be checked yet.`)
    throw error
  }
}

export class TrackRegistry {
  private readonly tracks = new Map<TrackName, Promise<Track>>()

  constructor(private readonly context: TrackContext) {}

  get(name: TrackName): Promise<Track> {
    let track = this.tracks.get(name)
    if (!track) {
      track = name === 'ts' ? Promise.resolve(createTsTrack(this.context)) : loadPyTrack(this.context)
      this.tracks.set(name, track)
    }
    return track
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.tracks.values()].map(async track => (await track).dispose()))
  }
}
