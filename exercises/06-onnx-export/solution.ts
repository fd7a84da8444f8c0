// Exercise 06 · Export to ONNX, run in ONNX Runtime: the reference solution.
import type { onnx } from 'onnx-proto'
import type { Graph, GraphNode, StaticShape } from '../../engine/index'
import onnxProto from 'onnx-proto'
import { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node'

const proto = onnxProto.onnx
const INT = proto.AttributeProto.AttributeType.INT
const FLOAT = proto.TensorProto.DataType.FLOAT

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

/** A tensor's name, type (float32) and shape; unknown dimensions get a symbolic name. */
function valueInfo(name: string, shape: StaticShape): onnx.IValueInfoProto {
  const dim = shape.map((d, i) => (d === null ? { dimParam: `${name}_dim${i}` } : { dimValue: d }))
  return { name, type: { tensorType: { elemType: FLOAT, shape: { dim } } } }
}

/** The exporter: placeholders → inputs, constants and variables → initializers, op nodes → toOnnxNodes. */
export function exportModel(graph: Graph, outputs: readonly GraphNode[]): Uint8Array {
  const nameOf = (n: GraphNode): string => n.name ?? n.id
  const inputs: onnx.IValueInfoProto[] = []
  const initializer: onnx.ITensorProto[] = []
  const node: onnx.INodeProto[] = []
  for (const n of graph.nodes) {
    if (n.op === 'placeholder')
      inputs.push(valueInfo(nameOf(n), n.shape))
    else if (n.op === 'constant' || n.op === 'variable')
      initializer.push({ name: nameOf(n), dataType: FLOAT, dims: [...n.value!.shape], floatData: Array.from(n.value!.data) })
    else
      node.push(...toOnnxNodes(n, n.inputs.map(nameOf), nameOf(n)))
  }
  const model = proto.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 18 }],
    producerName: 'workshop-exercise-06',
    graph: { name: 'exercise', node, initializer, input: inputs, output: outputs.map(o => valueInfo(nameOf(o), o.shape)) },
  })
  return proto.ModelProto.encode(model).finish()
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
