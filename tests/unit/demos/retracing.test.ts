import { describe, expect, it } from 'vitest'
import { CODE, FACTORS, retracing } from '../../../demos/retracing'
import { expectSlideInSync, snippetLines } from './helpers'

describe('retracing demo', () => {
  const script = retracing()
  const intLine = CODE.findIndex(l => l.includes('scale(x, k)')) + 1

  it('shows the snippet region the slide shows, and the slide follows its steps', async () => {
    expect(CODE).toEqual(snippetLines('retracing.py', 'calls'))
    await expectSlideInSync('retracing', script, 'retracing.py')
  })

  it('traces once per Python int (a JS number in the engine): the cache grows one graph per call, with the engine\'s warning', () => {
    const intSteps = script.steps.filter(s => s.line === intLine)
    expect(intSteps).toHaveLength(FACTORS.length)
    expect(intSteps.map(s => s.facts?.traces)).toEqual(FACTORS.map((_, k) => String(k + 1)))
    expect(intSteps.map(s => s.snapshot.nodes.length)).toEqual(FACTORS.map((_, k) => 2 * (k + 1))) // x and × k
    expect(intSteps.at(-1)!.snapshot.nodes.filter(n => n.op === 'mul').map(n => n.label)).toEqual(FACTORS.map(k => `× ${k}`))
    expect(intSteps.findIndex(s => s.warning)).toBe(4) // the fifth trace
    expect(intSteps[4].warning).toMatch(/5 out of the last 5 calls .* triggered tf\.function retracing\./)
  })

  it('traces once for six tensors', () => {
    const last = script.steps.at(-1)!
    expect(last.facts).toEqual({ 'traces (ints)': '6', 'traces (tensors)': '1' })
    const tensorGraph = last.snapshot.nodes.filter(n => n.id.startsWith('t0.'))
    expect(tensorGraph.map(n => n.label).sort()).toEqual(['factor', 'x', 'x * factor'])
    expect(script.groups).toHaveLength(FACTORS.length + 1)
  })
})
