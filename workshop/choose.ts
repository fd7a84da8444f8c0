import type { Session } from './session'
import type { Exercise } from './tracks/types'

// `l` in watch mode: the exercises as a selectable list (arrow keys, enter; Esc or Ctrl-C keeps the
// current one), so "everyone go to 07" is two keys away.

export async function chooseExercise(session: Session, current: Exercise): Promise<Exercise | undefined> {
  // Loaded only when needed: the prompt library is the slowest import of the CLI.
  const { isCancel, select } = await import('@clack/prompts')
  const id = await select({
    message: 'Open which exercise? (↑/↓, enter; Esc stays here)',
    initialValue: current.id,
    maxItems: 15,
    options: session.exercises.map(exercise => ({
      value: exercise.id,
      label: `${session.state.get(exercise.id).done ? '✓' : '·'} ${exercise.id}  ${exercise.title}`,
      hint: exercise.track,
    })),
  })
  return isCancel(id) ? undefined : session.exercises.find(e => e.id === id)
}
