// Exercise 06 · Export to ONNX, run in ONNX Runtime: the reference solution.
import type { onnx } from 'onnx-proto'
import type { GraphNode } from '../../engine/index'
import { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node'
import { proto } from '../../exercises/06-onnx-export/given' // the ONNX schema (exportModel, in given.ts, calls your toOnnxNodes)

const INT = proto.AttributeProto.AttributeType.INT

/** The ONNX operators for one engine op node, reading `inputs` and writing `output`. */
export function toOnnxNodes(node: GraphNode, inputs: string[], output: string): onnx.INodeProto[] {
  switch (node.op) {
    case 'add':
      return [{ opType: 'Add', input: inputs, output: [output] }]
    case 'mul':
      return [{ opType: 'Mul', input: inputs, output: [output] }]
    case 'matmul':
      return [{ opType: 'MatMul', input: inputs, output: [output] }]
    case 'relu':
      return [{ opType: 'Relu', input: inputs, output: [output] }]
    case 'sum': // all axes: ReduceSum without its optional axes input
      return [{ opType: 'ReduceSum', input: inputs, output: [output], attribute: [{ name: 'keepdims', type: INT, i: node.attrs.keepdims ? 1 : 0 }] }]
    default:
      throw new Error(`no ONNX mapping for the op '${node.op}'`)
  }
}

/** An input's or output's values: flat, row-major, with the shape. */
export interface Values { data: number[], shape: number[] }

/** Runs ONNX model bytes in ONNX Runtime with `feeds` (by input name); returns the first output. */
export async function runOnnx(bytes: Uint8Array, feeds: Readonly<Record<string, Values>>): Promise<Values> {
  const session = await InferenceSession.create(bytes)
  const inputs = Object.fromEntries(Object.entries(feeds)
    .map(([name, v]) => [name, new OrtTensor('float32', Float32Array.from(v.data), v.shape)]))
  const results = await session.run(inputs)
  const out = results[session.outputNames[0]]
  return { data: Array.from(out.data as Float32Array), shape: [...out.dims] }
}
