// compile(): graph breaks, guards, recompiles, explain and fullgraph, as a learner and a slide see them.
import type { CompileRecord, Graph, Tensor } from '../../../engine'
import { describe, expect, it } from 'vitest'
import { compile, cond, explain, graphBreak, record, Session, tensor } from '../../../engine'

function f(x: Tensor) {
  const y = x.mul(2)
  if (+y.sum() > 0)
    return y.add(1)
  return y.sub(1)
}

const compileEvents = (events: { type: string }[]) => events.filter((e): e is CompileRecord => e.type === 'compile')

describe('compile', () => {
  it('breaks where the code needs a value, and says why in plain words', () => {
    const e = explain(f, tensor([1, 2, 3]))
    expect(e.graphCount).toBe(2)
    expect(e.breakReasons).toEqual(['the code uses a tensor as a JS number or boolean (an `if` on a tensor, `+x`): it needs the value, so the graph ends here'])
    expect(e.graphs[0].nodes.map(n => n.op)).toEqual(['placeholder', 'constant', 'mul', 'sum'])
    expect(e.graphs[1].nodes.map(n => n.op)).toEqual(['placeholder', 'constant', 'add'])
    const item = explain((x: Tensor) => x.mul(x.sum().item()), tensor([1, 2]))
    expect(item.breakReasons).toEqual(['`.item()` needs a concrete number: the graph ends here'])
    expect(explain((x: Tensor) => {
      const y = x.exp()
      graphBreak()
      return y.neg()
    }, tensor([1])).breakReasons).toEqual(['an explicit graphBreak(): the graph ends here'])
  })

  it('fullgraph: the first break throws with its reason; cond keeps one graph', () => {
    expect(() => compile(f, { fullgraph: true })(tensor([1]))).toThrow(/fullgraph.*segment 0.*uses a tensor as a JS number or boolean/)
    const fixed = compile((x: Tensor) => cond(x.mul(2).sum().gt(0), () => x.mul(2).add(1), () => x.mul(2).sub(1)), { fullgraph: true })
    expect(fixed(tensor([1, 2])).toArray()).toEqual([3, 5])
    expect(fixed(tensor([-1, -2])).toArray()).toEqual([-3, -5])
    expect(fixed.compileCount).toBe(1)
  })

  it('guards each graph; a size change recompiles once with that dimension dynamic, and later sizes reuse it', () => {
    const g = compile(f, { names: ['x'] })
    const { events } = record(() => [3, 3, 5, 7].map(n => g(tensor(Array.from<number>({ length: n }).fill(1)))))
    expect(compileEvents(events).map(e => `${e.what} ${e.segment}`)).toEqual([
      'break 0',
      'compile 0',
      'compile 1',
      'break 0',
      'hit 0',
      'hit 1',
      'break 0',
      'recompile 0',
      'recompile 1',
      'break 0',
      'hit 0',
      'hit 1',
    ])
    const recompile = compileEvents(events).find(e => e.what === 'recompile')!
    expect(recompile.reason).toBe('guard failed: x.shape[0] was 3, now 5')
    expect(recompile.guards).toEqual(['x.shape == [?]'])
    expect(g.cache.map(e => [e.segment, e.guards])).toEqual([[0, ['x.shape == [3]']], [1, ['in0.shape == [3]']], [0, ['x.shape == [?]']], [1, ['in0.shape == [?]']]])
  })

  it('a number the code bakes in is guarded on its value, then made an input when it changes', () => {
    const g = compile((x: Tensor) => x.mul(x.sum().item()))
    for (const v of [1, 1, 2, 3]) g(tensor([v, v]))
    expect(g.compileCount).toBe(3) // sum; mul by 2 (baked in); mul by a dynamic number, reused for 4 and 6
    expect(g.cache[1].guards).toEqual(['in0.shape == [2]', 'a baked-in number == 2'])
    expect(g.cache[2].graph.nodes.filter(n => n.op === 'placeholder').map(n => n.name)).toEqual(['in0', 's1'])
  })

  it('each cached graph, run on its own, computes what the code computed (the guards are enough)', () => {
    const g = compile(f)
    const inputs = [[1, 2, 3], [-1, -2, -3], [4, 5, 6, 7], [-4, -5, -6, -7, -8]]
    for (const data of inputs) g(tensor(data))
    const fitsCall = (graph: Graph, n: number) => graph.nodes.filter(p => p.op === 'placeholder').every(p => p.shape[0] === null || p.shape[0] === n)
    for (const data of inputs) {
      const seg0 = g.cache.filter(e => e.segment === 0 && fitsCall(e.graph, data.length)).at(-1)!.graph
      const [sum, y] = new Session(seg0).run(seg0.outputs, { x: data }) // the value read at the break, then what the code uses after it
      const path = sum.item() > 0 ? 'add' : 'sub'
      const seg1 = g.cache.filter(e => e.segment === 1 && fitsCall(e.graph, data.length) && e.graph.nodes.some(n => n.op === path)).at(-1)!.graph
      expect(new Session(seg1).run(seg1.outputs[0], { in0: y }).toArray()).toEqual(f(tensor(data)).toArray())
    }
  })

  it('numbers as arguments are specialised on their value, like Python ints', () => {
    const g = compile((x: Tensor, n: number) => x.mul(n))
    g(tensor([1]), 2)
    g(tensor([1]), 2)
    expect(g.compileCount).toBe(1)
    g(tensor([1]), 3)
    g(tensor([1]), 4)
    expect(g.compileCount).toBe(2)
  })
})
