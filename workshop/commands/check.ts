import type { Session } from '../session'
import pc from 'picocolors'
import { formatResult } from '../report'
import { resolveExercise } from '../resolve-id'
import { say } from '../screen'

export async function checkCommand(session: Session, input: string): Promise<number> {
  const exercise = resolveExercise(input, session.exercises)
  const result = await session.checkLearner(exercise)
  say(formatResult(session, exercise, result))
  if (result.verdict === 'pass') {
    const next = session.firstUnsolved()
    say(next ? `Next: ${pc.cyan(`npm run workshop -- check ${next.id}`)}  (${next.title})` : pc.green('Every exercise passes. Well done!'))
    return 0
  }
  return 1
}
