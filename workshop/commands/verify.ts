import type { Session } from '../session'
import type { BatchTrack } from '../tracks/ts'
import type { CheckResult, Exercise, Subject, Track } from '../tracks/types'
import { readFileSync } from 'node:fs'
import pc from 'picocolors'
import { shown } from '../paths'
import { hashesFile, recordStarterHashes, starterProblem } from '../starter-hash'
import { PYTHON_SETUP_HINT } from '../tracks/index'
import { exerciseFile } from '../workspace'

// The quality gate (rustlings' `dev check`): every untouched starter fails its checks, every reference
// solution passes them, and every starter marks its edit sites with TODO. Never touches working copies.

const MIN_HINTS = 2

export interface VerifyOptions {
  allowMissingPython: boolean
  /** Record the starters' hashes as they are now, before checking (for authors who changed a starter). */
  recordStarters?: boolean
}

function hasBatch(track: Track): track is BatchTrack {
  return typeof (track as Partial<BatchTrack>).checkMany === 'function'
}

async function checkAll(session: Session, exercises: Exercise[], subject: Subject): Promise<Map<string, CheckResult>> {
  const results = new Map<string, CheckResult>()
  // One track at a time, exercises in order: keeps the machine calm and the output readable.
  for (const name of [...new Set(exercises.map(e => e.track))]) {
    const track = await session.tracks.get(name)
    const ofTrack = exercises.filter(e => e.track === name)
    if (hasBatch(track)) {
      for (const [id, result] of await track.checkMany(ofTrack, { subject, timeoutMs: session.timeoutFor(name) }))
        results.set(id, result)
      continue
    }
    for (const exercise of ofTrack)
      results.set(exercise.id, await track.check(exercise, { subject, timeoutMs: session.timeoutFor(exercise.track) }))
  }
  return results
}

function firstLine(text: string): string {
  return text.split('\n')[0]
}

function problemsOf(session: Session, exercise: Exercise, starter: CheckResult, solution: CheckResult): string[] {
  const problems: string[] = []
  if (starter.verdict === 'pass')
    problems.push('the untouched starter PASSES its checks (they test nothing the participant has to write)')
  else if (starter.verdict !== 'fail')
    problems.push(`the starter should fail a check but it ${starter.verdict === 'timeout' ? 'timed out' : 'does not load'}: ${firstLine(starter.message)}`)
  if (solution.verdict !== 'pass')
    problems.push(`the solution does not pass: ${firstLine(solution.message)}`)
  if (!/TODO:/.test(readFileSync(exerciseFile(session.paths, exercise, 'starter'), 'utf8')))
    problems.push('the starter has no "TODO:" marking where to edit')
  // rustlings' `dev check`: the day's shape depends on these, so authors hear about them here.
  if (exercise.hints.length < MIN_HINTS)
    problems.push(`it has ${exercise.hints.length} hint(s); give at least ${MIN_HINTS}, building up from a pointer to the concept to close to the answer`)
  if (exercise.minutes === undefined)
    problems.push('its manifest entry has no "minutes" (the agenda needs them)')
  const edited = starterProblem(session.paths, exercise)
  if (edited)
    problems.push(edited)
  return problems
}

export async function verifyCommand(session: Session, options: VerifyOptions): Promise<number> {
  const exercises = session.exercises
  if (!exercises.length) {
    console.log('verify: the manifest lists no exercises yet.')
    console.log('0 passed, 0 failed')
    return 0
  }
  if (options.recordStarters) {
    recordStarterHashes(session.paths, exercises)
    console.log(`Recorded the starters' hashes in ${shown(session.paths, hashesFile(session.paths))}.`)
  }
  const starters = await checkAll(session, exercises, 'starter')
  const solutions = await checkAll(session, exercises, 'solution')
  let ok = 0
  let bad = 0
  let skipped = 0
  let envMessage: string | undefined
  for (const exercise of exercises) {
    const starter = starters.get(exercise.id)!
    const solution = solutions.get(exercise.id)!
    if (starter.verdict === 'env-missing' || solution.verdict === 'env-missing') {
      // The full advice is printed once, after the list.
      envMessage ??= (starter.verdict === 'env-missing' ? starter : solution).message
      if (options.allowMissingPython) {
        skipped++
        console.log(`${pc.yellow('-')} ${exercise.id}  skipped: its toolchain is not set up (--allow-missing-python)`)
      }
      else {
        bad++
        console.log(`${pc.red('✗')} ${exercise.id}  cannot be verified: its toolchain is not set up`)
      }
      continue
    }
    const problems = problemsOf(session, exercise, starter, solution)
    if (problems.length) {
      bad++
      console.log(`${pc.red('✗')} ${exercise.id}  ${problems.join('; ')}`)
    }
    else {
      ok++
      console.log(`${pc.green('✓')} ${exercise.id}  starter fails (${starter.failed} failing check${starter.failed === 1 ? '' : 's'}), solution passes (${solution.passed})`)
    }
  }
  if (envMessage) {
    console.log(envMessage.includes('setup:python') ? envMessage : `${envMessage} ${PYTHON_SETUP_HINT}`)
    if (!options.allowMissingPython)
      console.log('To verify the other exercises without it, add --allow-missing-python.')
  }
  if (skipped)
    console.log(`${skipped} skipped`)
  console.log(`${ok} passed, ${bad} failed`)
  return bad ? 1 : 0
}
