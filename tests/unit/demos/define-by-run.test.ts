import { describe, expect, it } from 'vitest'
import { CODE, defineByRun } from '../../../demos/define-by-run'
import { expectSlideInSync, node, nodeCounts, snippetLines } from './helpers'

describe('define-by-run demo', () => {
  const script = defineByRun()

  it('shows the snippet the slide shows, and the slide follows its steps', async () => {
    expect(CODE).toEqual(snippetLines('define-by-run.py'))
    await expectSlideInSync('define-by-run', script, 'define-by-run.py')
  })

  it('adds nodes line by line, each with its value as it runs', () => {
    expect(nodeCounts(script)).toEqual([0, 1, 2, 5, 5, 5, 5, 5, 5, 5])
    expect(node(script, 1, 'x').value).toBe(2)
    expect(node(script, 2, 'a').value).toBe(4)
    expect(node(script, 3, 'y').value).toBe(10)
    expect(script.steps[3].snapshot.nodes.filter(n => script.steps[3].states[n.id] === 'new').map(n => n.label).sort()).toEqual(['3', '3 * x', 'y = a + 3 * x']) // in the code's own words
    // every line that ran is highlighted in order
    expect(script.steps.map(s => CODE[s.line - 1] ?? '').slice(1, 4).map(l => l.split(' ')[0])).toEqual(['x', 'a', 'y'])
  })

  it('runs backward() one node at a time, from y back to x', () => {
    const backward = script.steps.filter(s => s.line === CODE.findIndex(l => l.startsWith('y.backward()')) + 1)
    expect(backward.map(s => s.snapshot.nodes.filter(n => n.grad !== undefined).length)).toEqual([1, 2, 3, 4])
    expect(backward[0].snapshot.nodes.find(n => n.label.startsWith('y = '))!.grad).toBe(1)
    const last = script.steps.at(-1)!
    expect(node(script, script.steps.length - 1, 'x').grad).toBe(7) // 2x + 3 at x = 2
    expect(last.snapshot.nodes.find(n => n.label === '3')!.grad).toBeUndefined() // a constant needs none
    // the edges that carried the gradient into x are marked at that step
    expect(Object.values(backward[3].edges ?? {})).toEqual(['gradient', 'gradient'])
  })

  it('is deterministic and cached', () => {
    expect(defineByRun()).toBe(script)
    expect(script.layout.nodes.map(n => n.id)).toEqual(script.steps.at(-1)!.snapshot.nodes.map(n => n.id))
  })
})
