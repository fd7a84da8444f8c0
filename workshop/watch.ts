import type { FSWatcher } from 'chokidar'
import type { Buffer } from 'node:buffer'
import type { KeyListener } from './keys'
import type { Session } from './session'
import type { CheckResult, Exercise } from './tracks/types'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { watch } from 'chokidar'
import pc from 'picocolors'
import { chooseExercise } from './choose'
import { nextHint } from './commands/hint'
import { doReset } from './commands/reset'
import { listenForKeys } from './keys'
import { acquireLock, LockHeldError } from './lock'
import { shown } from './paths'
import { formatResult } from './report'
import { redraw, say } from './screen'
import { starterProblem } from './starter-hash'
import { frame, nextOf } from './watch-frame'
import { ensureWorkingCopy, exerciseFile, recreateDeleted } from './workspace'

// Interactive mode: one exercise at a time, re-checked on every save of the participant's file.
// Each check draws a new frame; notices (a hint, where a backup went, a recreated file) stay in the
// frame until the participant's next key press or save.

const DEBOUNCE_MS = 150

/** Where watch mode opens: the exercise asked for, else where the participant left off, else the first unsolved. */
export function startingExercise(session: Session, asked?: Exercise): Exercise {
  return asked
    ?? session.exercises.find(e => e.id === session.state.current)
    ?? session.firstUnsolved()
    ?? session.exercises[0]
}

function lockOrExplain(session: Session): (() => void) | undefined {
  try {
    return acquireLock(session.paths)
  }
  catch (error) {
    if (!(error instanceof LockHeldError))
      throw error
    console.error([
      pc.red(error.message),
      'Use that terminal, or stop it first (q there). Two runners would overwrite each other\'s progress.',
      pc.dim(`(If that process is not a workshop runner, delete ${shown(session.paths, error.file)}.)`),
    ].join('\n'))
    return undefined
  }
}

export function watchMode(session: Session, asked?: Exercise): Promise<number> {
  if (!session.exercises.length) {
    console.log('The manifest lists no exercises yet.')
    return Promise.resolve(0)
  }
  const releaseLock = lockOrExplain(session)
  if (!releaseLock)
    return Promise.resolve(2)
  return new Promise((resolveExit) => {
    let current = startingExercise(session, asked)
    let watcher: FSWatcher | undefined
    let debounce: NodeJS.Timeout | undefined
    let confirmingReset = false
    let quitting = false
    let keys: KeyListener | undefined
    let notices: string[] = []
    let lastResult: CheckResult | undefined
    /** The working copy as last checked: kept as a backup if the file is deleted. */
    let lastSeen: Buffer | undefined
    const learnerFile = (): string => exerciseFile(session.paths, current, 'learner')
    /** What the runner itself wrote (reset, recreate): its own change event is no save by the participant. */
    let ownWrite: Buffer | undefined
    const wroteStarter = (): void => {
      ownWrite = readFileSync(learnerFile())
    }
    // Actions run one after another, so a save during a check is checked right after it.
    let queue: Promise<void> = Promise.resolve()
    const enqueue = (action: () => Promise<void> | void): void => {
      queue = queue.then(action).catch(error => console.error(pc.red(String((error as Error)?.stack ?? error))))
    }

    const draw = (): void => {
      if (lastResult)
        redraw(frame(session, current, lastResult, notices))
      else
        notices.forEach(say) // before the first verdict of an exercise: nothing to redraw yet
    }

    const checkCurrent = async (): Promise<void> => {
      const exercise = current
      say(pc.dim(`Checking ${exercise.id}…`))
      const file = learnerFile()
      lastSeen = existsSync(file) ? readFileSync(file) : lastSeen
      const result = await session.checkLearner(exercise)
      if (quitting || exercise !== current)
        return
      lastResult = result
      draw()
    }

    const onSave = async (): Promise<void> => {
      const file = learnerFile()
      const own = ownWrite
      ownWrite = undefined
      if (own && existsSync(file) && readFileSync(file).equals(own))
        return // already checked, and its notice must stay
      if (!existsSync(file)) {
        const { backup, learner } = recreateDeleted(session.paths, current, lastSeen)
        wroteStarter()
        notices = [`${pc.yellow('!')} ${shown(session.paths, learner)} was deleted: it is recreated from the starter.${backup ? ` Your last version is kept at ${pc.underline(shown(session.paths, backup))}` : ''}`]
      }
      else {
        notices = []
      }
      return checkCurrent()
    }

    const onStarterSaved = (): void => {
      const edited = starterProblem(session.paths, current)
      if (!edited)
        return
      notices = [`${pc.yellow('!')} You saved ${shown(session.paths, exerciseFile(session.paths, current, 'starter'))}, but your file is ${pc.underline(shown(session.paths, learnerFile()))}: the checks run that one. Move your change there.\n  ${pc.dim(edited)}`]
      draw()
    }

    const open = async (exercise: Exercise): Promise<void> => {
      current = exercise
      lastResult = undefined
      lastSeen = undefined
      session.state.setCurrent(exercise.id)
      await watcher?.close()
      const file = ensureWorkingCopy(session.paths, exercise)
      const starter = exerciseFile(session.paths, exercise, 'starter')
      // The starter too: typing into starter.* instead of exercise.* is a common slip; say so at once.
      watcher = watch([file, starter], { ignoreInitial: true })
      watcher.on('all', (_event, path) => {
        if (resolve(path) === starter) {
          enqueue(onStarterSaved)
          return
        }
        clearTimeout(debounce)
        debounce = setTimeout(enqueue, DEBOUNCE_MS, onSave)
      })
      await new Promise<void>(ready => watcher!.once('ready', () => ready()))
      await checkCurrent()
    }

    const checkAll = async (): Promise<void> => {
      say(pc.bold('Checking every exercise you have started…'))
      const lines: string[] = []
      for (const exercise of session.exercises) {
        if (!existsSync(exerciseFile(session.paths, exercise, 'learner'))) {
          lines.push(`${pc.dim('·')} ${exercise.id}  not started`)
          continue
        }
        const result = exercise === current ? lastResult ?? await session.checkLearner(exercise) : await session.checkLearner(exercise)
        lines.push(formatResult(session, exercise, result).split('\n')[0])
      }
      notices = [lines.join('\n')]
      draw()
    }

    const quit = async (): Promise<void> => {
      if (quitting)
        return
      quitting = true
      clearTimeout(debounce)
      keys?.stop()
      await watcher?.close()
      await session.dispose()
      releaseLock()
      console.log('Bye! Your progress is saved; run `npm run workshop` to continue.')
      resolveExit(0)
    }

    const onKey = (key: string): void => {
      if (key === 'q' || key === 'ctrl-c') {
        void quit()
        return
      }
      notices = [] // a key is the participant's next action: earlier notices have been read
      if (confirmingReset) {
        confirmingReset = false
        enqueue(async () => {
          if (key !== 'y') {
            notices = ['Reset cancelled: nothing changed.']
            draw()
            return
          }
          notices = [doReset(session, current)]
          wroteStarter()
          lastSeen = undefined
          await checkCurrent()
        })
        return
      }
      switch (key) {
        case 'h':
          enqueue(() => {
            notices = [nextHint(session, current.id)]
            draw()
          })
          break
        case 'n':
          enqueue(async () => {
            const next = nextOf(session, current)
            if (next)
              return open(next)
            notices = ['This is the last exercise.']
            draw()
          })
          break
        case 'l':
          enqueue(async () => {
            keys?.pause()
            const chosen = await chooseExercise(session, current)
            keys?.resume()
            if (chosen && chosen !== current)
              return open(chosen)
            notices = [`Staying on ${current.id}.`]
            draw()
          })
          break
        case 'c':
          enqueue(checkAll)
          break
        case 'r':
          confirmingReset = true
          say(`Reset ${current.id} to its starter? Your current file is backed up first. ${pc.bold('[y/N]')}`)
          break
        default:
          enqueue(() => {
            notices = [pc.dim(`Unknown key '${key}'.`)]
            draw()
          })
      }
    }

    keys = listenForKeys(onKey, () => void quit())
    if (!keys) {
      say([
        'Watch mode needs an interactive terminal (it reads single key presses).',
        'Run `npm run workshop` (or `npm run workshop -- <id>`) in a terminal, or use the subcommands:',
        '  npm run workshop -- list | check <id> | hint <id> | reset <id> | solution <id> | verify',
        `Next up: ${current.id} (${current.title}): npm run workshop -- check ${current.id}`,
      ].join('\n'))
      releaseLock()
      resolveExit(0)
      return
    }
    process.once('SIGINT', () => void quit())
    process.once('SIGTERM', () => void quit())
    enqueue(() => open(current))
  })
}
