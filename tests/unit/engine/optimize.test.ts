import type { GraphNode, PassName, Tensor } from '../../../engine'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EngineError, getOp, Graph, optimize, PASS_NAMES, record, Session, snapshot, tensor } from '../../../engine'

/** A picture of a graph as plain data: ids, ops, inputs, attrs, values, outputs. */
function picture(g: Graph): string {
  return JSON.stringify({
    nodes: g.nodes.map(n => ({ id: n.id, op: n.op, inputs: n.inputs.map(x => x.id), attrs: n.attrs, shape: n.shape, value: n.value && Array.from(n.value.data) })),
    outputs: g.outputs.map(n => n.id),
  })
}

const ids = (g: Graph) => g.nodes.map(n => n.id)

describe('constant folding', () => {
  it('folds 2·3 into the constant 6, with the constants it used up', () => {
    const g = new Graph()
    const x = g.placeholder('x', [2]) // n1
    const six = g.mul(g.constant(2), g.constant(3)) // n2, n3, n4
    const y = g.add(x, six) // n5
    const { graph, log } = optimize(g, { outputs: [y], passes: ['constant-folding'] })
    expect(log).toEqual([{
      pass: 'constant-folding',
      removed: ['n2', 'n3', 'n4'],
      created: [{ id: 'n6', op: 'constant', label: '6', from: ['n2', 'n3', 'n4'] }],
      merged: [],
      summary: 'folded 2·3 into the constant 6',
    }])
    expect(ids(graph)).toEqual(['n1', 'n6', 'n5'])
    expect(graph.node('n5').inputs.map(n => n.id)).toEqual(['n1', 'n6'])
    expect(Array.from(new Session(graph).run(graph.outputs[0], { x: [1, 2] }).data)).toEqual([7, 8])
  })

  it('folds a whole constant subexpression at once and keeps a constant that is still used', () => {
    const g = new Graph()
    const x = g.placeholder('x', []) // n1
    const two = g.constant(2) // n2
    const seven = g.add(g.mul(two, g.constant(3)), g.constant(1)) // n3, n4, n5, n6
    const y = g.mul(g.sub(x, two), seven) // n7, n8
    const { graph, log } = optimize(g, { outputs: [y], passes: ['constant-folding'] })
    expect(log[0].removed).toEqual(['n3', 'n4', 'n5', 'n6'])
    expect(log[0].created).toEqual([{ id: 'n9', op: 'constant', label: '7', from: ['n3', 'n4', 'n5', 'n6'] }])
    expect(log[0].summary).toBe('folded 2·3 + 1 into the constant 7')
    expect(ids(graph)).toEqual(['n1', 'n2', 'n9', 'n7', 'n8'])
    expect(new Session(graph).run(graph.outputs[0], { x: 5 }).item()).toBe(21)
  })

  it('leaves variables, placeholders and an opaque op alone, and says when there is nothing to fold', () => {
    const g = new Graph()
    const w = g.variable('w', [1, 2])
    const y = g.exp(g.mul(w, 2))
    g.outputs = [y]
    const { log, graph } = optimize(g, { passes: ['constant-folding'] })
    expect(log[0]).toMatchObject({ removed: [], created: [], summary: 'nothing to fold: no op has only constant inputs' })
    expect(picture(graph)).toBe(picture(g))
  })

  it('folds a non-scalar constant and names its shape', () => {
    const g = new Graph()
    const y = g.add(g.placeholder('x', [2, 2]), g.transpose(g.constant([[1, 2], [3, 4]])))
    const { graph, log } = optimize(g, { outputs: [y], passes: ['constant-folding'] })
    expect(log[0].summary).toBe('folded transpose(const[2,2]) into a constant of shape [2,2]')
    expect(Array.from(graph.node(log[0].created[0].id).value!.data)).toEqual([1, 3, 2, 4])
  })
})

describe('common-subexpression elimination', () => {
  it('merges equal constants, then the two x + 1 that now read the same inputs', () => {
    const g = new Graph()
    const x = g.placeholder('x', [2]) // n1
    const a = g.add(x, 1) // n2 (constant 1), n3
    const b = g.add(x, 1) // n4, n5
    const y = g.mul(a, b) // n6
    const { graph, log } = optimize(g, { outputs: [y], passes: ['cse'] })
    expect(log).toEqual([{
      pass: 'cse',
      removed: ['n4', 'n5'],
      created: [],
      merged: [{ from: 'n4', into: 'n2' }, { from: 'n5', into: 'n3' }],
      summary: 'merged n4 into n2 (both the constant 1); merged n5 into n3 (both add of n1, n2)',
    }])
    expect(graph.node('n6').inputs.map(n => n.id)).toEqual(['n3', 'n3'])
    expect(Array.from(new Session(graph).run('n6', { x: [1, 2] }).data)).toEqual([4, 9])
  })

  it('needs the same attrs, and never merges placeholders or variables', () => {
    const g = new Graph()
    const x = g.placeholder('x', [2, 2])
    const x2 = g.placeholder('x2', [2, 2])
    const v = g.variable('v', [1, 1])
    const v2 = g.variable('v2', [1, 1])
    const s0 = g.sum(x, 0)
    const s1 = g.sum(x, 1)
    const y = g.add(g.add(s0, s1), g.sum(g.add(g.add(x2, v), v2)))
    const { log } = optimize(g, { outputs: [y], passes: ['cse'] })
    expect(log[0]).toMatchObject({ removed: [], merged: [], summary: 'no repeated subexpressions' })
  })

  it('an output merged away is replaced by the node it merged into', () => {
    const g = new Graph()
    const x = g.placeholder('x', [])
    const a = g.exp(x)
    const b = g.exp(x)
    const { graph } = optimize(g, { outputs: [a, b], passes: ['cse'] })
    expect(graph.outputs.map(n => n.id)).toEqual([a.id, a.id])
  })
})

describe('dead-node pruning', () => {
  it('removes what the outputs do not need, but keeps every placeholder', () => {
    const g = new Graph()
    const x = g.placeholder('x', [2]) // n1
    g.placeholder('unused', [3]) // n2
    g.variable('v', [1, 2]) // n3
    g.exp(x) // n4
    const y = g.neg(x) // n5
    const { graph, log } = optimize(g, { outputs: [y], passes: ['prune'] })
    expect(log).toEqual([{
      pass: 'prune',
      removed: ['n3', 'n4'],
      created: [],
      merged: [],
      summary: 'removed n3 (v), n4 (exp): the outputs do not need them',
    }])
    expect(ids(graph)).toEqual(['n1', 'n2', 'n5'])
  })
})

describe('elementwise fusion', () => {
  it('fuses relu(x·2 + b) into one fused node holding the program', () => {
    const g = new Graph()
    const x = g.placeholder('x', [2, 3]) // n1
    const b = g.placeholder('b', [3]) // n2
    const r = g.relu(g.add(g.mul(x, 2), b)) // n3 (2), n4, n5, n6
    const y = g.sum(r, 1) // n7
    const { graph, log } = optimize(g, { outputs: [y], passes: ['fusion'] })
    expect(log).toEqual([{
      pass: 'fusion',
      removed: ['n4', 'n5', 'n6'],
      created: [{ id: 'n8', op: 'fused', label: 'fused(mul→add→relu)', from: ['n4', 'n5', 'n6'] }],
      merged: [],
      summary: 'fused mul → add → relu (n4, n5, n6) into one node n8: one pass over the data instead of 3',
    }])
    const fused = graph.node('n8')
    expect(fused.inputs.map(n => n.id)).toEqual(['n1', 'n3', 'n2'])
    expect(fused.attrs.program).toEqual({ steps: [
      { op: 'mul', args: [{ input: 0 }, { input: 1 }], from: 'n4' },
      { op: 'add', args: [{ step: 0 }, { input: 2 }], from: 'n5' },
      { op: 'relu', args: [{ step: 1 }], from: 'n6' },
    ] })
    expect(fused.shape).toEqual([2, 3])
    expect(ids(graph)).toEqual(['n1', 'n2', 'n3', 'n8', 'n7'])
    const feeds = { x: [[1, -2, 3], [-4, 5, -6]], b: [0.5, 1, -1] }
    expect(new Session(graph).run(graph.outputs[0], feeds).toArray()).toEqual(new Session(g).run(y, feeds).toArray())
  })

  it('does not fuse through an intermediate with two users or one that is an output', () => {
    const g = new Graph()
    const x = g.placeholder('x', [2])
    const e = g.exp(x)
    const y1 = g.neg(e)
    const y2 = g.log(e)
    expect(optimize(g, { outputs: [y1, y2], passes: ['fusion'] }).log[0]).toMatchObject({ removed: [], created: [] })
    const t = g.tanh(y1)
    expect(optimize(g, { outputs: [y1, t], passes: ['fusion'] }).log[0].created).toEqual([])
    // with y1 no longer an output, exp stays (two users) but neg → tanh fuses
    expect(optimize(g, { outputs: [y2, t], passes: ['fusion'] }).log[0].created.map(c => c.from)).toEqual([[y1.id, t.id]])
  })

  it('fuses branches that meet (a·b + c·d) and reuses one input read twice', () => {
    const g = new Graph()
    const [a, b, c] = ['a', 'b', 'c'].map(k => g.placeholder(k, [2]))
    const y = g.add(g.mul(a, b), g.mul(c, a))
    const { graph, log } = optimize(g, { outputs: [y], passes: ['fusion'] })
    const node = graph.node(log[0].created[0].id)
    expect(node.inputs.map(n => n.name)).toEqual(['a', 'b', 'c'])
    expect(node.attrs.program!.steps.map(s => s.args)).toEqual([[{ input: 0 }, { input: 1 }], [{ input: 2 }, { input: 0 }], [{ step: 0 }, { step: 1 }]])
    expect(Array.from(new Session(graph).run(graph.outputs[0], { a: [1, 2], b: [3, 4], c: [5, 6] }).data)).toEqual([8, 20])
  })

  it('a fused node says clearly that it has no gradient', () => {
    const g = new Graph()
    const x = g.placeholder('x', [2])
    const { graph } = optimize(g, { outputs: [g.tanh(g.exp(x))] })
    expect(graph.outputs[0].op).toBe('fused')
    expect(() => graph.gradients(graph.outputs[0], graph.node('x'))).toThrow(/fused node has no gradient.*before optimize/)
    expect(getOp('fused').label!({ program: { steps: [{ op: 'exp', args: [{ input: 0 }] }] } })).toBe('fused(exp)')
  })

  it('the fused op runs a program by itself and rejects a bad one by name', () => {
    const g = new Graph()
    const x = g.placeholder('x', [3])
    const program = { steps: [{ op: 'pow', args: [{ input: 0 }], attrs: { exponent: 2 } }, { op: 'sub', args: [{ step: 0 }, { input: 0 }] }] }
    const y = g.apply('fused', [x], { program })
    expect(Array.from(new Session(g).run(y, { x: [1, 2, 3] }).data)).toEqual([0, 2, 6])
    expect(() => g.apply('fused', [x], { program: { steps: [{ op: 'matmul', args: [{ input: 0 }, { input: 0 }] }] } })).toThrow(/'matmul' is not an elementwise op/)
    expect(() => g.apply('fused', [x], { program: { steps: [{ op: 'neg', args: [{ input: 1 }] }] } })).toThrow(/reads input 1, but the node has 1 input/)
    expect(() => g.apply('fused', [x], { program: { steps: [{ op: 'neg', args: [{ step: 0 }] }] } })).toThrow(/does not come before it/)
  })
})

describe('optimize', () => {
  /** x·(2·3) + x·(2·3) with a dead branch: every pass has something to do. */
  function sample() {
    const g = new Graph()
    const x = g.placeholder('x', [2])
    const k = g.mul(g.constant(2), g.constant(3))
    const y = g.relu(g.add(g.mul(x, k), g.mul(x, k)))
    g.exp(x)
    g.outputs = [y]
    return { g, x, y }
  }

  it('runs the four passes in order, leaves the input graph as it was, and keeps its values', () => {
    const { g, y } = sample()
    const before = picture(g)
    const nodes = [...g.nodes]
    const { graph, log } = optimize(g)
    expect(picture(g)).toBe(before)
    expect(g.nodes).toEqual(nodes)
    expect(log.map(e => e.pass)).toEqual([...PASS_NAMES])
    expect(graph).not.toBe(g)
    expect(graph.outputs).toHaveLength(1)
    expect(graph.nodes.map(n => n.op)).toEqual(['placeholder', 'constant', 'fused'])
    const feeds = { x: [1.5, -4] }
    expect(Array.from(new Session(graph).run(graph.outputs[0], feeds).data)).toEqual(Array.from(new Session(g).run(y, feeds).data))
  })

  it('new nodes get ids no node of the input graph had; survivors keep theirs', () => {
    const { g } = sample()
    const { graph, log } = optimize(g)
    const created = log.flatMap(e => e.created.map(c => c.id))
    expect(created.length).toBeGreaterThan(0)
    for (const id of created) expect(g.find(id)).toBeUndefined()
    const survivors = graph.nodes.filter(n => !created.includes(n.id))
    for (const n of survivors) expect(g.find(n.id)?.op).toBe(n.op)
  })

  it('reports each pass to record as a plain pass event, in order', () => {
    const { g } = sample()
    const { result, events } = record(() => optimize(g))
    expect(events.every(e => e.type === 'pass')).toBe(true)
    expect(events).toEqual(result.log.map(e => ({ type: 'pass', ...e })))
    expect(JSON.parse(JSON.stringify(events))).toEqual(events)
  })

  it('runs a chosen subset in a chosen order', () => {
    const { g } = sample()
    const { log } = optimize(g, { passes: ['prune', 'cse', 'cse'] })
    expect(log.map(e => e.pass)).toEqual(['prune', 'cse', 'cse'])
    expect(log[2].merged).toEqual([])
    expect(optimize(g, { passes: [] }).graph.nodes).toHaveLength(g.nodes.length)
  })

  it('explains a missing outputs declaration and other misuse', () => {
    const g = new Graph()
    const x = g.placeholder('x', [2])
    const y = g.neg(x)
    expect(() => optimize(g)).toThrow(EngineError)
    expect(() => optimize(g)).toThrow(/declares no outputs.*optimize\(g, \{ outputs: \[y\] \}\)/)
    expect(() => optimize(g, { outputs: [] })).toThrow(/outputs \} is empty/)
    expect(() => optimize(g, { outputs: ['nope'] })).toThrow(/no node 'nope'/)
    expect(() => optimize(g, { outputs: [new Graph().placeholder('z', [])] })).toThrow(/belongs to another graph/)
    expect(() => optimize(g, { outputs: [y], passes: ['inline' as PassName] })).toThrow(/unknown pass 'inline' \(known: constant-folding, cse, prune, fusion\)/)
    expect(optimize(g, { outputs: [y.id] }).graph.outputs.map(n => n.id)).toEqual([y.id])
  })

  it('optimises a training graph (loss and g.gradients) and keeps each gradient linked to its variable', () => {
    const g = new Graph()
    const x = g.placeholder('x', [null, 3])
    const w = g.variable('w', [[0.1], [-0.2], [0.3]])
    const loss = g.mean(g.pow(g.sigmoid(g.matmul(x, w)), 2))
    const [gw] = g.gradients(loss, w)
    const { graph, log } = optimize(g, { outputs: [loss, gw] })
    expect(graph.nodes.length).toBeLessThan(g.nodes.length)
    expect(log.find(e => e.pass === 'fusion')!.created.length).toBeGreaterThan(0)
    expect(graph.outputs[1].gradOf).toEqual([w.id])
    const feeds = { x: [[1, 2, 3], [-1, 0.5, 2]] }
    const [l0, g0] = new Session(g).run([loss, gw], feeds)
    const session = new Session(graph)
    const [l1, g1] = session.run(graph.outputs, feeds)
    expect(l1.item()).toBeCloseTo(l0.item(), 12)
    expect(Array.from(g1.data)).toEqual(Array.from(g0.data))
    expect(snapshot(graph, { values: session.lastValues }).nodes.find(n => n.id === w.id)?.grad).toEqual(g0.toArray())
  })

  it('keeps names, so fetching by name still works', () => {
    const g = new Graph()
    const x = g.placeholder('x', [])
    const y = g.addNode({ op: 'exp', inputs: [g.neg(x)], name: 'y' })
    const { graph } = optimize(g, { outputs: [y] })
    expect(new Session(graph).run('y', { x: 0 }).item()).toBe(1)
    expect(snapshot(graph).nodes.map(n => n.label)).toContain('y')
  })
})

// Random small graphs: leaves (placeholders, constants from a few values so repeats happen, a
// variable), then random ops reading random earlier nodes. Ops whose shapes do not fit are skipped.
const SHAPES = [[], [3], [2, 3], [2, 1]]
const UNARY = ['neg', 'exp', 'log', 'relu', 'tanh', 'sigmoid', 'pow', 'sum', 'mean', 'transpose', 'reshape']
const BINARY = ['add', 'sub', 'mul', 'div', 'gt', 'lt', 'eq', 'matmul']

const leaf = fc.oneof(
  fc.record({ kind: fc.constant('placeholder' as const), shape: fc.constantFrom(...SHAPES) }),
  fc.record({ kind: fc.constant('constant' as const), shape: fc.constantFrom(...SHAPES), value: fc.constantFrom(0, 1, 2, -1, 0.5) }),
  fc.record({ kind: fc.constant('variable' as const), shape: fc.constantFrom(...SHAPES), value: fc.constantFrom(1, -0.5) }),
)
// 'again' repeats an earlier op node (same op, inputs, attrs): food for CSE. `recent` favours the
// last few nodes, which makes chains (food for fusion).
// 'cond' adds a cond node (opaque to the passes); 'grad' adds g.gradients' backward nodes.
const step = fc.record({ op: fc.constantFrom(...UNARY, ...BINARY, 'again', 'cond', 'grad'), a: fc.nat(), b: fc.nat(), recent: fc.boolean(), axis: fc.constantFrom(undefined, 0, -1) })
const program = fc.record({
  leaves: fc.array(leaf, { minLength: 1, maxLength: 5 }),
  steps: fc.array(step, { minLength: 1, maxLength: 14 }),
  outputs: fc.array(fc.nat(), { maxLength: 2 }),
  passes: fc.option(fc.shuffledSubarray([...PASS_NAMES]), { nil: undefined }),
  seed: fc.integer(),
})

function filled(shape: readonly number[], f: (i: number) => number): Tensor {
  const data = Array.from({ length: shape.reduce((p, d) => p * d, 1) }, (_, i) => f(i))
  return tensor(shape.length === 0 ? data[0] : data).reshape([...shape])
}

type Program = typeof program extends fc.Arbitrary<infer T> ? T : never

function build(p: Program) {
  const g = new Graph()
  const nodes: GraphNode[] = p.leaves.map((l, i) => {
    if (l.kind === 'placeholder')
      return g.placeholder(`p${i}`, l.shape)
    const value = filled(l.shape, k => l.value * (k + 1))
    return l.kind === 'constant' ? g.constant(value) : g.variable(`v${i}`, value)
  })
  for (const s of p.steps) {
    const a = nodes[s.recent ? Math.max(0, nodes.length - 1 - (s.a % 3)) : s.a % nodes.length]
    const b = nodes[s.b % nodes.length]
    try {
      if (s.op === 'cond')
        nodes.push(g.cond(g.gt(g.sum(a), 0), () => g.mul(g.exp(a), b), () => g.neg(a)))
      else if (s.op === 'grad')
        nodes.push(...g.gradients(g.apply(s.b % 2 ? 'tanh' : 'mul', s.b % 2 ? [a] : [a, a]), nodes[s.b % p.leaves.length]))
      else if (s.op === 'again')
        nodes.push(a.inputs.length ? g.apply(a.op, a.inputs, a.attrs) : a)
      else if (s.op === 'sum' || s.op === 'mean')
        nodes.push(s.axis === undefined || a.shape.length === 0 ? g[s.op](a) : g[s.op](a, s.axis))
      else if (s.op === 'pow')
        nodes.push(g.pow(a, s.a % 2 ? 2 : 3))
      else if (s.op === 'reshape')
        nodes.push(g.reshape(a, [-1]))
      else if (UNARY.includes(s.op))
        nodes.push(g.apply(s.op, [a]))
      else
        nodes.push(g.apply(s.op, [a, b]))
    }
    catch (e) {
      if (!(e instanceof EngineError))
        throw e
    }
  }
  return { g, outputs: [nodes[nodes.length - 1], ...p.outputs.map(k => nodes[k % nodes.length])] }
}

/** Equal up to 1e-9 (relative), with NaN equal to NaN and infinities to themselves. */
function same(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]) || Math.abs(v - b[i]) <= 1e-9 * (1 + Math.abs(b[i])))
}

describe('optimize keeps values (property-based)', () => {
  it('random graphs compute the same outputs before and after, with no more nodes, the input untouched', () => {
    fc.assert(fc.property(program, (p) => {
      const { g, outputs } = build(p)
      const before = picture(g)
      const { graph, log } = optimize(g, { outputs, passes: p.passes })
      expect(picture(g)).toBe(before)
      expect(graph.nodes.length).toBeLessThanOrEqual(g.nodes.length)
      expect(log.map(e => e.pass)).toEqual(p.passes ?? [...PASS_NAMES])
      // removed and created ids add up to the new graph
      const live = new Set(ids(g))
      for (const e of log) {
        e.removed.forEach(id => expect(live.delete(id)).toBe(true))
        e.created.forEach(c => live.add(c.id))
      }
      expect(new Set(ids(graph))).toEqual(live)
      let r = Math.abs(p.seed)
      const random = () => ((r = (r * 1103515245 + 12345) % 2147483648) / 2147483648) * 4 - 2
      const feeds = Object.fromEntries(g.nodes.filter(n => n.op === 'placeholder').map(n => [n.name!, filled(n.shape as number[], random)]))
      // Variables get new values, as training would: a pass that froze them would show.
      const original = new Session(g)
      const after = new Session(graph)
      for (const v of g.nodes.filter(n => n.op === 'variable')) {
        const value = filled(v.shape as number[], random)
        original.assign(v.name!, value)
        const kept = graph.find(v.name!)
        if (kept)
          after.assign(kept, value)
      }
      const want = original.run(outputs, feeds)
      const got = after.run(graph.outputs, feeds)
      want.forEach((w, i) => {
        expect(got[i].shape).toEqual(w.shape)
        expect(same(got[i].data, w.data), `output ${i}: ${got[i].data} vs ${w.data}`).toBe(true)
      })
    }), { numRuns: 200 })
  })
})

describe('a cond node is opaque to the passes', () => {
  it('is neither folded (even with constant inputs), merged nor fused, but its inputs are optimised and values kept', () => {
    const g = new Graph()
    const x = g.placeholder('x', [2])
    const k = g.add(g.constant(1), g.constant(2))
    const pred = g.gt(g.sum(x), 0)
    const a = g.cond(pred, () => g.mul(x, k), () => g.neg(x))
    const b = g.cond(pred, () => g.mul(x, k), () => g.neg(x))
    const fixed = g.cond(g.constant(1), () => g.exp(k), () => k)
    const dead = g.cond(pred, () => g.tanh(x), () => x)
    const y = g.relu(g.add(g.add(a, b), fixed))
    const conds = [a, b, fixed].map(n => n.id)
    const { graph, log } = optimize(g, { outputs: [y] })
    expect(conds.every(id => graph.node(id).op === 'cond')).toBe(true)
    const touched = log.flatMap(e => [...e.removed, ...e.merged.flatMap(m => [m.from, m.into]), ...e.created.flatMap(c => c.from)])
    expect(touched.filter(id => conds.includes(id))).toEqual([])
    expect(log[0].summary).toBe('folded 1 + 2 into the constant 3')
    expect(log[2].removed).toContain(dead.id)
    expect(log[3].created).toEqual([expect.objectContaining({ op: 'fused', from: [g.nodes[g.nodes.length - 3].id, g.nodes[g.nodes.length - 2].id, y.id] })])
    for (const v of [[1, 2], [-3, 1]]) {
      const want = new Session(g).run(y, { x: v })
      expect(Array.from(new Session(graph).run(graph.outputs[0], { x: v }).data)).toEqual(Array.from(want.data))
    }
  })
})
