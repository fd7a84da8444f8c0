import type { Session } from '../session'
import pc from 'picocolors'
import { resolveExercise } from '../resolve-id'
import { say } from '../screen'

/** Reveals the next hint (remembered in the state file); once all are shown, repeats the last. */
export function nextHint(session: Session, input: string): string {
  const exercise = resolveExercise(input, session.exercises)
  const total = exercise.hints.length
  if (!total)
    return `${exercise.id} has no hints. Read exercises/${exercise.id}/README.md and the slide it links.`
  const shownBefore = session.state.get(exercise.id).hintsShown
  const index = Math.min(shownBefore, total - 1)
  session.state.update(exercise.id, { hintsShown: Math.min(shownBefore + 1, total) })
  const more = index + 1 < total
    ? pc.dim('(ask again for the next hint)')
    : pc.dim(`(that was the last hint; the solution opens once the exercise passes, or with: npm run workshop -- solution ${exercise.id} --force)`)
  return `${pc.bold(`Hint ${index + 1}/${total}`)} for ${exercise.id}: ${exercise.hints[index]}\n${more}`
}

export function hintCommand(session: Session, input: string): number {
  say(nextHint(session, input))
  return 0
}
