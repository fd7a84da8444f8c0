import type { Session } from './session'
import type { CheckResult, Exercise } from './tracks/types'
import pc from 'picocolors'
import { formatResult, header } from './report'
import { exerciseFile } from './workspace'

// What one watch-mode frame shows: the exercise, the verdict, the notices that stay until the
// participant's next action, what to do next, and the keys.

export const KEYS = `${pc.bold('h')} hint · ${pc.bold('n')} next · ${pc.bold('l')} list · ${pc.bold('c')} check all · ${pc.bold('r')} reset · ${pc.bold('q')} quit`

/** The next unsolved exercise after `exercise` (wrapping around), else simply the next one. */
export function nextOf(session: Session, exercise: Exercise): Exercise | undefined {
  const index = session.exercises.indexOf(exercise)
  const after = [...session.exercises.slice(index + 1), ...session.exercises.slice(0, index)]
  return after.find(e => !session.state.get(e.id).done) ?? session.exercises[index + 1]
}

function afterResult(session: Session, exercise: Exercise, result: CheckResult): string {
  if (result.verdict !== 'pass')
    return pc.dim(`Save ${exerciseFile(session.paths, exercise, 'learner').split(/[/\\]/).slice(-2).join('/')} to check again.`)
  if (session.doneCount() === session.exercises.length)
    return pc.green(pc.bold(`🎉 All ${session.exercises.length} exercises pass. Well done!`))
  const next = nextOf(session, exercise)
  return next
    ? `${pc.green(pc.bold('Exercise done!'))} Keep experimenting, or press ${pc.bold('n')} for ${next.id} (${next.title}).`
    : `${pc.green(pc.bold('Exercise done!'))}`
}

export function frame(session: Session, exercise: Exercise, result: CheckResult, notices: string[]): string {
  const parts = [
    header(session, exercise),
    formatResult(session, exercise, result, true),
    ...notices,
    afterResult(session, exercise, result),
    KEYS,
  ]
  return parts.join('\n\n')
}
