// graphFunction(): tf.function's cache and retracing. Reference (shared/reference-runs/tf_demo.out):
// six calls with six Python ints traced 6 times and warned "5 out of the last 5 calls …" and
// "6 out of the last 6 calls …"; the same values as tensors traced once.
import type { Tensor, WarningEvent } from '../../../engine'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cond, graphFunction, record, tensor } from '../../../engine'

afterEach(() => {
  vi.restoreAllMocks()
})

const warnings = (events: { type: string }[]) => events.filter((e): e is WarningEvent => e.type === 'warning').map(e => e.message)

function scale(x: Tensor, factor: Tensor | number): Tensor {
  return x.mul(factor)
}

describe('graphFunction', () => {
  it('six different JS numbers: six traces and TF\'s retracing warning (at the 5th and 6th call)', () => {
    const f = graphFunction(scale, { names: ['x', 'factor'] })
    const x = tensor([1, 2, 3])
    const { result, events } = record(() => [1, 2, 3, 4, 5, 6].map(n => f(x, n).toArray()))
    expect(result).toEqual([1, 2, 3, 4, 5, 6].map(n => [n, 2 * n, 3 * n]))
    expect(f.traceCount).toBe(6)
    const ws = warnings(events)
    expect(ws).toHaveLength(2)
    expect(ws[0]).toMatch(/^5 out of the last 5 calls to <function scale> triggered graphFunction retracing\. Tracing is expensive/)
    expect(ws[1]).toMatch(/^6 out of the last 6 calls to <function scale>/)
    for (const advice of [/creating graphFunction repeatedly in a loop/, /passing tensors with different shapes/, /passing JS numbers instead of tensors/, /reduceRetracing: true/])
      expect(ws[0]).toMatch(advice)
    expect([...f.cache.keys()]).toEqual([1, 2, 3, 4, 5, 6].map(n => `(x: Tensor[3], factor=${n})`))
  })

  it('the same six values as tensors: one trace, no warning', () => {
    const f = graphFunction(scale, { names: ['x', 'factor'] })
    const x = tensor([1, 2, 3])
    const { result, events } = record(() => [1, 2, 3, 4, 5, 6].map(n => f(x, tensor(n)).toArray()))
    expect(result).toEqual([1, 2, 3, 4, 5, 6].map(n => [n, 2 * n, 3 * n]))
    expect(f.traceCount).toBe(1)
    expect(warnings(events)).toEqual([])
    expect([...f.cache.keys()]).toEqual(['(x: Tensor[3], factor: Tensor[])'])
  })

  it('outside record the warning goes to console.warn', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const f = graphFunction(scale, { name: 'step' })
    for (let n = 0; n < 5; n++) f(tensor([1]), n)
    expect(spy).toHaveBeenCalledTimes(1)
    expect(String(spy.mock.calls[0][0])).toMatch(/^5 out of the last 5 calls to <function step>/)
  })

  it('jS code in fn runs only while tracing; a cached call runs the graph', () => {
    const log: string[] = []
    const f = graphFunction((x: Tensor) => {
      log.push(`tracing for ${x.shape}`)
      return x.add(1)
    })
    expect(f(tensor([1, 2])).toArray()).toEqual([2, 3])
    expect(f(tensor([5, 6])).toArray()).toEqual([6, 7])
    expect(f(tensor([1, 2, 3])).toArray()).toEqual([2, 3, 4]) // a new shape: a new signature
    expect(log).toEqual(['tracing for 2', 'tracing for 3'])
    expect(f.traceCount).toBe(2)
  })

  it('a few retraces among cached calls do not warn (TF counts traces among the recent calls)', () => {
    const f = graphFunction(scale, { names: ['x', 'factor'] })
    const { events } = record(() => {
      for (const n of [1, 2, 3, 4])
        f(tensor([1]), n)
      for (let i = 0; i < 10; i++) f(tensor([1]), 1)
      f(tensor([1]), 5) // 5 traces in all, but only 1 in the last 10 calls
    })
    expect(f.traceCount).toBe(5)
    expect(warnings(events)).toEqual([])
  })

  it('reduceRetracing: a second shape traces once with the differing dimension unknown, then reuses it', () => {
    const f = graphFunction((x: Tensor) => x.mul(2).sum(0), { reduceRetracing: true })
    f(tensor([[1, 2]]))
    expect(f(tensor([[1, 2], [3, 4]])).toArray()).toEqual([8, 12])
    expect(f(tensor([[1, 1], [1, 1], [1, 1]])).toArray()).toEqual([6, 6])
    expect(f.traceCount).toBe(2)
    expect([...f.cache.keys()]).toEqual(['(x: Tensor[1,2])', '(x: Tensor[?,2])'])
    const relaxed = f.cache.get('(x: Tensor[?,2])')!
    expect(relaxed.nodes[0].shape).toEqual([null, 2])
    f(tensor([1, 2, 3])) // another rank: a new trace
    expect(f.traceCount).toBe(3)
  })

  it('exposes the cache as a read-only copy of graphs with declared outputs', () => {
    const f = graphFunction(scale, { names: ['x', 'factor'] })
    f(tensor([1, 2]), 3)
    const cache = f.cache as Map<string, unknown>
    cache.clear()
    expect(f.cache.size).toBe(1)
    const g = f.cache.get('(x: Tensor[2], factor=3)')!
    expect(g.outputs.map(n => n.op)).toEqual(['mul'])
    expect(g.nodes.filter(n => n.op === 'constant').map(n => n.label)).toEqual(['3']) // the number is baked in
  })

  it('with cond inside (tf.cond, what AutoGraph makes of a tensor `if`), one graph is right for both signs', () => {
    const f = graphFunction((x: Tensor) => cond(x.sum().gt(0), () => x.mul(2), () => x.sub(100)))
    expect(f(tensor([1, 1, 1])).toArray()).toEqual([2, 2, 2])
    expect(f(tensor([-1, -1, -1])).toArray()).toEqual([-101, -101, -101])
    expect(f.traceCount).toBe(1)
    expect([...f.cache.values()][0].outputs[0].op).toBe('cond')
  })

  it('rejects arguments that are neither tensors nor numbers', () => {
    const f = graphFunction((x: Tensor) => x)
    expect(() => (f as unknown as (a: unknown) => Tensor)([1, 2])).toThrow(/argument 1 must be a Tensor or a number/)
  })
})
