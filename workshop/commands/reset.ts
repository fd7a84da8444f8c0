import type { Session } from '../session'
import type { Exercise } from '../tracks/types'
import pc from 'picocolors'
import { shown } from '../paths'
import { resolveExercise } from '../resolve-id'
import { resetWorkingCopy } from '../workspace'

/** Restores the starter; the participant's file is kept as a timestamped backup first. */
export function doReset(session: Session, exercise: Exercise): string {
  const { backup, learner } = resetWorkingCopy(session.paths, exercise)
  session.state.update(exercise.id, { done: false })
  const kept = backup
    ? `Your previous file is kept at ${pc.underline(shown(session.paths, backup))}`
    : 'Your file was the untouched starter: nothing to back up.'
  return `${pc.green('✓')} ${shown(session.paths, learner)} is the starter again.\n${kept}`
}

export async function resetCommand(session: Session, input: string, yes: boolean): Promise<number> {
  const exercise = resolveExercise(input, session.exercises)
  if (!yes) {
    if (!process.stdin.isTTY) {
      console.error(`reset asks before it replaces your file; run it in a terminal, or add --yes:\n  npm run workshop -- reset ${exercise.id} --yes`)
      return 2
    }
    // Loaded only when needed: the prompt library is the slowest import of the CLI.
    const { confirm, isCancel } = await import('@clack/prompts')
    const answer = await confirm({ message: `Reset ${exercise.id} to its starter? (your current file is backed up first)`, initialValue: false })
    if (isCancel(answer) || !answer) {
      console.log('Nothing changed.')
      return 0
    }
  }
  console.log(doReset(session, exercise))
  return 0
}
