import { describe, expect, it } from 'vitest'
import { CODE, defineThenRun } from '../../../demos/define-then-run'
import { expectSlideInSync, node, nodeCounts, snippetLines } from './helpers'

describe('define-then-run demo', () => {
  const script = defineThenRun()
  const runLine = CODE.findIndex(l => l.includes('sess.run(')) + 1

  it('shows the snippet the slide shows, and the slide follows its steps', async () => {
    expect(CODE).toEqual(snippetLines('define-then-run.py'))
    await expectSlideInSync('define-then-run', script, 'define-then-run.py')
  })

  it('builds the whole graph first, with no value anywhere', () => {
    const building = script.steps.filter(s => s.line < runLine)
    expect(nodeCounts({ ...script, steps: building })).toEqual([0, 1, 4, 10, 10]) // the constants 3 and 1 are spelled in their consumers' labels (`3 * x`)
    expect(script.layout.nodes.map(n => n.label)).toEqual(expect.arrayContaining(['x * x', '3 * x', 'y = x * x + 3 * x', '1 * 3', 'dy/dx']))
    for (const s of building) {
      expect(s.snapshot.nodes.every(n => n.value === undefined)).toBe(true)
      expect(s.snapshot.nodes.every(n => ['new', 'waiting'].includes(s.states[n.id]))).toBe(true)
    }
    expect(node(script, 2, 'x').op).toBe('placeholder')
  })

  it('then session.run computes the values in topological order', () => {
    const running = script.steps.filter(s => s.line === runLine)
    expect(running.length).toBeGreaterThan(1)
    const computed = running.map(s => s.snapshot.nodes.filter(n => n.value !== undefined).map(n => n.id))
    // each wave adds values, and a node only gets its value once all its inputs have theirs
    for (const [k, s] of running.entries()) {
      expect(computed[k].length).toBeGreaterThan(k === 0 ? 0 : computed[k - 1].length)
      for (const e of s.snapshot.edges) {
        if (computed[k].includes(e.to))
          expect(computed[k]).toContain(e.from)
      }
    }
    const last = script.steps.length - 1
    expect(node(script, last, 'y').value).toBe(10)
    expect(node(script, last, 'dy/dx').value).toBe(7)
    expect(node(script, last, 'x').value).toBe(2)
    // a gradient node the fetches do not need is never computed
    expect(script.steps[last].snapshot.nodes.filter(n => n.value === undefined).length).toBe(1)
  })
})
