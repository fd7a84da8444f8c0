import type { Plugin } from 'vite'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Runs exercise checks (exercises/*/check.test.ts) for the workshop runner, never as part of the unit tests.
// WORKSHOP_SUBJECT=starter|solution redirects a check's `./exercise` import to that file (a solution lives in
// solutions/<id>/solution.ts), so `verify` never touches the participant's working copy. WORKSHOP_ROOT (the folder holding exercises/) defaults to the kit.

const subject = process.env.WORKSHOP_SUBJECT ?? 'exercise'
const here = dirname(fileURLToPath(import.meta.url))

function redirectExerciseImport(): Plugin {
  return {
    name: 'workshop-subject',
    enforce: 'pre',
    resolveId(source, importer) {
      if (subject === 'exercise' || !importer || !/^\.\/exercise(?:\.[jt]s)?$/.test(source))
        return null
      // Only imports made from inside an exercise folder (the checks and their helpers).
      if (basename(dirname(dirname(importer))) !== 'exercises')
        return null
      const folder = dirname(importer)
      return subject === 'solution'
        ? join(dirname(dirname(folder)), 'solutions', basename(folder), 'solution.ts')
        : join(folder, `${subject}.ts`)
    },
  }
}

export default defineConfig({
  root: process.env.WORKSHOP_ROOT ?? join(here, '..'),
  // Keep Vite's cache with the kit, not inside the exercises root (a test's temp copy, a fixture).
  cacheDir: join(here, '..', 'node_modules', '.vite', 'workshop-exercises'),
  plugins: [redirectExerciseImport()],
  test: {
    include: ['exercises/*/check.test.ts'],
    watch: false,
    pool: 'threads',
    includeTaskLocation: true,
    testTimeout: Number(process.env.WORKSHOP_TEST_TIMEOUT) || 10_000,
    reporters: [join(here, 'tracks/vitest-reporter.ts')],
  },
})
