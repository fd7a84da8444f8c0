// trace(): torch.jit.trace's trap (a data-dependent `if` frozen into the graph, with a TracerWarning)
// and its two fixes (cond, or not tracing). Reference values: shared/reference-runs/trace_pitfall.out
// (eager f(-ones(3)) = -101s, traced = -2s).
import type { Tensor, WarningEvent } from '../../../engine'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cond, Graph, record, Session, snapshot, tensor, trace } from '../../../engine'

const NEG = [-1, -1, -1]
const ONES = [1, 1, 1]

/** The Python test function, `if x.sum() > 0: return x * 2 else: return x - 100`, in JS. */
const f = (x: Tensor) => (x.sum().item() > 0 ? x.mul(2) : x.sub(100))
/** The same, with the decision kept in the graph. */
const fixed = (x: Tensor) => cond(x.sum().gt(0), () => x.mul(2), () => x.sub(100))

const warnings = (events: { type: string }[]) => events.filter((e): e is WarningEvent => e.type === 'warning')

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the tracing trap', () => {
  it('a trace made on a positive input replays the positive branch on a negative one (silently wrong)', () => {
    const { result: traced, events } = record(() => trace(f, tensor(ONES)))
    expect(traced(tensor(NEG)).toArray()).toEqual([-2, -2, -2]) // the wrong answer is the lesson
    expect(f(tensor(NEG)).toArray()).toEqual([-101, -101, -101]) // eager: right
    expect(traced(tensor([3, 0, 0])).toArray()).toEqual([6, 0, 0]) // fine where the branch matches

    const [w, ...more] = warnings(events)
    expect(more).toEqual([])
    expect(w.message).toMatch(/^TracerWarning: Converting a tensor to a JS number might cause the trace to be incorrect/)
    expect(w.message).toMatch(/this value will be treated as a constant/)
    // The warning names the tensor that was read: the sum, made by the trace's example run.
    const sumNode = events.find(e => e.type === 'node' && e.op === 'sum')
    expect(w.id).toBe(sumNode && 'id' in sumNode ? sumNode.id : undefined)
  })

  it('the traced graph holds only the branch taken: no comparison, no sub', () => {
    const { result: traced } = record(() => trace(f, tensor(ONES)))
    const ops = traced.graph.nodes.map(n => n.op)
    expect(ops).toContain('mul')
    expect(ops).not.toContain('sub')
    expect(ops).not.toContain('cond')
    // the sum was computed during tracing but feeds nothing the output needs
    const out = traced.graph.outputs[0]
    expect(out.op).toBe('mul')
    expect(out.inputs[0].op).toBe('placeholder')
  })

  it('outside record, the TracerWarning goes to console.warn', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {})
    trace(f, tensor(ONES))
    expect(spy).toHaveBeenCalledTimes(1)
    expect(String(spy.mock.calls[0][0])).toMatch(/might cause the trace to be incorrect/)
  })

  it('a JS comparison on a tensor (`+x.sum() > 0`) and toArray() warn too; reading untraced tensors does not', () => {
    const g = (x: Tensor) => (+x.sum() > 0 ? x.neg() : x)
    const { events } = record(() => trace(g, tensor(ONES)))
    expect(warnings(events)).toHaveLength(1)
    const h = (x: Tensor) => {
      tensor([5]).toArray() // a constant, not data flowing from the inputs
      return tensor(x.toArray() as number[]).mul(2)
    }
    const { result, events: ev2 } = record(() => trace(h, tensor([1, 2])))
    expect(warnings(ev2)).toHaveLength(1)
    expect(warnings(ev2)[0].message).toMatch(/^TracerWarning: Converting a tensor to a JS array might cause/)
    expect(result(tensor([7, 7])).toArray()).toEqual([2, 4]) // the values read were frozen
  })

  it('fix 1: cond keeps the decision in the graph, right for every input, with no warning', () => {
    const { result: traced, events } = record(() => trace(fixed, tensor(ONES)))
    expect(warnings(events)).toEqual([])
    expect(traced(tensor(NEG)).toArray()).toEqual([-101, -101, -101])
    expect(traced(tensor([1, 2, 3])).toArray()).toEqual([2, 4, 6])
    expect(traced.graph.nodes.filter(n => n.op === 'cond')).toHaveLength(1)
    expect(traced.graph.outputs[0].op).toBe('cond')
  })

  it('fix 2: not tracing at all (eager) is right too', () => {
    expect(f(tensor(NEG)).toArray()).toEqual([-101, -101, -101])
    expect(fixed(tensor(NEG)).toArray()).toEqual([-101, -101, -101])
  })
})

describe('trace', () => {
  it('placeholders are the inputs (named by the caller), outputs are declared, shapes come from the examples', () => {
    const traced = trace((a: Tensor, b: Tensor) => a.matmul(b).relu(), [tensor([[1, 2]]), tensor([[3], [-4]])], { names: ['a', 'b'] })
    const g = traced.graph
    const phs = g.nodes.filter(n => n.op === 'placeholder')
    expect(phs.map(p => [p.name, p.shape])).toEqual([['a', [1, 2]], ['b', [2, 1]]])
    expect(g.outputs.map(n => n.op)).toEqual(['relu'])
    // the graph stands on its own: a Session runs it from its declared outputs
    expect(new Session(g).run(g.outputs[0], { a: [[1, 1]], b: [[2], [3]] }).toArray()).toEqual([[5]])
    expect(traced(tensor([[1, 1]]), [[2], [3]]).toArray()).toEqual([[5]])
  })

  it('names inputs x, or x0, x1, … by default, never by reading the function\'s source (a minifier renames it)', () => {
    const toString = vi.spyOn(Function.prototype, 'toString')
    const one = trace((input: Tensor) => input.neg(), tensor([1]))
    const two = trace((a: Tensor, b: Tensor) => a.add(b), [tensor([1]), tensor([2])])
    expect(toString).not.toHaveBeenCalled()
    toString.mockRestore()
    expect(one.graph.nodes.filter(n => n.op === 'placeholder').map(p => p.name)).toEqual(['x'])
    expect(two.graph.nodes.filter(n => n.op === 'placeholder').map(p => p.name)).toEqual(['x0', 'x1'])
    expect(() => trace((a: Tensor, b: Tensor) => a.add(b), [tensor([1]), tensor([2])], { names: ['a'] })).toThrow(/names: expected 2 different non-empty name\(s\)/)
    expect(() => trace((a: Tensor, b: Tensor) => a.add(b), [tensor([1]), tensor([2])], { names: ['a', 'a'] })).toThrow(/names: expected 2 different/)
  })

  it('returns several outputs when fn returns an array', () => {
    const traced = trace((x: Tensor) => [x.exp(), x.sum()], tensor([0, 0]))
    const [e, s] = traced(tensor([0, 1]))
    expect(e.toArray()).toEqual([1, Math.E])
    expect(s.item()).toBe(1)
    expect(traced.graph.outputs).toHaveLength(2)
  })

  it('a closed-over tensor is frozen as a constant; numbers become constants', () => {
    const w = tensor([10, 20])
    const traced = trace((x: Tensor) => x.mul(w).add(1), tensor([1, 1]))
    expect(traced.graph.nodes.filter(n => n.op === 'constant')).toHaveLength(2)
    expect(traced(tensor([2, 3])).toArray()).toEqual([21, 61])
  })

  it('the replay is differentiable (autograd records it), matching eager gradients', () => {
    const fn = (x: Tensor) => x.mul(x).sigmoid().sum()
    const traced = trace(fn, tensor([0.5, -1]))
    const a = tensor([0.3, 2], { requiresGrad: true })
    traced(a).backward()
    const b = tensor([0.3, 2], { requiresGrad: true })
    fn(b).backward()
    expect(Array.from(a.grad!.data)).toEqual(Array.from(b.grad!.data))
  })

  it('refuses inputs of another shape, naming the placeholder and both shapes', () => {
    const traced = trace((x: Tensor) => x.neg(), tensor([1, 2, 3]))
    expect(() => traced(tensor([1, 2]))).toThrow(/input 'x' has shape \[2\], but the graph was traced for \[3\]/)
    expect(() => traced(tensor([1, 2, 3]), tensor(1))).toThrow(/takes 1 input/)
  })

  it('records nothing but the example run: no static node events for the graph being built', () => {
    const { events } = record(() => trace((x: Tensor) => x.mul(2), tensor([1])))
    expect(events.filter(e => e.type === 'node').every(e => e.type === 'node' && e.mode === 'eager')).toBe(true)
  })

  it('a traced function called inside another trace is inlined', () => {
    const inner = trace((x: Tensor) => x.mul(3), tensor([1, 1]))
    const outer = trace((x: Tensor) => inner(x.add(1)), tensor([1, 1]))
    expect(outer.graph.nodes.map(n => n.op)).toEqual(['placeholder', 'constant', 'add', 'constant', 'mul'])
    expect(outer(tensor([0, 1])).toArray()).toEqual([3, 6])
  })

  it('snapshot(graph) draws a traced graph', () => {
    const traced = trace(fixed, tensor(ONES))
    const snap = snapshot(traced.graph)
    const c = snap.nodes.find(n => n.op === 'cond')!
    expect(c.label).toBe('cond(then: mul, else: sub)')
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap)
    expect(snap.edges).toContainEqual({ from: traced.graph.nodes[0].id, to: c.id })
  })

  it('a hand-built Graph keeps empty outputs until declared', () => {
    expect(new Graph().outputs).toEqual([])
  })
})
