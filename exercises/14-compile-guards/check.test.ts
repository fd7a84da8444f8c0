// Checks for exercise 14: guardsHold on its own, then your Cache under compileWith against the engine's
// own compile() (which follows torch.compile's counting, tests/unit/engine/compile-reference.test.ts)
// on functions you have not seen: the same compile count after every call.
import type { Tensor } from '../../engine/index'
import { describe, expect, it } from 'vitest'
import { compile, tensor } from '../../engine/index'
import { Cache, guardsHold } from './exercise'
import { compileWith } from './given'

const ones = (n: number, sign = 1) => tensor(Array.from<number>({ length: n }).fill(sign))

/** f from the slide: an if on a tensor breaks the graph. */
function f(x: Tensor): Tensor {
  const y = x.mul(2)
  if (+y.sum() > 0)
    return y.add(1)
  return y.sub(1)
}

const HIDDEN: Record<string, { fn: (...xs: Tensor[]) => Tensor, calls: Tensor[][] }> = {
  'no break, sizes 3 3 5 7': { fn: x => x.mul(2).relu().sum(), calls: [[ones(3)], [ones(3)], [ones(5)], [ones(7)]] },
  'the slide\'s f, both branches, four sizes': { fn: f, calls: [[ones(3)], [ones(3)], [ones(3, -1)], [ones(5)], [ones(7)], [ones(9, -1)]] },
  'a break inside a branch': {
    fn: (x) => {
      const y = x.exp()
      if (+y.sum() > 3) {
        const z = y.mul(2)
        graphBreakByRead(z)
        return z.add(1)
      }
      return y.sub(1)
    },
    calls: [[ones(3)], [ones(3)], [ones(3, -5)], [ones(5)], [ones(6)]],
  },
  'two inputs, one size changes': {
    fn: (a, b) => a.matmul(b).tanh(),
    calls: [[tensor([[1, 2]]), tensor([[1], [1]])], [tensor([[1, 2], [3, 4]]), tensor([[1], [1]])], [tensor([[1, 2], [3, 4], [5, 6]]), tensor([[1], [1]])]],
  },
  'a size change after the break first reaches the other branch': { fn: f, calls: [[ones(3)], [ones(5)], [ones(7)], [ones(3, -1)], [ones(5, -1)]] },
}

/** Reading a value (its sum) is a graph break; the value is not used. */
function graphBreakByRead(t: Tensor): void {
  t.sum().item()
}

describe('guardsHold', () => {
  const seg = { position: 0, path: 'mul → sum', shapes: [[3]] }
  it('holds for the same position, path and shapes', () => {
    expect(guardsHold({ position: 0, path: 'mul → sum', shapes: [[3]] }, seg), 'guards of [3] on an input of shape [3]').toBe(true)
  })
  it('fails on another size, another rank, another path or another position', () => {
    expect(guardsHold({ position: 0, path: 'mul → sum', shapes: [[5]] }, seg), 'guards of [5] on an input of shape [3]').toBe(false)
    expect(guardsHold({ position: 0, path: 'mul → sum', shapes: [[3, 1]] }, seg), 'guards of [3,1] on an input of shape [3]').toBe(false)
    expect(guardsHold({ position: 0, path: 'mul → add', shapes: [[3]] }, seg), 'guards of another path').toBe(false)
    expect(guardsHold({ position: 1, path: 'mul → sum', shapes: [[3]] }, seg), 'guards of the graph after a break').toBe(false)
  })
  it('a null dimension accepts any size', () => {
    expect(guardsHold({ position: 0, path: 'mul → sum', shapes: [[null]] }, { ...seg, shapes: [[7]] }), 'guards of [?] on an input of shape [7]').toBe(true)
  })
})

describe('your cache against torch.compile\'s rules', () => {
  it('the slide\'s four calls: compile, compile, hit, hit, recompile, recompile, hit, hit', () => {
    const cache = new Cache()
    const seen: string[] = []
    const original = cache.lookup.bind(cache)
    cache.lookup = (s) => {
      const answer = original(s)
      seen.push(answer)
      return answer
    }
    const compiled = compileWith(cache, f)
    for (const n of [3, 3, 5, 7]) compiled(ones(n))
    expect(seen, 'what your lookup returned for each graph of each call').toEqual(['compile', 'compile', 'hit', 'hit', 'recompile', 'recompile', 'hit', 'hit'])
    expect(cache.entries.map(e => e.shapes), 'the shapes your cache entries accept').toEqual([[[3]], [[3]], [[null]], [[null]]])
  })

  for (const [name, { fn, calls }] of Object.entries(HIDDEN)) {
    it(`${name}: the same compile count as the engine after every call`, () => {
      const yours = new Cache()
      const mine = compile(fn)
      const compiled = compileWith(yours, fn)
      const counts = calls.map(args => [(compiled(...args), yours.compileCount), (mine(...args), mine.compileCount)])
      expect(counts.map(c => c[0]), 'graphs compiled after each call, by your cache').toEqual(counts.map(c => c[1]))
    })
  }
})
