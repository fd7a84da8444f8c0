import type { Reporter, SerializedError, TestModule } from 'vitest/node'
import type { VitestReport } from '../vitest-reporter'
import type { CheckerMessage, CheckRequest } from './protocol'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { createVitest } from 'vitest/node'
import { kitRoot } from '../../paths'
import { reportOf } from '../vitest-reporter'
import { TypeChecker } from './type-check'

// The warm TypeScript checker: one Vitest instance (Node API) and one TypeScript language service,
// kept between saves in a child process of the runner. Each request re-runs one exercise's checks
// after invalidating its folder's modules. An endless loop is the parent's business: it kills this
// whole process and starts another.

const root = process.env.WORKSHOP_ROOT ?? kitRoot
/** Of the learner's output, per stream: a few prints, never a flood from a loop. */
const OUTPUT_LIMIT = 4000

type UserConsoleLog = Parameters<NonNullable<Reporter['onUserConsoleLog']>>[0]

let report: VitestReport | undefined
let current = 0
let output = { stdout: '', stderr: '' }

const collector: Reporter = {
  onTestRunStart() {
    send({ type: 'started', id: current })
  },
  onUserConsoleLog(log: UserConsoleLog) {
    if (output[log.type].length < OUTPUT_LIMIT)
      output[log.type] = (output[log.type] + log.content).slice(0, OUTPUT_LIMIT)
  },
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>) {
    report = reportOf(modules, unhandled)
  },
}

function send(message: CheckerMessage): void {
  process.send?.(message)
}

async function main(): Promise<void> {
  const vitest = await createVitest('test', {
    config: join(kitRoot, 'workshop', 'vitest.exercises.config.ts'),
    root,
    watch: false,
    reporters: [collector],
  })
  const types = new TypeChecker(root)
  types.warmUp() // the libraries' and the engine's types, before the first save rather than in it
  send({ type: 'ready' })

  // One request at a time: the parent sends the next only after the answer.
  process.on('message', async (request: CheckRequest) => {
    current = request.id
    report = undefined
    output = { stdout: '', stderr: '' }
    // Every file of the exercise folder may have changed since the last run (the learner's, a helper).
    const folder = dirname(request.checkFile)
    for (const name of readdirSync(folder))
      vitest.invalidateFile(join(folder, name))
    let crash: string | undefined
    const run = vitest.runTestFiles([request.checkFile]).catch((error: Error) => {
      crash = error.stack ?? String(error)
    })
    // While the tests run in Vitest's worker thread, this thread type-checks the learner's file.
    const typeErrors = types.check(request.learnerFile)
    await run
    send({ type: 'answer', id: request.id, report, crash, typeErrors, ...output })
  })
  process.on('disconnect', () => process.exit(0))
}

main().catch((error: Error) => {
  console.error(error.stack ?? error)
  process.exit(1)
})
