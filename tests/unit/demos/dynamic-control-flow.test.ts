import { describe, expect, it } from 'vitest'
import { CODE, dynamicControlFlow } from '../../../demos/dynamic-control-flow'
import { expectSlideInSync, nodeCounts, snippetLines } from './helpers'

describe('dynamic control flow demo', () => {
  const script = dynamicControlFlow()

  it('shows the snippet the slide shows, and the slide follows its steps', async () => {
    expect(CODE).toEqual(snippetLines('dynamic-control-flow.py'))
    await expectSlideInSync('dynamic-control-flow', script, 'dynamic-control-flow.py')
  })

  it('records one multiplication per loop iteration: 1 for [3, 4], 5 for [0.3, 0.4]', () => {
    expect(nodeCounts(script)).toEqual([0, 2, 4, 5, 6, 7, 8, 8])
    const final = script.steps.at(-1)!.snapshot
    const muls = (group: string) => final.nodes.filter(n => n.id.startsWith(`${group}.`) && n.op === 'mul')
    expect(muls('a').map(n => n.value)).toEqual([[6, 8]])
    expect(muls('b').map(n => n.value)).toEqual([[0.6, 0.8], [1.2, 1.6], [2.4, 3.2], [4.8, 6.4], [9.6, 12.8]].map(v => v.map(x => expect.closeTo(x, 9))))
    expect(muls('b').every(n => n.label === '× 2')).toBe(true)
  })

  it('draws the two graphs side by side, in groups', () => {
    expect(script.groups?.map(g => g.label)).toEqual(['grow([3, 4])', 'grow([0.3, 0.4])'])
    expect(script.groups?.map(g => g.nodes.length)).toEqual([2, 6])
  })
})
