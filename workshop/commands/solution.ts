import type { Session } from '../session'
import { readFileSync } from 'node:fs'
import pc from 'picocolors'
import { shown } from '../paths'
import { resolveExercise } from '../resolve-id'
import { exerciseFile } from '../workspace'

/** The reference solution, only once the exercise has passed (or with --force). */
export function solutionCommand(session: Session, input: string, force: boolean): number {
  const exercise = resolveExercise(input, session.exercises)
  if (!force && !session.state.get(exercise.id).solvedAt) {
    console.error([
      `The solution of ${exercise.id} opens once your exercise passes: npm run workshop -- check ${exercise.id}`,
      `Stuck? Try a hint first: npm run workshop -- hint ${exercise.id}`,
      `(Facilitators: add --force to see it anyway.)`,
    ].join('\n'))
    return 1
  }
  const file = exerciseFile(session.paths, exercise, 'solution')
  console.log(pc.dim(`── ${shown(session.paths, file)} ──`))
  console.log(readFileSync(file, 'utf8').trimEnd())
  return 0
}
