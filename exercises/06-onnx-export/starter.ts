// Exercise 06 · Export to ONNX, run in ONNX Runtime. You edit exercise.ts (made from this file); check it
// with `npm run workshop -- check 06`. ONNX is a file format for graphs: a list of standard operators
// (Add, MatMul, Relu, …) wired by value names, plus the weights. Any runtime that reads it can run it.
/* eslint-disable unused-imports/no-unused-imports, unused-imports/no-unused-vars -- the starter leaves these for you to use */
import type { onnx } from 'onnx-proto'
import type { GraphNode } from '../../engine/index'
import { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node'
import { proto } from './given' // the ONNX schema (exportModel, in given.ts, calls your toOnnxNodes)

/** AttributeProto.AttributeType.INT: ONNX attributes carry their type. */
const INT = proto.AttributeProto.AttributeType.INT

/**
 * The ONNX operators for one engine op node. `inputs` are the ONNX value names of the node's inputs, in
 * order; the result must be named `output`. Operator names: https://onnx.ai/onnx/operators/
 */
export function toOnnxNodes(node: GraphNode, inputs: string[], output: string): onnx.INodeProto[] {
  switch (node.op) {
    case 'add': // one ONNX operator with the same inputs (ONNX broadcasts like the engine and numpy)
      return [{ opType: 'Add', input: inputs, output: [output] }]
    case 'mul':
      return [{ opType: 'Mul', input: inputs, output: [output] }]
    // TODO: 'matmul' and 'relu': one ONNX operator each, written like 'add'.
    // TODO: 'sum' (over all axes: node.attrs.axis is not set in this exercise): ReduceSum, plus an
    // attribute keepdims, which ONNX sets to 1 unless told otherwise and the engine to false:
    // attribute: [{ name: 'keepdims', type: INT, i: node.attrs.keepdims ? 1 : 0 }]
    default:
      throw new Error(`TODO: no ONNX mapping for the op '${node.op}' yet (exercise.ts, toOnnxNodes)`)
  }
}

/** An input's or output's values: flat, row-major, with the shape. */
export interface Values { data: number[], shape: number[] }

/** Runs ONNX model bytes in ONNX Runtime with `feeds` (by input name); returns the first output. */
export async function runOnnx(bytes: Uint8Array, feeds: Readonly<Record<string, Values>>): Promise<Values> {
  // TODO: 1. const session = await InferenceSession.create(bytes)
  //       2. turn each feed into new OrtTensor('float32', Float32Array.from(data), shape), by the same name
  //       3. const results = await session.run(thoseTensors)
  //       4. the first output is results[session.outputNames[0]]: return its .data (as a plain array)
  //          and .dims (as a plain array)
  throw new Error('TODO: write runOnnx (exercise.ts)')
}
