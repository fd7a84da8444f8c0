import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { loadManifest } from '../../../workshop/manifest'
import { workshopPaths } from '../../../workshop/paths'
import { TRACK_LAYOUTS } from '../../../workshop/tracks/layout'
import { freshRoots, kitRoot, runCli, WatchSession } from './cli-harness'

// Solutions live in solutions/<id>/, away from the learner's files; starters are pinned by a recorded
// hash, so one edited by mistake is named instead of passing unnoticed.

const fresh = freshRoots()

it('keeps every reference solution in solutions/<id>/ and none beside the learner\'s file', () => {
  const paths = workshopPaths(kitRoot)
  for (const exercise of loadManifest(paths)) {
    const { solution } = TRACK_LAYOUTS[exercise.track]
    expect(existsSync(join(paths.exercisesDir, exercise.id, solution)), `${exercise.id}/${solution} beside the starter`).toBe(false)
    expect(existsSync(join(paths.solutionsDir, exercise.id, solution)), `solutions/${exercise.id}/${solution}`).toBe(true)
  }
})

it('verify names a starter that differs from its recorded hash, even one that still fails its checks', { timeout: 120_000 }, async () => {
  const root = fresh()
  appendFileSync(join(root, 'exercises/02-scale/starter.ts'), '// a participant typed here\n')
  const { code, stdout } = await runCli(root, ['verify'])
  expect(code).toBe(1)
  expect(stdout).toMatch(/✗ 02-scale .*exercises\/02-scale\/starter\.ts differs from its recorded hash/)
  expect(stdout).toMatch(/✓ 01-add/)

  const recorded = await runCli(root, ['verify', '--record-starters'])
  expect(recorded.code).toBe(0)
  expect(readFileSync(join(root, 'exercises/starters.sha256'), 'utf8')).toContain('02-scale/starter.ts')
})

it('watch mode says at once when the starter is saved instead of the learner\'s file', { timeout: 60_000 }, async () => {
  const root = fresh()
  const watch = new WatchSession(root)
  try {
    await watch.waitFor('quit')
    appendFileSync(join(root, 'exercises/01-add/starter.ts'), '// oops\n')
    expect(await watch.waitFor('quit')).toContain('You saved exercises/01-add/starter.ts, but your file is exercises/01-add/exercise.ts')
    watch.press('q')
    await watch.waitFor('Bye!')
  }
  finally {
    watch.kill()
  }
})
