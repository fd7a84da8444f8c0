import { describe, expect, it } from 'vitest'
import { graphPasses } from '../../../demos/graph-passes'
import { PASS_NAMES } from '../../../engine/index'
import { expectSlideInSync, nodeCounts } from './helpers'

describe('graph passes demo', () => {
  const script = graphPasses()
  const alive = (k: number) => script.steps[k].snapshot.nodes.filter(n => script.steps[k].states[n.id] !== 'removed')

  it('has one step per pass between the captured and the optimised graph', async () => {
    expect(script.steps).toHaveLength(PASS_NAMES.length + 2)
    expect(script.steps.slice(1, -1).map(s => s.facts?.pass)).toEqual(['constant folding', 'common subexpressions', 'dead-node pruning', 'fusion'].map((p, k) => `${k + 1}/${PASS_NAMES.length} ${p}`))
    await expectSlideInSync('graph-passes', script)
  })

  it('shows what each pass removed and created, from optimize\'s log', () => {
    const removed = (k: number) => script.steps[k].snapshot.nodes.filter(n => script.steps[k].states[n.id] === 'removed').map(n => n.op).sort()
    expect(removed(1)).toEqual(['constant', 'constant', 'mul']) // folding 2·3
    expect(script.steps[1].snapshot.nodes.find(n => script.steps[1].states[n.id] === 'new')?.label).toBe('6')
    expect(removed(2)).toEqual(['exp']) // the second exp(x)
    expect(removed(3)).toEqual(['log']) // nobody used it
    expect(removed(4)).toEqual(['add', 'exp', 'mul', 'relu', 'sub'])
    // labelled in the code's own words, as first captured
    expect(script.layout.nodes.map(n => n.label)).toEqual(expect.arrayContaining(['a = x * (2 * 3)', 's = exp(x) + exp(x)', 'exp(x)', 'log(x)', 'a - s', 'y = relu(a - s)']))
    expect(script.steps[4].snapshot.nodes.filter(n => script.steps[4].states[n.id] === 'fused').map(n => n.op)).toEqual(['fused'])
  })

  it('shrinks the graph and keeps the output', () => {
    expect(nodeCounts(script)[0]).toBe(11)
    expect(alive(5).length).toBe(3)
    const out = (k: number) => alive(k).at(-1)!.value
    expect(out(5)).toEqual(out(0))
    expect(out(0)).toEqual([expect.closeTo(6 - 2 * Math.exp(1), 9), 0]) // relu(6x - 2e^x) at x = [1, 2]
  })
})
