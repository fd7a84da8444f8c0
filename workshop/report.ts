import type { Session } from './session'
import type { CheckResult, Exercise } from './tracks/types'
import { join } from 'node:path'
import pc from 'picocolors'
import { shown } from './paths'
import { PYTHON_SETUP_HINT } from './tracks/index'
import { formatPrinted, verdictTitle } from './verdict/words'
import { exerciseFile } from './workspace'

// How the runner words things: one place for every line a participant reads.

export const SLIDES_URL = 'http://localhost:3030'

export function progressBar(done: number, total: number, width = 24): string {
  const filled = total ? Math.round((done / total) * width) : 0
  return `${done}/${total} ${pc.green('█'.repeat(filled))}${pc.dim('░'.repeat(width - filled))}`
}

export function slideLink(exercise: Exercise): string {
  return `${SLIDES_URL}/${exercise.slide}`
}

export function header(session: Session, exercise: Exercise): string {
  const learner = shown(session.paths, exerciseFile(session.paths, exercise, 'learner'))
  return [
    `${pc.bold('Progress')} ${progressBar(session.doneCount(), session.exercises.length)}`,
    '',
    `${pc.bold(pc.cyan(exercise.id))}  ${pc.bold(exercise.title)}  ${pc.dim(`[${exercise.track}]`)}`,
    `  Edit:  ${pc.underline(learner)}`,
    `  Read:  ${shown(session.paths, join(session.paths.exercisesDir, exercise.id, 'README.md'))}`,
    `  Slide: ${slideLink(exercise)}`,
  ].join('\n')
}

const LABELS: Record<CheckResult['verdict'], (text: string) => string> = {
  'pass': text => pc.green(`✓ ${text}`),
  'fail': text => pc.red(`✗ ${text}`),
  'error': text => pc.red(`✗ ${text}`),
  'type-error': text => pc.red(`✗ ${text}`),
  'timeout': text => pc.yellow(`⏱ ${text}`),
  'env-missing': text => pc.yellow(`! ${text}`),
}

/**
 * A check's outcome in plain words. The Python set-up advice is given once per session, unless the
 * screen was cleared since (watch mode redraws), when it is given again.
 */
export function formatResult(session: Session, exercise: Exercise, result: CheckResult, screenCleared = false): string {
  const title = verdictTitle(exercise.id, result.verdict)
  const lines = [LABELS[result.verdict](title)]
  const envAdvice = result.verdict === 'env-missing' && exercise.track === 'py'
  if (envAdvice && !session.once('python-setup-advice') && !screenCleared) {
    // The full advice was given earlier this session; repeat only the command.
    lines.push(indent(pc.dim('The Python environment is missing (see above): npm run setup:python')))
  }
  else if (result.verdict !== 'pass' && result.message) {
    lines.push(indent(result.message))
    if (envAdvice && !result.message.includes('setup:python'))
      lines.push(indent(PYTHON_SETUP_HINT))
  }
  const at = result.location && `${result.location.file}${result.location.line ? `:${result.location.line}` : ''}`
  if (result.verdict === 'fail' && at && !result.message.includes(at)) // said once is enough
    lines.push(pc.dim(`  at ${at}`))
  const printed = formatOutput(result.output)
  if (printed)
    lines.push('', printed)
  return lines.join('\n')
}

/** What the learner's code printed during the check, under the verdict, labelled by stream. */
export function formatOutput(output: CheckResult['output']): string {
  return formatPrinted(output, pc.dim)
}

function indent(text: string): string {
  return text.split('\n').map(line => `  ${line}`).join('\n')
}

export function formatList(session: Session, currentId?: string): string {
  const width = Math.max(...session.exercises.map(e => e.id.length), 2)
  const rows = session.exercises.map((exercise) => {
    const done = session.state.get(exercise.id).done
    const mark = done ? pc.green('done') : pc.yellow('todo')
    const pointer = exercise.id === currentId ? pc.cyan('▶') : ' '
    return `${pointer} ${mark}  ${exercise.id.padEnd(width)}  ${pc.dim(exercise.track)}  ${exercise.title}`
  })
  return [...rows, '', `${progressBar(session.doneCount(), session.exercises.length)}`].join('\n')
}

export function formatUnknown(input: string, validIds: string[], suggestion?: string): string {
  return [
    pc.red(`unknown exercise '${input}'`),
    ...(suggestion ? [`Did you mean '${suggestion}'?`] : []),
    `Valid exercises: ${validIds.length ? validIds.join(', ') : '(none yet)'}`,
  ].join('\n')
}
