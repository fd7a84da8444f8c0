// The output panel of each demo: nothing before the first print, every line by the last step, and a
// line appears only at a step whose code line prints it (or, for warnings, traces).
import { describe, expect, it } from 'vitest'
import { DEMO_SCRIPTS, DEMO_VIEWS } from '../../../demos/index'
import { visibleOutput } from '../../../demos/output'
import { snippetLines } from './helpers'

const withOutput = Object.entries(DEMO_VIEWS).filter(([, v]) => v.output).map(([alias, v]) => ({ alias, file: v.output!, script: DEMO_SCRIPTS[alias as keyof typeof DEMO_SCRIPTS]() }))

describe.each(withOutput)('output of $alias', ({ file, script }) => {
  const text = snippetLines(file).join('\n')
  const shownAt = script.steps.map(s => visibleOutput(text, s.printed).filter(l => l.shown).length)

  it('shows nothing at first and everything at the end, never taking a line back', () => {
    expect(shownAt[0]).toBe(0)
    expect(shownAt.at(-1)).toBe(snippetLines(file).length)
    expect(shownAt).toEqual([...shownAt].sort((a, b) => a - b))
  })

  it('adds lines only at a step that prints or traces', () => {
    for (const [k, s] of script.steps.entries()) {
      if (k > 0 && shownAt[k] > shownAt[k - 1])
        expect(script.code[s.line - 1], `step ${k}`).toMatch(/print\(|trace\(/)
    }
  })
})
