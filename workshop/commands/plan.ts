import type { Session } from '../session'
import type { Exercise, TrackName } from '../tracks/types'
import pc from 'picocolors'
import { slideLink } from '../report'
import { say } from '../screen'

// `npm run workshop -- plan`: the day as the manifest describes it, for the facilitator's agenda.

const TRACK_TITLES: Record<TrackName, string> = { ts: 'TypeScript (teaching engine)', py: 'Python (PyTorch + TensorFlow)' }

export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`
}

function minutesOf(exercises: Exercise[]): number {
  return exercises.reduce((sum, e) => sum + (e.minutes ?? 0), 0)
}

export function formatPlan(session: Session): string {
  const width = Math.max(...session.exercises.map(e => e.id.length), 2)
  const rows = session.exercises.map((e, i) =>
    `${String(i + 1).padStart(2)}. ${e.id.padEnd(width)}  ${e.track}  ${String(e.minutes ?? '?').padStart(3)} min  ${e.title}  ${pc.dim(slideLink(e))}`)
  const totals = (['ts', 'py'] as const)
    .map(track => ({ track, exercises: session.exercises.filter(e => e.track === track) }))
    .filter(t => t.exercises.length)
    .map(t => `${TRACK_TITLES[t.track]}: ${t.exercises.length} exercises, ${duration(minutesOf(t.exercises))}`)
  const unknown = session.exercises.filter(e => e.minutes === undefined).map(e => e.id)
  return [
    pc.bold(`Workshop plan${session.track ? ` (${session.track} track)` : ''}`),
    '',
    ...rows,
    '',
    ...totals,
    ...(totals.length > 1 ? [`Both tracks: ${duration(minutesOf(session.exercises))}`] : []),
    ...(unknown.length ? [pc.yellow(`No minutes in the manifest for: ${unknown.join(', ')}`)] : []),
  ].join('\n')
}

export function planCommand(session: Session): number {
  say(formatPlan(session))
  return 0
}
