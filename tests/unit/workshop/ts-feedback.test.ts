import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freshRoots, runCli } from './cli-harness'

// What a TypeScript participant sees beyond pass/fail: a type error in their file as the compiler's
// code frame (not a runtime error inside the check file), and what their code printed.

const freshRoot = freshRoots()

describe.concurrent('typeScript feedback', () => {
  it('reports a type error in the learner\'s file as a "type error" verdict with a code frame', async () => {
    const root = freshRoot()
    // eslint-disable-next-line no-template-curly-in-string -- the learner's code, as text
    writeFileSync(join(root, 'exercises/01-add/exercise.ts'), 'export function add(a: number, b: number): number {\n  return `${a + b}`\n}\n')
    const { code, stdout } = await runCli(root, ['check', '01'])
    expect(code).toBe(1)
    expect(stdout).toContain('01-add has a type error')
    expect(stdout).toContain('exercises/01-add/exercise.ts:2:3 - error TS2322: Type \'string\' is not assignable to type \'number\'.')
    expect(stdout).toMatch(/2 +return `\$\{a \+ b\}`\n\s+~~~~~~/) // the line itself, underlined
    expect(stdout).not.toContain('check.test.ts')
  })

  it('shows the learner\'s console output under the verdict, labelled', async () => {
    const root = freshRoot()
    writeFileSync(join(root, 'exercises/01-add/exercise.ts'), 'export function add(a: number, b: number): number {\n  console.log(\'adding\', a, b)\n  console.error(\'careful\')\n  return a + b\n}\n')
    const { code, stdout } = await runCli(root, ['check', '01'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/01-add passes[\s\S]*── printed while the checks ran \(stdout\) ──\n {2}adding 2 3\n[\s\S]*── printed while the checks ran \(stderr\) ──\n {2}careful/)
  })
})
