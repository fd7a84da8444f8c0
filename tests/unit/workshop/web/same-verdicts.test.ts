import type { CheckResult } from '../../../../workshop/tracks/types'
import { describe, expect, it } from 'vitest'
import * as engine from '../../../../engine/index'
import { ROOT } from '../../../../scripts/paths'
import { loadManifest } from '../../../../workshop/manifest'
import { workshopPaths } from '../../../../workshop/paths'
import { createTsTrack } from '../../../../workshop/tracks/ts'
import { runsInBrowser } from '../../../../workshop/web/browser-exercises'
import { runChecks } from '../../../../workshop/web/run-checks'
import { checkSources, modulesFor, read } from './sources'

// One source of truth, two front ends: the deck's check runner (run here in Node, as in its Web Worker)
// and the CLI (the same check files under Vitest) give each TypeScript exercise's untouched starter and
// reference solution the same verdict, in the same words.

const exercises = loadManifest(workshopPaths(ROOT)).filter(e => runsInBrowser(e.id, e.track))
const sources = checkSources()
const words = (r: CheckResult) => ({ verdict: r.verdict, message: r.message })

describe('the browser runner and the CLI agree', () => {
  it('covers every TypeScript exercise, 06 (ONNX Runtime) too', () => {
    expect(exercises.map(e => e.id)).toEqual(['01-backward-rules', '02-backward-pass', '03-session-run', '04-tracer', '05-constant-folding', '06-onnx-export', '14-compile-guards'])
  })

  for (const subject of ['starter', 'solution'] as const) {
    it(`on every ${subject}`, { timeout: 240_000 }, async () => {
      const track = createTsTrack({ root: ROOT })
      try {
        const cli = await track.checkMany(exercises, { subject, timeoutMs: 60_000 })
        for (const exercise of exercises) {
          const file = subject === 'starter' ? `exercises/${exercise.id}/starter.ts` : `solutions/${exercise.id}/solution.ts`
          const browser = await runChecks(exercise.id, read(file), sources, engine, await modulesFor(exercise.id))
          expect(browser.verdict, `${exercise.id} ${subject}`).toBe(subject === 'starter' ? 'fail' : 'pass')
          expect(words(browser), `${exercise.id} ${subject}: the browser's words`).toEqual(words(cli.get(exercise.id)!))
        }
      }
      finally {
        await track.dispose()
      }
    })
  }
})
