// Autograd bookkeeping, sessions, recording and snapshots.
import type { EngineEvent, NodeEvent } from '../../../engine'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Graph, noGrad, record, Session, snapshot, tensor, withObserver } from '../../../engine'

describe('eager autograd', () => {
  it('fills .grad of leaves that require grad, and nothing else', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true })
    const c = tensor([4, 5, 6])
    const h = x.mul(c)
    const y = h.sum()
    y.backward()
    expect(x.grad!.toArray()).toEqual([4, 5, 6])
    expect(c.grad).toBeNull()
    expect(h.grad).toBeNull() // non-leaf tensors do not keep theirs
    expect(y.requiresGrad && !y.isLeaf).toBe(true)
  })

  it('accumulates across backward calls like PyTorch, until zeroGrad or grad = null', () => {
    const x = tensor(3, { requiresGrad: true })
    x.pow(2).backward()
    x.pow(2).backward()
    expect(x.grad!.item()).toBe(12)
    x.zeroGrad()
    x.mul(5).backward()
    expect(x.grad!.item()).toBe(5)
    x.grad = null
    x.mul(7).backward()
    expect(x.grad!.item()).toBe(7)
  })

  it('sums gradients where a tensor is used twice', () => {
    const x = tensor(2, { requiresGrad: true })
    x.mul(x).add(x).backward() // d(x² + x) = 2x + 1
    expect(x.grad!.item()).toBe(5)
  })

  it('takes an explicit upstream gradient for a non-scalar', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    x.mul(3).backward([1, 10])
    expect(x.grad!.toArray()).toEqual([3, 30])
  })

  it('noGrad records nothing: results need no grad and keep no history', () => {
    const w = tensor([1, 2], { requiresGrad: true })
    const y = noGrad(() => w.mul(2).sum())
    expect(y.requiresGrad).toBe(false)
    expect(y.inputs).toEqual([])
    expect(() => y.backward()).toThrow(/does not require grad/)
  })

  it('backward through a 1,000-node chain is fast and correct', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true })
    let h = x
    for (let i = 0; i < 1000; i++) h = i % 2 ? h.mul(1.001) : h.add(0.5)
    const start = performance.now()
    h.sum().backward()
    expect(performance.now() - start).toBeLessThan(1000)
    expect(x.grad!.data[0]).toBeCloseTo(1.001 ** 500, 9)
  })
})

describe('static graphs and sessions', () => {
  function model() {
    const g = new Graph()
    const x = g.placeholder('x', [null, 2])
    const w = g.variable('w', [[1], [2]])
    const y = g.matmul(x, w)
    const loss = g.mean(g.pow(y, 2))
    const unused = g.exp(g.sum(x)) // never fetched below
    return { g, x, w, y, loss, unused }
  }

  it('builds nodes without computing, with inferred shapes and readable ids', () => {
    const { g, y, loss } = model()
    expect(y.shape).toEqual([null, 1])
    expect(loss.shape).toEqual([])
    expect(g.nodes.map(n => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'])
    expect(g.nodes.map(n => n.op)).toEqual(['placeholder', 'variable', 'matmul', 'pow', 'mean', 'sum', 'exp'])
    expect(g.outputs).toEqual([])
  })

  it('session.run evaluates only the ancestors of the fetches', () => {
    const { g, loss, unused } = model()
    const s = new Session(g)
    const { result, events } = record(() => s.run(loss, { x: [[1, 1], [2, 0]] }))
    expect(result.item()).toBe((9 + 4) / 2)
    const evaluated = events.filter(e => e.type === 'value').map(e => e.id)
    expect(evaluated).toEqual(['n1', 'n2', 'n3', 'n4', 'n5'])
    expect(evaluated).not.toContain(unused.id)
  })

  it('fetches a node, a list, a record or names; feeds a Map or a record', () => {
    const { g, x, y, loss } = model()
    const s = new Session(g)
    const feeds = new Map([[x, tensor([[1, 1]])]])
    expect(s.run(y, feeds).toArray()).toEqual([[3]])
    expect(s.run([y, loss], feeds).map(t => t.toArray())).toEqual([[[3]], 9])
    const r = s.run({ out: 'n3', l: loss }, { x: [[1, 1]] })
    expect(r.out.toArray()).toEqual([[3]])
    expect(r.l.item()).toBe(9)
  })

  it('variables hold their values in the session; assign changes them', () => {
    const { g, w, y } = model()
    const s = new Session(g)
    s.assign(w, [[10], [0]])
    expect(s.run(y, { x: [[1, 5]] }).toArray()).toEqual([[10]])
    expect(new Session(g).run(y, { x: [[1, 5]] }).toArray()).toEqual([[11]]) // a fresh session starts from the initial value
  })

  it('g.gradients adds grad nodes and returns one node per x, zeros where y does not depend on x', () => {
    const { g, x, w, loss } = model()
    const other = g.variable('b', [1, 2, 3])
    const before = g.nodes.length
    const [gx, gw, gb] = g.gradients(loss, [x, w, other])
    expect(g.nodes.length).toBeGreaterThan(before)
    expect(g.nodes.slice(before).some(n => n.kind === 'grad')).toBe(true)
    expect(gw.shape).toEqual([2, 1])
    const [vgw, vgx, vgb] = new Session(g).run([gw, gx, gb], { x: [[1, 1], [2, 0]] })
    // loss = mean((xw)²): dw = 2/N · xᵀ(xw) = [[(3 + 4)], [3]]
    expect(vgw.toArray()).toEqual([[7], [3]])
    expect(vgx.toArray()).toEqual([[3, 6], [2, 4]])
    expect(vgb.toArray()).toEqual([0, 0, 0])
  })

  it('clone copies nodes, ids, names and outputs into an independent graph', () => {
    const { g, loss } = model()
    g.outputs = [loss]
    const c = g.clone()
    expect(c.nodes.map(n => [n.id, n.op, n.name])).toEqual(g.nodes.map(n => [n.id, n.op, n.name]))
    expect(c.outputs[0].id).toBe(loss.id)
    expect(c.outputs[0]).not.toBe(loss)
    expect(new Session(c).run(c.outputs[0], { x: [[1, 1]] }).item()).toBe(9)
    expect(c.add(c.outputs[0], 1).id).toBe(`n${g.nodes.length + 2}`) // after the constant 1
  })
})

describe('record and snapshot', () => {
  it('records eager nodes, values and gradients in order, with ids from n1, JSON-serialisable', () => {
    const program = () => {
      const x = tensor([1, -2], { requiresGrad: true, name: 'x' })
      const y = x.relu().sum()
      y.backward()
      return y
    }
    const { events } = record(program)
    expect(events.map(e => `${e.type}:${'id' in e ? e.id : ''}`)).toEqual([
      'node:n1',
      'value:n1',
      'node:n2',
      'value:n2',
      'node:n3',
      'value:n3',
      'grad:n3',
      'grad:n2',
      'grad:n1',
    ])
    const nodes = events.filter((e): e is NodeEvent => e.type === 'node')
    expect(nodes[1]).toEqual({ type: 'node', mode: 'eager', id: 'n2', op: 'relu', label: 'relu', shape: [2], inputs: ['n1'], kind: 'op' })
    expect(events.at(-1)).toEqual({ type: 'grad', id: 'n1', grad: [1, 0] })
    expect(JSON.parse(JSON.stringify(events))).toEqual(events)
    expect(record(program).events).toEqual(events) // replaying gives the same ids
  })

  it('records static construction, then evaluation and gradients', () => {
    const { events } = record(() => {
      const g = new Graph()
      const x = g.placeholder('x', [2])
      const y = g.sum(g.mul(x, x))
      const [dx] = g.gradients(y, [x])
      return new Session(g).run(dx, { x: [1, 2] })
    })
    const kinds = events.map(e => e.type)
    expect(kinds.indexOf('value')).toBeGreaterThan(kinds.lastIndexOf('node'))
    const first = events[0] as NodeEvent
    expect(first).toMatchObject({ mode: 'static', id: 'n1', op: 'placeholder', label: 'x', shape: [2], inputs: [], kind: 'input' })
    expect(events.filter(e => e.type === 'grad')).toEqual([{ type: 'grad', id: 'n1', grad: [2, 4] }])
  })

  it('a tensor made before recording appears as a leaf when first used', () => {
    const w = tensor([1, 2], { requiresGrad: true })
    const { events } = record(() => w.mul(2))
    const nodes = events.filter((e): e is NodeEvent => e.type === 'node')
    // the number 2 is lifted to a constant first, then w is announced on first use
    expect(nodes.map(n => [n.op, n.kind])).toEqual([['tensor', 'const'], ['tensor', 'param'], ['mul', 'op']])
    expect(nodes[0]).toMatchObject({ id: 'n1', label: '2' })
    expect(nodes[1].id).toBe(w.id)
    expect(nodes[2].inputs).toEqual([w.id, 'n1'])
  })

  it('snapshots an eager result: nodes inputs-first with values and grads, edges by id', () => {
    const { result: snap } = record(() => {
      const x = tensor([[1, 2]], { name: 'x' })
      const w = tensor([[3], [4]], { requiresGrad: true, name: 'w' })
      const y = x.matmul(w).sigmoid().sum()
      y.backward()
      return snapshot(y)
    })
    expect(snap.nodes.map(n => [n.id, n.op, n.kind, n.label])).toEqual([
      ['n1', 'tensor', 'input', 'x'],
      ['n2', 'tensor', 'param', 'w'],
      ['n3', 'matmul', 'op', 'matmul'],
      ['n4', 'sigmoid', 'op', 'sigmoid'],
      ['n5', 'sum', 'op', 'sum'],
    ])
    expect(snap.edges).toEqual([{ from: 'n1', to: 'n3' }, { from: 'n2', to: 'n3' }, { from: 'n3', to: 'n4' }, { from: 'n4', to: 'n5' }])
    const s = 1 / (1 + Math.exp(-11))
    expect(snap.nodes[1].grad).toEqual([[s * (1 - s)], [2 * s * (1 - s)]])
    expect(snap.nodes[2].value).toEqual([[11]])
  })

  it('snapshots a static graph, with values and grads from a session', () => {
    const g = new Graph()
    const x = g.placeholder('x', [null])
    const w = g.variable('w', [2])
    const y = g.sum(g.mul(x, w), undefined)
    const [dw] = g.gradients(y, [w])
    const s = new Session(g)
    s.run(dw, { x: [3] })
    s.run([y, dw], { x: [3] })
    const snap = snapshot(g, { values: s.lastValues })
    expect(snap.nodes.slice(0, 4).map(n => [n.id, n.kind, n.label, n.shape])).toEqual([
      ['n1', 'input', 'x', [null]],
      ['n2', 'param', 'w', [1]],
      ['n3', 'op', 'mul', [null]],
      ['n4', 'op', 'sum', []],
    ])
    expect(snap.nodes.slice(4).every(n => n.kind === 'grad' || n.kind === 'const')).toBe(true)
    expect(snap.nodes[1]).toMatchObject({ value: [2], grad: [3] })
    expect(snap.nodes[3].value).toBe(6)
    expect(snap.edges).toContainEqual({ from: 'n3', to: 'n4' })
  })
})

describe('hooks for the tracer (internal)', () => {
  it('reports every eager op and every read-out of a value', () => {
    const seen: string[] = []
    const x = tensor([1, 2])
    withObserver({
      opApplied: e => seen.push(`${e.op}(${e.inputs.length})`),
      valueRead: (t, how) => seen.push(`${how}:${t.id === x.id ? 'x' : 'other'}`),
    }, () => {
      const y = noGrad(() => x.mul(2)).sum()
      y.item()
      x.toArray()
    })
    expect(seen).toEqual(['mul(2)', 'sum(1)', 'item:other', 'toArray:x'])
  })
})

describe('engine boundaries', () => {
  it('imports nothing from outside engine/', () => {
    const root = join(__dirname, '../../../engine')
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(f => f.endsWith('.ts'))
    for (const f of files) {
      const src = readFileSync(join(root, f), 'utf8')
      for (const m of src.matchAll(/from '([^']+)'/g)) {
        if (f.startsWith('onnx/') && m[1] === 'onnx-proto')
          continue // the ONNX exporter's one npm dependency (the ONNX schema for protobufjs)
        const depth = f.split('/').length - 1
        expect(m[1].startsWith('.'), `${f} imports ${m[1]}`).toBe(true)
        expect(m[1].split('/').filter(p => p === '..').length, `${f} imports ${m[1]}`).toBeLessThanOrEqual(depth)
      }
    }
  })

  it('event types stay plain', () => {
    const e: EngineEvent = { type: 'warning', message: 'x' }
    expect(JSON.stringify(e)).toBe('{"type":"warning","message":"x"}')
  })
})
