import type { TrackName } from './types'

// Which files make up an exercise folder, per track. The manifest check uses this without loading the
// track itself (the Python track may be absent), and each track reads its file names from here.
export interface TrackLayout {
  learner: string
  starter: string
  solution: string
  checks: string
}

export const TRACK_LAYOUTS: Record<TrackName, TrackLayout> = {
  ts: { learner: 'exercise.ts', starter: 'starter.ts', solution: 'solution.ts', checks: 'check.test.ts' },
  py: { learner: 'exercise.py', starter: 'starter.py', solution: 'solution.py', checks: 'test_exercise.py' },
}

export const TRACK_NAMES = Object.keys(TRACK_LAYOUTS) as TrackName[]

export function isTrackName(value: unknown): value is TrackName {
  return typeof value === 'string' && value in TRACK_LAYOUTS
}
