// compile() against real torch.compile (torch 2.13): the same functions as scripts/compile_reference.py,
// the same calls, the same counts. tests/python/test_compile_reference.py checks the fixture against
// torch itself. Where the engine differs from torch on purpose is said at the top of engine/compile.ts.
import type { Tensor } from '../../../engine'
import { describe, expect, it } from 'vitest'
import { compile, cond, explain, tensor } from '../../../engine'
import reference from '../../fixtures/compile-reference.json'

// Python's `if y.sum() > 0` is a graph break on a tensor used as a boolean; `+y.sum() > 0` is the same in JS.
const CASES: Record<string, (x: Tensor) => Tensor> = {
  no_break: x => x.mul(2).relu().sum(),
  item_break: (x) => {
    const s = x.sum().item()
    return x.mul(s)
  },
  if_break: (x) => {
    const y = x.mul(2)
    if (+y.sum() > 0)
      return y.add(1)
    return y.sub(1)
  },
  break_in_branch: (x) => {
    const y = x.exp()
    if (+y.sum() > 3) {
      const z = y.mul(2)
      const k = z.sum().item()
      return z.add(k)
    }
    return y.sub(1)
  },
  size_after_break: (x) => {
    const y = x.mul(2)
    if (+y.sum() > 0)
      return y.relu()
    return y.neg()
  },
  with_cond: x => cond(x.sum().gt(0), () => x.mul(2), () => x.neg()),
}

const ones = (size: number, sign: number) => tensor(Array.from<number>({ length: size }).fill(sign))

describe('compile against torch.compile', () => {
  it('covers every case of the reference, and no other', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(reference.cases).sort())
  })

  for (const [name, ref] of Object.entries(reference.cases)) {
    it(`${name}: graphs compiled after each call ${JSON.stringify(ref.compileCounts)}, explain ${ref.graphCount} graph(s) / ${ref.graphBreakCount} break(s)`, () => {
      const fn = CASES[name]
      const compiled = compile(fn)
      const counts = ref.calls.map(({ size, sign }) => {
        const x = ones(size, sign)
        expect(compiled(x).toArray()).toEqual(fn(x).toArray()) // the same results as eager
        return compiled.compileCount
      })
      expect(counts).toEqual(ref.compileCounts)
      const first = ref.calls[0]
      const e = explain(fn, ones(first.size, first.sign))
      expect([e.graphCount, e.graphBreakCount]).toEqual([ref.graphCount, ref.graphBreakCount])
    })
  }
})
