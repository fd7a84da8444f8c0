import { describe, expect, it } from 'vitest'
import { CODE, f, fixed, tracingTrap } from '../../../demos/tracing-trap'
import { tensor } from '../../../engine/index'
import { expectSlideInSync, snippetLines } from './helpers'

describe('tracing trap demo', () => {
  const script = tracingTrap()
  const output = (step: number, group: string) => {
    const s = script.steps[step].snapshot
    // the group's last node is its output (inputs-first order)
    return s.nodes.filter(n => n.id.startsWith(`${group}.`)).at(-1)!
  }

  it('shows the snippet region the slide shows, and the slide follows its steps', async () => {
    expect(CODE).toEqual(snippetLines('trace-pitfall.py', 'core'))
    await expectSlideInSync('tracing-trap', script, 'trace-pitfall.py')
  })

  it('the trace freezes the branch taken on the example and gives the wrong answer, with the engine\'s warning', () => {
    const traceStep = script.steps.findIndex(s => s.line === CODE.findIndex(l => l.includes('torch.jit.trace')) + 1)
    expect(script.steps[traceStep].warning).toMatch(/^TracerWarning: .*might cause the trace to be incorrect\.$/)
    const wrongStep = script.steps.findIndex(s => s.line === CODE.findIndex(l => l.includes('traced(neg)')) + 1)
    const out = output(wrongStep, 't')
    expect(out.op).toBe('mul')
    expect(out.value).toEqual([-2, -2, -2])
    expect(script.steps[wrongStep].states[out.id]).toBe('frozen')
    // what eager f gives for the same input, computed by the engine
    expect(f(tensor([-1, -1, -1])).toArray()).toEqual([-101, -101, -101])
    expect(script.steps[wrongStep].snapshot.nodes.some(n => n.op === 'cond')).toBe(false)
  })

  it('the fix with cond is right for the same input', () => {
    const last = script.steps.length - 1
    const out = output(last, 'c')
    expect(out.op).toBe('cond')
    expect(out.value).toEqual([-101, -101, -101])
    expect(out.label).toBe('cond → else')
    expect(fixed(tensor([-1, -1, -1])).toArray()).toEqual(out.value)
    expect(script.steps[last].warning).toBeUndefined()
    // the wrong trace stays on screen beside the fix
    expect(output(last, 't').value).toEqual([-2, -2, -2])
  })
})
