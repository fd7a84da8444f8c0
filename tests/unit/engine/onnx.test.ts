// toOnnx: exported bytes are loaded by ONNX Runtime and must compute what Session.run computes.
import type { GraphNode, Tensor } from '../../../engine'
import { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node'
import { describe, expect, it } from 'vitest'
import { cond, EngineError, getOp, Graph, opNames, optimize, Session, tensor, trace } from '../../../engine'
import { inspectOnnx, ONNX_IR_VERSION, ONNX_OPSET, toOnnx } from '../../../engine/onnx'
import { registerOp } from '../../../engine/ops/registry'
import { expectClose, nest } from './helpers'

/** Deterministic random values, rounded to float32 so both sides start from the same numbers. */
function random(shape: readonly number[], seed: number, lo = -2, hi = 2): number[] {
  let s = seed >>> 0
  const n = shape.reduce((p, d) => p * d, 1)
  return Array.from({ length: n }, () => {
    s = (s + 0x6D2B79F5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296
    return Math.fround(lo + (hi - lo) * u)
  })
}

type Feeds = Record<string, { shape: number[], data: number[] }>

/** Random feeds for every placeholder of `g`, unknown dimensions set to `batch`. */
function feedsFor(g: Graph, batch: number, seed: number): Feeds {
  return Object.fromEntries(g.nodes.filter(n => n.op === 'placeholder').map((p, i) => {
    const shape = p.shape.map(d => d ?? batch)
    return [p.name!, { shape, data: random(shape, seed + i) }]
  }))
}

/** Runs the exported model in ONNX Runtime and the graph in a Session; the outputs must agree (float32, 1e-6). */
async function expectSameAsSession(g: Graph, outputs: readonly GraphNode[], runs: Feeds[]): Promise<Uint8Array> {
  const bytes = toOnnx(g, { outputs })
  const ort = await InferenceSession.create(bytes)
  for (const feeds of runs) {
    const used = Object.fromEntries(ort.inputNames.map(k => [k, feeds[k]]))
    const got = await ort.run(Object.fromEntries(Object.entries(used).map(([k, v]) => [k, new OrtTensor('float32', Float32Array.from(v.data), v.shape)])))
    const want = new Session(g).run(outputs, Object.fromEntries(Object.entries(used).map(([k, v]) => [k, nest(v.data, v.shape)])))
    ort.outputNames.forEach((name, i) => {
      expect([...got[name].dims], name).toEqual(want[i].shape)
      expectClose(Array.from(got[name].data as Float32Array), Array.from(want[i].data), 1e-6, `${name} (${outputs[i].label})`)
    })
  }
  return bytes
}

function mlp(batch: number | null = null) {
  const g = new Graph()
  const x = g.placeholder('x', [batch, 3])
  const w1 = g.variable('w1', nest(random([3, 4], 11), [3, 4]))
  const b1 = g.variable('b1', nest(random([4], 12), [4]))
  const w2 = g.variable('w2', nest(random([4, 2], 13), [4, 2]))
  const b2 = g.variable('b2', nest(random([2], 14), [2]))
  const h = g.relu(g.add(g.matmul(x, w1), b1)) // b1 broadcasts over the batch
  const y = g.sigmoid(g.add(g.matmul(h, w2), b2))
  const loss = g.mean(y)
  return { g, x, y, loss, params: [w1, b1, w2, b2] }
}

describe('toOnnx', () => {
  it('exports an MLP forward pass that ONNX Runtime runs like Session.run', async () => {
    const { g, y, loss } = mlp()
    await expectSameAsSession(g, [y, loss], [feedsFor(g, 5, 1)])
  })

  it('writes placeholders as inputs, variables as initializers, the outputs with shapes, opset and IR version', () => {
    const { g, y, loss } = mlp()
    g.outputs = [y, loss]
    const model = inspectOnnx(toOnnx(g))
    expect(model.irVersion).toBe(ONNX_IR_VERSION)
    expect(model.opset).toBe(ONNX_OPSET)
    expect(model.inputs).toEqual([{ name: 'x', shape: ['x_dim0', 3], dataType: 1 }]) // 1: float32
    expect(model.outputs).toEqual([{ name: y.id, shape: [null, 2], dataType: 1 }, { name: loss.id, shape: [], dataType: 1 }])
    expect(model.initializers.filter(t => t.dataType === 1)).toEqual(
      [['w1', [3, 4]], ['b1', [4]], ['w2', [4, 2]], ['b2', [2]]].map(([name, shape]) => ({ name, shape, dataType: 1 })),
    )
    expect(model.nodes.map(n => n.opType)).toEqual(['MatMul', 'Add', 'Relu', 'MatMul', 'Add', 'Sigmoid', 'ReduceMean'])
    expect(model.nodes[0].inputs).toEqual(['x', 'w1'])
  })

  it('takes trained variable values from a session when given one', async () => {
    const { g, y, params: [w1] } = mlp()
    const session = new Session(g)
    session.assign(w1, nest(random([3, 4], 99), [3, 4]))
    const feeds = feedsFor(g, 2, 5)
    const ort = await InferenceSession.create(toOnnx(g, { outputs: [y], session }))
    const got = await ort.run({ x: new OrtTensor('float32', Float32Array.from(feeds.x.data), feeds.x.shape) })
    const want = session.run(y, { x: nest(feeds.x.data, feeds.x.shape) })
    expectClose(Array.from(got[y.id].data as Float32Array), [...want.data], 1e-6, 'y with trained w1')
    expect(() => toOnnx(g, { outputs: [y], session: new Session(new Graph()) })).toThrow(/another graph/)
  })

  it('runs a graph with unknown batch dimensions at two batch sizes', async () => {
    const { g, y } = mlp()
    await expectSameAsSession(g, [y], [feedsFor(g, 1, 2), feedsFor(g, 7, 3)])
  })

  it('maps every op in the registry, and each runs in ONNX Runtime', async () => {
    const g = new Graph()
    const x = g.placeholder('x', [null, 3])
    const y = g.placeholder('y', [null, 3])
    const v = g.placeholder('v', [3])
    const z = g.placeholder('z', [null, null, 3])
    const pos = g.add(g.mul(x, x), 1)
    const outs = [
      g.add(x, v),
      g.sub(x, y),
      g.div(x, pos),
      g.neg(x),
      g.pow(x, 3),
      g.pow(g.sigmoid(x), 1.5),
      g.exp(x),
      g.log(pos),
      g.matmul(x, g.transpose(y)),
      g.matmul(x, v),
      g.matmul(v, g.constant(nest(random([3, 2], 5), [3, 2]))),
      g.relu(x),
      g.tanh(x),
      g.sum(x),
      g.sum(x, 1),
      g.sum(x, 0, true),
      g.mean(x, 1, true),
      g.mean(x, 0),
      g.reshape(x, [-1]),
      g.reshape(v, [3, 1]),
      g.transpose(g.reshape(x, [-1, 3, 1]), [1, 2, 0]),
      ...['gt', 'lt', 'ge', 'le'].map(op => g.apply(op, [x, y])),
      g.apply('eq', [g.relu(x), x]), // 1 exactly where x > 0
      g.apply('numel', [x]),
      g.apply('numel', [x], { axis: 0 }),
      g.apply('reshapeLike', [g.reshape(x, [-1]), y]),
      g.apply('sumToShape', [x, v]), // static axes (v's shape is known)
      g.apply('sumToShape', [x, g.sum(y, 1, true)]), // axes found at run time ([?,1])
      g.apply('sumToShape', [z, y]), // an extra leading axis, and more found at run time
      g.apply('expandLike', [g.sum(x, 1), y], { axis: 1 }),
      g.apply('expandLike', [g.sum(x, 1, true), y], { axis: 1, keepdims: true }),
      g.apply('expandLike', [g.sum(v), y]),
    ]
    const walk = (n: GraphNode): string[] => [n.op, ...n.inputs.flatMap(walk)]
    const exported = new Set(outs.flatMap(walk))
    const notCovered = opNames().filter(op => !exported.has(op) && !['fused', 'cond'].includes(op))
    expect(notCovered).toEqual([])
    await expectSameAsSession(g, outs, [feedsFor(g, 4, 7), feedsFor(g, 1, 8)])
  })

  it('exports a gradient graph (the internal ops of backward)', async () => {
    const { g, x, loss, params } = mlp()
    const grads = g.gradients(loss, [...params, x])
    await expectSameAsSession(g, grads, [feedsFor(g, 6, 9)])
  })

  it('gives every op in the registry an ONNX mapping', () => {
    expect(opNames().filter(op => !getOp(op).onnx)).toEqual([])
  })

  it('names outputs that are inputs or repeated through Identity', async () => {
    const g = new Graph()
    const x = g.placeholder('x', [2])
    const c = g.constant([1, 2], 'c')
    const s = g.add(x, c)
    const bytes = await expectSameAsSession(g, [x, s, s, c], [feedsFor(g, 1, 4)])
    expect(inspectOnnx(bytes).outputs.map(o => o.name)).toEqual(['x_out', s.id, `${s.id}_out`, 'c_out'])
  })

  it('fails for an op without an ONNX mapping, naming the op', () => {
    registerOp({ name: 'noOnnxForTest', arity: 1, shape: ([a]) => [...a], forward: ([a]) => a })
    const g = new Graph()
    const y = g.apply('noOnnxForTest', [g.placeholder('x', [2])])
    expect(() => toOnnx(g, { outputs: [y] })).toThrow(EngineError)
    expect(() => toOnnx(g, { outputs: [y] })).toThrow(/cannot export op 'noOnnxForTest'/)
  })

  it('needs outputs: declared on the graph or passed', () => {
    const g = new Graph()
    g.relu(g.placeholder('x', [2]))
    expect(() => toOnnx(g)).toThrow(/declares no outputs/)
  })
})

describe('toOnnx with fused nodes', () => {
  it('expands a fused node into one ONNX operator chain per step', async () => {
    const g = new Graph()
    const x = g.placeholder('x', [null, 3])
    const b = g.placeholder('b', [3])
    const program = { steps: [
      { op: 'mul', args: [{ input: 0 }, { input: 1 }] },
      { op: 'add', args: [{ step: 0 }, { input: 2 }] },
      { op: 'pow', args: [{ step: 1 }], attrs: { exponent: 2 } },
      { op: 'gt', args: [{ step: 2 }, { input: 1 }] },
      { op: 'sub', args: [{ step: 1 }, { step: 3 }] },
      { op: 'tanh', args: [{ step: 4 }] },
    ] }
    const f = g.apply('fused', [x, 2, b], { program })
    const bytes = await expectSameAsSession(g, [f], [feedsFor(g, 3, 21)])
    expect(inspectOnnx(bytes).nodes.map(n => n.opType)).toEqual(['Mul', 'Add', 'Pow', 'Greater', 'Cast', 'Sub', 'Tanh'])
  })
})

describe('toOnnx with cond', () => {
  /** Feeds for x whose sum is positive (then branch) or negative (else branch). */
  function signedFeeds(shape: number[], seed: number): Feeds[] {
    const mag = random(shape, seed).map(Math.abs)
    return [{ x: { shape, data: mag } }, { x: { shape, data: mag.map(v => -v) } }]
  }

  it('maps a static cond to ONNX If and runs both branches', async () => {
    const g = new Graph()
    const x = g.placeholder('x', [null, 3])
    const y = g.cond(g.gt(g.sum(x), 0), () => g.mul(g.tanh(x), 2), () => g.sub(g.exp(x), 1))
    const bytes = await expectSameAsSession(g, [y], signedFeeds([4, 3], 31))
    const model = inspectOnnx(bytes)
    const ifNode = model.nodes.find(n => n.opType === 'If')!
    expect(ifNode.attributes).toEqual(['then_branch', 'else_branch'])
    expect(ifNode.subgraphs.map(s => s.map(n => n.opType))).toEqual([['Tanh', 'Mul'], ['Exp', 'Sub']])
    expect(ifNode.subgraphs[0][0].inputs).toEqual(['x']) // the branch reads the outer input by name
    expect(model.outputs).toEqual([{ name: y.id, shape: [null, 3], dataType: 1 }])
  })

  it('exports branches that return an input, a constant, or a nested cond', async () => {
    const g = new Graph()
    const x = g.placeholder('x', [2])
    const pick = g.cond(g.gt(g.sum(x), 0), () => x, () => g.constant([7, 8]))
    const nested = g.cond(g.lt(g.sum(x), 0), () => g.cond(g.gt(g.mean(x), -1), () => g.neg(x), () => g.mul(x, 3)), () => g.add(x, 1))
    await expectSameAsSession(g, [pick, nested], [...signedFeeds([2], 32), { x: { shape: [2], data: [-3, -4] } }])
  })

  it('exports a traced function with cond, using its declared outputs', async () => {
    const traced = trace((x: Tensor) => cond(x.sum().gt(0), () => x.mul(x).sum(), () => x.exp().sum().sub(3)), tensor([0.5, 1.2, -0.3]))
    const g = traced.graph
    const bytes = toOnnx(g)
    const ort = await InferenceSession.create(bytes)
    for (const data of [[0.5, 1.2, -0.3], [-0.5, 0.2, -1.3]]) {
      const got = await ort.run({ [ort.inputNames[0]]: new OrtTensor('float32', Float32Array.from(data), [3]) })
      expectClose(Array.from(got[ort.outputNames[0]].data as Float32Array), [...traced(tensor(data)).data], 1e-6, `traced at ${data}`)
    }
  })

  it('exports the gradient of a cond (a cond over the branches\' gradients)', async () => {
    const g = new Graph()
    const x = g.placeholder('x', [3])
    const y = g.cond(g.gt(g.sum(x), 0), () => g.sum(g.mul(x, x)), () => g.sum(g.exp(x)))
    await expectSameAsSession(g, g.gradients(y, [x]), signedFeeds([3], 33))
  })
})

describe('toOnnx after optimize', () => {
  it('exports an optimized graph (folded constants, fused elementwise chains) that runs like the original', async () => {
    const { g, y, loss } = mlp()
    const out = g.tanh(g.mul(g.add(y, g.mul(g.constant(2), g.constant(3))), g.sigmoid(y)))
    const { graph } = optimize(g, { outputs: [out, loss] })
    expect(graph.nodes.filter(n => n.op === 'fused').length).toBeGreaterThan(0)
    const feeds = feedsFor(graph, 5, 41)
    const bytes = await expectSameAsSession(graph, graph.outputs, [feeds])
    expect(inspectOnnx(bytes).nodes.map(n => n.opType)).not.toContain('fused')
    const original = new Session(g).run([out, loss], { x: nest(feeds.x.data, feeds.x.shape) })
    const optimized = new Session(graph).run(graph.outputs, { x: nest(feeds.x.data, feeds.x.shape) })
    original.forEach((t, i) => expectClose([...optimized[i].data], [...t.data], 1e-12, `output ${i}`))
  })
})
