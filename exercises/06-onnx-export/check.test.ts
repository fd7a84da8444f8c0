// Checks for exercise 06: each op's ONNX operators against the engine's own exporter (toOnnx), your
// runOnnx on a model the engine exported, then your whole export run in ONNX Runtime against Session.run.
import type { GraphNode } from '../../engine/index'
import { describe, expect, it } from 'vitest'
import { Graph, Session, tensor } from '../../engine/index'
import { inspectOnnx, toOnnx } from '../../engine/onnx/index'
import { expectClose } from '../check-helpers'
import { runOnnx, toOnnxNodes } from './exercise'
import { exportModel } from './given'

/** The ONNX operator types of a model, in order. */
const opTypes = (bytes: Uint8Array) => inspectOnnx(bytes).nodes.map(n => n.opType)

/** A one-op graph on a placeholder x [2, 3] (and a weight W [3, 2] for matmul). */
function oneOp(build: (g: Graph, x: GraphNode) => GraphNode) {
  const g = new Graph()
  const x = g.placeholder('x', [2, 3])
  const y = build(g, x)
  return { g, y }
}

const x23 = { data: [1, -2, 3, -0.5, 0, 2], shape: [2, 3] }
const nested = (v: { data: number[], shape: number[] }) => tensor(Array.from({ length: v.shape[0] }, (_, i) => v.data.slice(i * v.shape[1], (i + 1) * v.shape[1])))

describe('toOnnxNodes: the same ONNX operators as the engine\'s exporter', () => {
  const cases: [string, (g: Graph, x: GraphNode) => GraphNode][] = [
    ['relu(x)', (g, x) => g.relu(x)],
    ['matmul(x, W)', (g, x) => g.matmul(x, g.variable('W', [[1, 0], [0, 1], [1, 1]]))],
    ['sum(x)', (g, x) => g.sum(x)],
  ]
  for (const [text, build] of cases) {
    it(text, () => {
      const { g, y } = oneOp(build)
      expect(opTypes(exportModel(g, [y], toOnnxNodes)), `the ONNX operators for ${text}`).toEqual(opTypes(toOnnx(g, { outputs: [y] })))
    })
  }
})

describe('runOnnx', () => {
  it('runs a model (exported by the engine) in ONNX Runtime', async () => {
    const { g, y } = oneOp((g, x) => g.add(g.mul(x, 2), 1))
    const got = await runOnnx(toOnnx(g, { outputs: [y] }), { x: x23 })
    expectClose({ data: Float64Array.from(got.data), shape: got.shape }, new Session(g).run(y, { x: nested(x23) }), 'x * 2 + 1 in ONNX Runtime', 1e-5)
  })
})

describe('your export, run in ONNX Runtime, matches Session.run', () => {
  it('sum(x, keepdims) keeps the reduced axes, sum(x) does not (ONNX keeps them by default)', async () => {
    for (const keepdims of [true, false]) {
      const { g, y } = oneOp((g, x) => g.sum(x, undefined, keepdims))
      const got = await runOnnx(exportModel(g, [y], toOnnxNodes), { x: x23 })
      expectClose({ data: Float64Array.from(got.data), shape: got.shape }, new Session(g).run(y, { x: nested(x23) }), `sum(x${keepdims ? ', keepdims' : ''}) in ONNX Runtime`, 1e-5)
    }
  })

  it('a small network: sum(relu(x @ W + b) * 0.5) for a batch of 2', async () => {
    const g = new Graph()
    const x = g.placeholder('x', [null, 3])
    const W = g.variable('W', [[0.5, -1, 0.25, 2], [1, 0.5, -0.5, 0], [-1, 1, 1, 0.75]])
    const b = g.constant([0.1, -0.2, 0.3, 0], 'b')
    const h = g.relu(g.add(g.matmul(x, W), b))
    const y = g.sum(g.mul(h, 0.5))
    const got = await runOnnx(exportModel(g, [y], toOnnxNodes), { x: x23 })
    expectClose({ data: Float64Array.from(got.data), shape: got.shape }, new Session(g).run(y, { x: nested(x23) }), 'the network in ONNX Runtime', 1e-5)
  })
})
