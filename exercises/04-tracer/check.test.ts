// Checks for exercise 04: your tracer records ops as nodes (run with the engine's Session), it falls into
// the trap exactly as torch.jit.trace does (a JS `if` frozen, with a warning), and `fixed` escapes it
// with cond when traced by the engine's own trace().
import { describe, expect, it } from 'vitest'
import { Session, tensor, trace } from '../../engine/index'
import { expectClose } from '../check-helpers'
import { f, fixed, traceOnce } from './exercise'

const positive = tensor([1, 1, 1])
const negative = tensor([-1, -1, -1])

describe('traceOnce', () => {
  it('records the ops a function runs; the graph computes what the function computes', () => {
    const w = tensor([0.5, -1, 2]) // closed over: becomes a constant
    const fn = (x: typeof w) => x.mul(w).add(1).relu().sum()
    const { graph, output } = traceOnce(fn, positive)
    const other = [3, 0.25, -4]
    expectClose(new Session(graph).run(output, { x: other }), fn(tensor(other)), 'the traced graph of sum(relu(x * w + 1)), run on x = [3, 0.25, -4]')
    const ops = graph.nodes.filter(n => n.kind === 'op').map(n => n.op)
    expect(ops, 'the op nodes of the trace, in order').toEqual(['mul', 'add', 'relu', 'sum'])
  })

  it('gives no warning when no value is read', () => {
    expect(traceOnce(x => x.mul(2), positive).warnings, 'the warnings while tracing x * 2').toEqual([])
  })
})

describe('the trap', () => {
  it('a JS `if` is decided once, while tracing: the trace of f replays the branch the example took', () => {
    const { graph, output } = traceOnce(f, positive)
    expectClose(f(negative), tensor([-101, -101, -101]), 'f itself on x = [-1, -1, -1] (eager)')
    expectClose(new Session(graph).run(output, { x: [-1, -1, -1] }), tensor([-2, -2, -2]), 'the graph traced from f on [1, 1, 1], run on [-1, -1, -1] (it should replay x * 2: the trap)')
  })

  it('the tracer warns when a traced value is read as a number (that is where the trap springs)', () => {
    const { warnings } = traceOnce(f, positive)
    expect(warnings.length, 'how many warnings while tracing f (it reads x.sum().item() once)').toBe(1)
  })
})

describe('the fix: cond keeps the decision in the graph', () => {
  it('fixed gives the same answers as f, eagerly', () => {
    expectClose(fixed(positive), f(positive), 'fixed([1, 1, 1])')
    expectClose(fixed(negative), f(negative), 'fixed([-1, -1, -1])')
  })

  it('one trace of fixed (engine\'s trace, on [1, 1, 1]) is right for negative inputs too', () => {
    const traced = trace(fixed, positive)
    expectClose(traced(negative), tensor([-101, -101, -101]), 'trace(fixed, [1, 1, 1]) run on [-1, -1, -1]')
    expect(traced.graph.nodes.some(n => n.op === 'cond'), 'the traced graph has a cond node').toBe(true)
  })
})
