import { describe, expect, it } from 'vitest'
import { CODE, compileDemo, SIZES } from '../../../demos/compile'
import { expectSlideInSync, snippetLines } from './helpers'

describe('torch.compile demo', () => {
  const script = compileDemo()

  it('shows the snippet region the slide shows, and the slide follows its steps', async () => {
    expect(CODE).toEqual(snippetLines('torch-compile-breaks.py', 'demo'))
    await expectSlideInSync('compile-demo', script, 'torch-compile-breaks.py')
  })

  it('counts what torch counts for the same calls (snippets/torch-compile-breaks.out)', () => {
    const printed = snippetLines('torch-compile-breaks.out').filter(l => l.startsWith('size')).map(l => Number(/(\d+) graphs/.exec(l)![1]))
    const afterEachCall = script.steps.filter(s => s.line === CODE.findIndex(l => l.includes('compiled(torch.ones(n))')) + 1).map(s => Number(s.facts!.compiled))
    expect(printed).toEqual([2, 2, 4, 4])
    expect([Number(script.steps[3].facts!.compiled), ...afterEachCall]).toEqual(printed)
    expect(SIZES).toEqual([3, 3, 5, 7])
  })

  it('breaks at the if with a plain reason, recompiles on the size, and the fix has one graph', () => {
    expect(script.steps[2].warning).toMatch(/uses a tensor as a JS number or boolean/)
    expect(script.steps[5].caption).toMatch(/x\.shape\[0\] was 3, now 5/)
    expect(script.groups!.map(g => g.label)).toEqual(['#1 [3]', '#2 [3]', '#1 [?]', '#2 [?]', 'with cond'])
    const last = script.steps.at(-1)!
    expect(last.facts).toEqual({ graphs: '1', breaks: '0', compiled: '1' })
    expect(last.snapshot.nodes.some(n => n.op === 'cond')).toBe(true)
  })
})
