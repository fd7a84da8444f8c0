import type { Exercise, TrackName } from './tracks/types'
import process from 'node:process'
import { cac } from 'cac'
import pc from 'picocolors'
import { checkCommand } from './commands/check'
import { doctorCommand } from './commands/doctor'
import { hintCommand } from './commands/hint'
import { listCommand } from './commands/list'
import { notebookCommand } from './commands/notebook'
import { planCommand } from './commands/plan'
import { resetCommand } from './commands/reset'
import { solutionCommand } from './commands/solution'
import { verifyCommand } from './commands/verify'
import { ManifestError } from './manifest'
import { workshopPaths } from './paths'
import { formatUnknown } from './report'
import { resolveExercise, UnknownExerciseError } from './resolve-id'
import { quietOnClosedOutput } from './screen'
import { DEFAULT_TIMEOUT_MS, Session } from './session'
import { isTrackName, TRACK_NAMES } from './tracks/layout'

// `npm run workshop [-- <command>]`. Exit codes: 0 ok, 1 a check failed, 2 bad input.

interface Options {
  timeout?: number
  yes?: boolean
  force?: boolean
  allowMissingPython?: boolean
  recordStarters?: boolean
  track?: string
}

class BadInput extends Error {}

/** undefined: each track's own default. */
function timeoutMs(options: Options): number | undefined {
  if (options.timeout === undefined)
    return undefined
  const seconds = Number(options.timeout)
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new BadInput(`--timeout takes a number of seconds, got '${options.timeout}'`)
  return seconds * 1000
}

const DISPOSE_LIMIT_MS = 5_000

function trackOption(options: Options): TrackName | undefined {
  if (options.track === undefined)
    return undefined
  if (!isTrackName(options.track))
    throw new BadInput(`--track takes ${TRACK_NAMES.join(' or ')}, got '${options.track}'`)
  return options.track
}

async function withSession(options: Options, run: (session: Session) => Promise<number> | number): Promise<number> {
  const session = new Session(timeoutMs(options), undefined, trackOption(options))
  let code = 1
  try {
    code = await run(session)
    return code
  }
  finally {
    // The outcome is known before the tracks shut down: a track that is slow to stop cannot change it.
    process.exitCode = code
    const limit = new Promise<void>(done => setTimeout(done, DISPOSE_LIMIT_MS).unref())
    await Promise.race([session.dispose(), limit])
  }
}

const COMMANDS = 'list, plan, check <id>, hint <id>, reset <id>, solution <id>, verify, doctor'

/** `npm run workshop -- 07` opens 07; a word that is no exercise was most likely a mistyped command. */
function exerciseOrCommand(input: string, session: Session): Exercise {
  try {
    return resolveExercise(input, session.exercises)
  }
  catch (error) {
    if (!(error instanceof UnknownExerciseError) || /^\d+$/.test(input))
      throw error
    const close = error.suggestion ? ` Did you mean exercise '${error.suggestion}'?` : ''
    throw new BadInput(`unknown command '${input}' (and no exercise has that id).${close}\nCommands: ${COMMANDS}; or an exercise id or number (${session.exercises.map(e => e.id.slice(0, 2)).join(', ')}) to open it in watch mode.`)
  }
}

const cli = cac('npm run workshop --')
cli.option('--track <ts|py>', 'Only the TypeScript (ts) or the Python (py) exercises')
cli.option('--timeout <seconds>', `Stop a check after this many seconds (default ${DEFAULT_TIMEOUT_MS.ts / 1000} for TypeScript, ${DEFAULT_TIMEOUT_MS.py / 1000} for Python)`)
cli.command('[exercise]', 'Watch mode, re-checked on every save: at that exercise (an id or its number), else where you left off')
  .action((exercise: string | undefined, options: Options) => withSession(options, async (s) => {
    const asked = exercise === undefined ? undefined : exerciseOrCommand(exercise, s)
    return (await import('./watch')).watchMode(s, asked)
  }))
cli.command('list', 'List the exercises, done or todo')
  .action((options: Options) => withSession(options, listCommand))
cli.command('doctor', 'Check this machine: Node, Python, the venv and its imports, disk space')
  .action(() => doctorCommand(workshopPaths()))
cli.command('plan', 'The day\'s agenda: order, minutes, slides, total per track')
  .action((options: Options) => withSession(options, planCommand))
cli.command('check <id>', 'Check your file for one exercise')
  .action((id: string, options: Options) => withSession(options, s => checkCommand(s, id)))
cli.command('hint <id>', 'Show the next hint for an exercise')
  .action((id: string, options: Options) => withSession(options, s => hintCommand(s, id)))
cli.command('reset <id>', 'Restore the starter (your file is backed up first)')
  .option('--yes', 'Do not ask')
  .action((id: string, options: Options) => withSession(options, s => resetCommand(s, id, Boolean(options.yes))))
cli.command('solution <id>', 'Show the reference solution (once your exercise passes)')
  .option('--force', 'Show it even before the exercise passes')
  .action((id: string, options: Options) => withSession(options, s => solutionCommand(s, id, Boolean(options.force))))
cli.command('verify', 'Every starter fails its checks and every solution passes (for authors and CI)')
  .option('--allow-missing-python', 'Skip Python exercises when the Python environment is missing')
  .option('--record-starters', 'Record the starters\' hashes as they are now (after changing a starter on purpose)')
  .action((options: Options) => withSession(options, s => verifyCommand(s, { allowMissingPython: Boolean(options.allowMissingPython), recordStarters: Boolean(options.recordStarters) })))
cli.command('notebook [id]', 'The Python exercises as notebooks in JupyterLab (your copies: my-notebooks/)').option('--no-browser', 'Do not open a browser').option('--fresh', 'Start that notebook over (your copy is backed up first)').action((id: string | undefined, options: { browser?: boolean, fresh?: boolean }) => notebookCommand(id, options))
cli.help()

async function main(): Promise<number> {
  quietOnClosedOutput()
  try {
    cli.parse(process.argv, { run: false })
    if (cli.options.help)
      return 0
    if (!cli.matchedCommand || (cli.matchedCommand.isDefaultCommand && cli.args.length > 1)) {
      throw new BadInput(`unknown command '${cli.args.join(' ')}'. Commands: ${COMMANDS} (or an exercise id, or nothing, for watch mode)`)
    }
    return await (cli.runMatchedCommand() as Promise<number>)
  }
  catch (error) {
    if (error instanceof UnknownExerciseError) {
      console.error(formatUnknown(error.input, error.validIds, error.suggestion))
      return 2
    }
    if (error instanceof ManifestError || error instanceof BadInput || (error as Error).name === 'CACError') {
      console.error(pc.red((error as Error).message))
      return 2
    }
    throw error
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
