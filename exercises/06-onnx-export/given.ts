// Exercise 06 · given code, shared by the starter and the solution: no need to change it.
import type { onnx } from 'onnx-proto'
import type { Graph, GraphNode, StaticShape } from '../../engine/index'
import onnxProto from 'onnx-proto'

/** The ONNX schema's message classes (onnx-proto is CommonJS: only its default import exists). */
export const proto = onnxProto.onnx
const FLOAT = proto.TensorProto.DataType.FLOAT

/** Writes one engine op node as ONNX operators reading `inputs` and naming the result `output`. */
export type OpMapping = (node: GraphNode, inputs: string[], output: string) => onnx.INodeProto[]

/** A tensor's name, type (float32) and shape; unknown dimensions get a symbolic name. */
function valueInfo(name: string, shape: StaticShape): onnx.IValueInfoProto {
  const dim = shape.map((d, i) => (d === null ? { dimParam: `${name}_dim${i}` } : { dimValue: d }))
  return { name, type: { tensorType: { elemType: FLOAT, shape: { dim } } } }
}

/**
 * The exporter. Placeholders become the model's inputs, constants and variables its weights
 * (initializers, float32), each op node goes through `mapping` (your toOnnxNodes), and `outputs` are
 * the model's outputs. Each value is named after its node (its name, else its id).
 */
export function exportModel(graph: Graph, outputs: readonly GraphNode[], mapping: OpMapping): Uint8Array {
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
      node.push(...mapping(n, n.inputs.map(nameOf), nameOf(n)))
  }
  const model = proto.ModelProto.create({
    irVersion: 8, // ONNX 1.13's file format, with opset 18: what onnxruntime 1.30 reads
    opsetImport: [{ domain: '', version: 18 }],
    producerName: 'workshop-exercise-06',
    graph: { name: 'exercise', node, initializer, input: inputs, output: outputs.map(o => valueInfo(nameOf(o), o.shape)) },
  })
  return proto.ModelProto.encode(model).finish()
}
