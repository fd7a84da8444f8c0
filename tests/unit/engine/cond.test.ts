// Comparisons and cond: eager, inside trace, and static; gradients through the branch taken, checked
// with finite differences.
import type { GraphNode, Tensor } from '../../../engine'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cond, getOp, Graph, noGrad, record, Session, snapshot, tensor, trace } from '../../../engine'
import { expectClose } from './helpers'

afterEach(() => {
  vi.restoreAllMocks()
})

/** Central differences of f (a scalar) with respect to each element of x. */
function numericGrad(f: (x: Tensor) => Tensor, x: number[], h = 1e-6): number[] {
  const at = (xs: number[]) => noGrad(() => f(tensor(xs)).item())
  return x.map((_, i) => (at(x.map((v, j) => (j === i ? v + h : v))) - at(x.map((v, j) => (j === i ? v - h : v)))) / (2 * h))
}

/** Both branches use x; `scale` is closed over: then = sum(x²·scale), else = sum(exp(x)) − 3. */
const piecewise = (x: Tensor) => cond(x.sum().gt(0), () => x.mul(x).mul(2).sum(), () => x.exp().sum().sub(3))

const POS = [0.5, 1.2, -0.3]
const NEG = [-0.5, 0.2, -1.3]

describe('comparisons', () => {
  it('gt, lt, ge, le, eq give 0/1 with broadcasting, eagerly and in a graph', () => {
    const x = tensor([[1, 2], [3, 4]])
    expect(x.gt(2).toArray()).toEqual([[0, 0], [1, 1]])
    expect(x.lt(tensor([2, 4])).toArray()).toEqual([[1, 1], [0, 0]])
    expect(x.ge(2).toArray()).toEqual([[0, 1], [1, 1]])
    expect(x.le(3).toArray()).toEqual([[1, 1], [1, 0]])
    expect(x.eq(tensor([[1], [4]])).toArray()).toEqual([[1, 0], [0, 1]])
    const g = new Graph()
    const p = g.placeholder('x', [2, 2])
    const outs = [g.gt(p, 2), g.lt(p, 2), g.ge(p, 2), g.le(p, 2), g.eq(p, 2)]
    expect(new Session(g).run(outs, { x: [[1, 2], [3, 4]] }).map(t => t.toArray())).toEqual([
      [[0, 0], [1, 1]],
      [[1, 0], [0, 0]],
      [[0, 1], [1, 1]],
      [[1, 1], [0, 0]],
      [[0, 1], [0, 0]],
    ])
  })

  it('have no gradient: results do not require grad, and g.gradients gives zeros', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    for (const op of ['gt', 'lt', 'ge', 'le', 'eq'] as const) {
      expect(x[op](1).requiresGrad).toBe(false)
      expect(getOp(op).backward).toBeUndefined()
    }
    const g = new Graph()
    const p = g.placeholder('x', [2])
    const [d] = g.gradients(g.sum(g.mul(g.gt(p, 0), 3)), p)
    expect(new Session(g).run(d, { x: [1, -1] }).toArray()).toEqual([0, 0])
  })
})

describe('cond, eager', () => {
  it('runs only the branch the predicate picks (non-zero: then)', () => {
    const ran: string[] = []
    const branch = (name: string, value: number) => () => {
      ran.push(name)
      return tensor(value)
    }
    const pick = (p: number) => cond(tensor(p), branch('then', 1), branch('else', 2))
    expect(pick(1).item()).toBe(1)
    expect(pick(0).item()).toBe(2)
    expect(pick(-3).item()).toBe(1)
    expect(ran).toEqual(['then', 'else', 'then'])
  })

  it('gradient flows through the branch taken (autograd), matching finite differences', () => {
    for (const xs of [POS, NEG]) {
      const x = tensor(xs, { requiresGrad: true })
      piecewise(x).backward()
      expectClose(Array.from(x.grad!.data), numericGrad(piecewise, xs), 1e-6, `d/dx at ${xs}`)
    }
  })

  it('refuses a predicate with more than one element', () => {
    expect(() => cond(tensor([1, 0]), () => tensor(1), () => tensor(2))).toThrow(/predicate must hold one element.*\[2\]/)
  })
})

describe('cond inside trace', () => {
  it('records one cond node with both branches as graphs with placeholders and declared outputs', () => {
    const scale = tensor(2)
    const traced = trace((x: Tensor, y: Tensor) => cond(x.sum().gt(0), () => x.mul(scale), () => y.sub(1)), [tensor([1, 1]), tensor([5, 5])], { names: ['x', 'y'] })
    const c = traced.graph.nodes.find(n => n.op === 'cond')!
    const { thenBranch, elseBranch } = c.attrs
    // inputs: the predicate, then the captures (x used by then, y by else), in one shared order
    expect(c.inputs.map(n => n.name ?? n.op)).toEqual(['gt', 'x', 'y'])
    for (const b of [thenBranch!, elseBranch!]) {
      expect(b.nodes.filter(n => n.op === 'placeholder').map(n => [n.name, n.shape])).toEqual([['x', [2]], ['y', [2]]])
      expect(b.outputs).toHaveLength(1)
      expect(b.nodes.some(n => n.op === 'variable')).toBe(false)
    }
    expect(thenBranch!.outputs[0].op).toBe('mul')
    expect(elseBranch!.outputs[0].op).toBe('sub')
    expect(traced(tensor([1, 2]), tensor([7, 8])).toArray()).toEqual([2, 4])
    expect(traced(tensor([-1, -2]), tensor([7, 8])).toArray()).toEqual([6, 7])
  })

  it('runs both branches while tracing (like TF tracing a converted if), then one per call', () => {
    let thenRuns = 0
    let elseRuns = 0
    const traced = trace((x: Tensor) => cond(x.sum().gt(0), () => {
      thenRuns++
      return x.mul(2)
    }, () => {
      elseRuns++
      return x.neg()
    }), tensor([1]))
    expect([thenRuns, elseRuns]).toEqual([1, 1])
    traced(tensor([-4]))
    expect([thenRuns, elseRuns]).toEqual([1, 1]) // the replay runs the graph, not the JS
  })

  it('handles a branch that returns an input unchanged, a constant, or a nested cond', () => {
    const fn = (x: Tensor) => cond(x.sum().gt(0), () => x, () => cond(x.sum().lt(-10), () => tensor([7, 7]), () => x.mul(-1)))
    const traced = trace(fn, tensor([1, 2]))
    expect(traced(tensor([1, 2])).toArray()).toEqual([1, 2])
    expect(traced(tensor([-1, -2])).toArray()).toEqual([1, 2])
    expect(traced(tensor([-10, -2])).toArray()).toEqual([7, 7])
    const outer = traced.graph.outputs[0]
    expect(outer.label).toBe('cond(then: x, else: sum→lt→cond(then: const[2], else: mul))') // the inner predicate is computed inside the else branch
  })

  it('the traced function differentiates through the branch taken (cond\'s backward, eagerly)', () => {
    const traced = trace(piecewise, tensor(POS))
    for (const xs of [POS, NEG]) {
      const x = tensor(xs, { requiresGrad: true })
      traced(x).backward()
      expectClose(Array.from(x.grad!.data), numericGrad(piecewise, xs), 1e-6, `traced d/dx at ${xs}`)
    }
  })

  it('snapshot shows the branches as nested snapshots, and which ran', () => {
    const traced = trace(piecewise, tensor(POS))
    const out = traced(tensor(NEG, { requiresGrad: true })) // with history, so the eager snapshot sees the predicate
    const c = snapshot(out).nodes.find(n => n.op === 'cond')!
    expect(c.taken).toBe('else')
    expect(c.branches!.else.nodes.at(-1)!.op).toBe('sub')
    const s = snapshot(traced.graph, { values: (() => {
      const sess = new Session(traced.graph)
      sess.run(traced.graph.outputs[0], { x: NEG })
      return sess.lastValues
    })() })
    const node = s.nodes.find(n => n.op === 'cond')!
    expect(node.taken).toBe('else')
    expect(node.branches!.then.nodes.map(n => n.op)).toEqual(['placeholder', 'mul', 'constant', 'mul', 'sum'])
    expect(node.branches!.else.nodes.map(n => n.op)).toEqual(['placeholder', 'exp', 'sum', 'constant', 'sub'])
  })
})

describe('cond in a static graph', () => {
  function build() {
    const g = new Graph()
    const x = g.placeholder('x', [3])
    const y = g.cond(g.gt(g.sum(x), 0), () => g.sum(g.mul(g.mul(x, x), 2)), () => g.sub(g.sum(g.exp(x)), 3))
    return { g, x, y }
  }

  it('branch nodes move into the branch graphs; the outer graph gets one cond node', () => {
    const { g, y } = build()
    expect(g.nodes.map(n => n.op)).toEqual(['placeholder', 'sum', 'constant', 'gt', 'cond'])
    expect(y.inputs.map(n => n.op)).toEqual(['gt', 'placeholder'])
    expect(y.shape).toEqual([])
    expect(y.label).toBe('cond(then: mul→mul→sum, else: exp→sum→sub)')
  })

  it('session computes the taken branch only', () => {
    const { g, y } = build()
    const exp = vi.spyOn(getOp('exp'), 'forward')
    const s = new Session(g)
    expect(s.run(y, { x: [1, 2, 3] }).item()).toBe(28)
    expect(exp).not.toHaveBeenCalled()
    expect(s.run(y, { x: [-1, 0, 0] }).item()).toBeCloseTo(Math.exp(-1) + 2 - 3, 12)
    expect(exp).toHaveBeenCalledTimes(1)
  })

  it('g.gradients through cond adds a gradient cond, matching finite differences on both sides', () => {
    const { g, x, y } = build()
    const [dx] = g.gradients(y, x)
    expect(dx.op).toBe('cond')
    expect(dx.kind).toBe('grad')
    const s = new Session(g)
    for (const xs of [POS, NEG]) {
      const got = Array.from(s.run(dx, { x: xs }).data)
      expectClose(got, numericGrad(piecewise, xs), 1e-6, `static d/dx at ${xs}`)
    }
  })

  it('second-order gradients go through the gradient cond too', () => {
    const g = new Graph()
    const x = g.placeholder('x', [])
    const y = g.cond(g.gt(x, 0), () => g.pow(x, 3), () => g.mul(x, -5))
    const [dx] = g.gradients(y, x)
    const [ddx] = g.gradients(dx, x)
    const s = new Session(g)
    expect(s.run(ddx, { x: 2 }).item()).toBeCloseTo(12, 10) // 6x
    expect(s.run(ddx, { x: -2 }).item()).toBe(0)
  })

  it('branches may return an outer node, a number or another cond, and see no nodes made by the other', () => {
    const g = new Graph()
    const x = g.placeholder('x', [])
    const y = cond(g.gt(x, 0), () => x, () => g.cond(g.lt(x, -10), () => 7, () => g.neg(x)))
    const s = new Session(g)
    expect([3, -3, -20].map(v => s.run(y, { x: v }).item())).toEqual([3, 3, 7])
  })

  it('records one node event for the cond (branch internals stay inside), and its value', () => {
    const g = new Graph()
    const x = g.placeholder('x', [])
    const p = g.gt(x, 0)
    const { events } = record(() => g.cond(p, () => g.mul(x, 2), () => g.neg(x)))
    expect(events.map(e => e.type === 'node' && e.op)).toEqual(['cond'])
  })

  it('explains mistakes: a non-scalar predicate, different branch shapes, a placeholder inside a branch', () => {
    const g = new Graph()
    const x = g.placeholder('x', [3])
    expect(() => g.cond(x, () => x, () => x)).toThrow(/predicate must hold one element.*\[3\]/)
    expect(() => g.cond(g.sum(x), () => x, () => g.sum(x))).toThrow(/branches return different shapes, \[3\] \(then\) and \[\] \(else\)/)
    expect(() => g.cond(g.sum(x), () => g.placeholder('z', [3]), () => x)).toThrow(/created placeholder 'z'.*outside the branches/)
    const before = g.nodes.length
    expect(() => g.cond(g.sum(x), () => {
      g.exp(x)
      throw new Error('boom')
    }, () => x)).toThrow('boom')
    expect(g.nodes.length).toBe(before + 1) // the sum stays; the failed branch's exp does not
  })

  it('a graph with cond nodes clones, serialises to JSON and snapshots', () => {
    const { g, y } = build()
    g.outputs = [y]
    const c = g.clone()
    expect(new Session(c).run(c.outputs[0], { x: [1, 1, 1] }).item()).toBe(6)
    const json = JSON.parse(JSON.stringify(g))
    expect(json.nodes.at(-1).attrs.thenBranch.outputs).toHaveLength(1)
    const snap = snapshot(g)
    const node = snap.nodes.find(n => n.op === 'cond')!
    expect(node.branches!.then.nodes.length).toBeGreaterThan(1)
    expect(node.taken).toBeUndefined()
  })

  it('a cond node built by hand from two Graphs runs (the documented structure)', () => {
    const branch = (f: (b: Graph, p: GraphNode) => GraphNode) => {
      const b = new Graph()
      b.outputs = [f(b, b.placeholder('v', [2]))]
      return b
    }
    const g = new Graph()
    const v = g.placeholder('v', [2])
    const p = g.placeholder('p', [])
    const node = g.apply('cond', [p, v], { thenBranch: branch((b, q) => b.add(q, 1)), elseBranch: branch((b, q) => b.mul(q, 10)) })
    const s = new Session(g)
    expect(s.run(node, { v: [1, 2], p: 1 }).toArray()).toEqual([2, 3])
    expect(s.run(node, { v: [1, 2], p: 0 }).toArray()).toEqual([10, 20])
    expect(() => g.apply('cond', [p], { thenBranch: branch(b => b.constant(1)) })).toThrow(/thenBranch has 1 placeholder\(s\) but the node passes it 0|elseBranch must be a Graph/)
  })
})
