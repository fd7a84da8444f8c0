import type { FSWatcher } from 'chokidar'
import type { KeyListener } from './keys'
import type { Session } from './session'
import type { CheckResult, Exercise } from './tracks/types'
import { existsSync } from 'node:fs'
import { watch } from 'chokidar'
import pc from 'picocolors'
import { chooseExercise } from './choose'
import { nextHint } from './commands/hint'
import { doReset } from './commands/reset'
import { listenForKeys } from './keys'
import { acquireLock, LockHeldError } from './lock'
import { shown } from './paths'
import { formatList, formatResult, header } from './report'
import { ensureWorkingCopy, exerciseFile } from './workspace'

// Interactive mode: one exercise at a time, re-checked on every save of the participant's file.

const KEYS = `${pc.bold('h')} hint · ${pc.bold('n')} next · ${pc.bold('l')} list · ${pc.bold('c')} check all · ${pc.bold('r')} reset · ${pc.bold('q')} quit`
const DEBOUNCE_MS = 150

/** Where watch mode opens: the exercise asked for, else where the participant left off, else the first unsolved. */
export function startingExercise(session: Session, asked?: Exercise): Exercise {
  return asked
    ?? session.exercises.find(e => e.id === session.state.current)
    ?? session.firstUnsolved()
    ?? session.exercises[0]
}

export function watchMode(session: Session, asked?: Exercise): Promise<number> {
  if (!session.exercises.length) {
    console.log('The manifest lists no exercises yet.')
    return Promise.resolve(0)
  }
  let releaseLock: () => void
  try {
    releaseLock = acquireLock(session.paths)
  }
  catch (error) {
    if (!(error instanceof LockHeldError))
      throw error
    console.error([
      pc.red(error.message),
      'Use that terminal, or stop it first (q there). Two runners would overwrite each other\'s progress.',
      pc.dim(`(If that process is not a workshop runner, delete ${shown(session.paths, error.file)}.)`),
    ].join('\n'))
    return Promise.resolve(2)
  }
  return new Promise((resolveExit) => {
    let current = startingExercise(session, asked)
    let watcher: FSWatcher | undefined
    let debounce: NodeJS.Timeout | undefined
    let confirmingReset = false
    let quitting = false
    let keys: KeyListener | undefined
    // Actions run one after another, so a save during a check is checked right after it.
    let queue: Promise<void> = Promise.resolve()
    const enqueue = (action: () => Promise<void> | void): void => {
      queue = queue.then(action).catch(error => console.error(pc.red(String((error as Error)?.stack ?? error))))
    }

    const clear = (): void => {
      if (process.stdout.isTTY)
        process.stdout.write('\x1B[2J\x1B[3J\x1B[H')
    }

    const nextOf = (exercise: Exercise): Exercise | undefined => {
      const index = session.exercises.indexOf(exercise)
      const after = [...session.exercises.slice(index + 1), ...session.exercises.slice(0, index)]
      return after.find(e => !session.state.get(e.id).done) ?? session.exercises[index + 1]
    }

    const afterResult = (result: CheckResult): string => {
      if (result.verdict !== 'pass')
        return pc.dim(`Save ${exerciseFile(session.paths, current, 'learner').split(/[/\\]/).slice(-2).join('/')} to check again.`)
      const next = nextOf(current)
      if (session.doneCount() === session.exercises.length)
        return pc.green(pc.bold(`🎉 All ${session.exercises.length} exercises pass. Well done!`))
      return next
        ? `${pc.green(pc.bold('Exercise done!'))} Keep experimenting, or press ${pc.bold('n')} for ${next.id} (${next.title}).`
        : `${pc.green(pc.bold('Exercise done!'))}`
    }

    const checkCurrent = async (): Promise<void> => {
      const exercise = current
      console.log(pc.dim(`Checking ${exercise.id}…`))
      const result = await session.checkLearner(exercise)
      if (quitting || exercise !== current)
        return
      clear()
      console.log(`${header(session, exercise)}\n\n${formatResult(session, exercise, result, Boolean(process.stdout.isTTY))}\n\n${afterResult(result)}\n\n${KEYS}`)
    }

    const open = async (exercise: Exercise): Promise<void> => {
      current = exercise
      session.state.setCurrent(exercise.id)
      await watcher?.close()
      const file = ensureWorkingCopy(session.paths, exercise)
      watcher = watch(file, { ignoreInitial: true })
      watcher.on('all', () => {
        clearTimeout(debounce)
        debounce = setTimeout(enqueue, DEBOUNCE_MS, checkCurrent)
      })
      await new Promise<void>(ready => watcher!.once('ready', () => ready()))
      await checkCurrent()
    }

    const checkAll = async (): Promise<void> => {
      console.log(pc.bold('Checking every exercise you have started…'))
      for (const exercise of session.exercises) {
        if (!existsSync(exerciseFile(session.paths, exercise, 'learner'))) {
          console.log(`${pc.dim('·')} ${exercise.id}  not started`)
          continue
        }
        const result = await session.checkLearner(exercise)
        console.log(formatResult(session, exercise, result).split('\n').slice(0, 2).join('\n'))
      }
      console.log(`\n${formatList(session, current.id)}\n\n${KEYS}`)
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
      if (confirmingReset) {
        confirmingReset = false
        enqueue(async () => {
          if (key !== 'y') {
            console.log('Nothing changed.')
            return
          }
          console.log(doReset(session, current))
          await checkCurrent()
        })
        return
      }
      switch (key) {
        case 'h':
          enqueue(() => console.log(`\n${nextHint(session, current.id)}\n`))
          break
        case 'n':
          enqueue(async () => {
            const next = nextOf(current)
            if (next)
              await open(next)
            else
              console.log('This is the last exercise.')
          })
          break
        case 'l':
          enqueue(async () => {
            keys?.pause()
            const chosen = await chooseExercise(session, current)
            keys?.resume()
            if (chosen)
              await open(chosen)
            else
              console.log(`Staying on ${current.id}. ${KEYS}`)
          })
          break
        case 'c':
          enqueue(checkAll)
          break
        case 'r':
          confirmingReset = true
          console.log(`Reset ${current.id} to its starter? Your current file is backed up first. ${pc.bold('[y/N]')}`)
          break
        default:
          console.log(pc.dim(`Unknown key '${key}'. ${KEYS}`))
      }
    }

    keys = listenForKeys(onKey, () => void quit())
    if (!keys) {
      console.log([
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
