// The protobuf side of the export: ONNX nodes, initializers, value infos and the ModelProto, built
// with onnx-proto's generated classes (ONNX 1.10 schema, protobufjs) and never encoded by hand.
import type { onnx } from 'onnx-proto'
import type { NDArray, OnnxAttr, OnnxSubgraph } from '../ops/types'
import type { StaticShape } from '../shape'
import onnxProto from 'onnx-proto'
import { EngineError } from '../errors'

// onnx-proto is CommonJS (`module.exports = $root`): only its default export exists under Node's ESM
// loader and Vite alike.
const proto = onnxProto.onnx
const { AttributeType } = proto.AttributeProto
const { DataType } = proto.TensorProto

/**
 * Opset 18 (ONNX 1.13), IR version 8: the pair the ONNX versioning table gives, well inside what
 * onnxruntime 1.30 runs, and IR 8 is what the ONNX 1.10 schema of onnx-proto describes. Opset 18
 * takes reduction axes as an input for ReduceSum and ReduceMean alike.
 */
export const ONNX_OPSET = 18
export const ONNX_IR_VERSION = 8

/** A subgraph as op mappings see it: opaque, passed on as an attribute value. */
class Subgraph implements OnnxSubgraph {
  readonly onnxSubgraph = true
  constructor(readonly graph: onnx.IGraphProto) {}
}

/** Names already taken in a model: ONNX wants every value name unique, subgraphs included. */
export class NameSet {
  private readonly used = new Set<string>()

  /** `hint` itself if free, else `hint_2`, `hint_3`, … */
  claim(hint: string): string {
    let name = hint
    for (let k = 2; this.used.has(name); k++) name = `${hint}_${k}`
    this.used.add(name)
    return name
  }
}

/** Collects one ONNX graph's nodes and initializers; op mappings write through it (see export.ts). */
export class GraphBuilder {
  readonly nodes: onnx.INodeProto[] = []
  readonly initializers: onnx.ITensorProto[] = []
  /** names this graph defines (node outputs, initializers); outer values are only referenced */
  readonly defined = new Set<string>()
  /** prefix for the names of intermediate values, e.g. the engine node id being exported */
  hint = 'v'
  private readonly constants = new Map<string, string>()

  constructor(readonly names: NameSet) {}

  node(opType: string, inputs: readonly string[], attrs: Readonly<Record<string, OnnxAttr>> = {}): string {
    const output = this.names.claim(`${this.hint}_${opType}`)
    this.nodes.push({
      opType,
      name: output,
      input: [...inputs],
      output: [output],
      attribute: Object.entries(attrs).map(([name, value]) => attribute(opType, name, value)),
    })
    this.defined.add(output)
    return output
  }

  int64(values: number | readonly number[]): string {
    const dims = typeof values === 'number' ? [] : [values.length]
    const data = typeof values === 'number' ? [values] : [...values]
    return this.constant(`int64:${dims.length}:${data.join(',')}`, () => ({ dataType: DataType.INT64, dims, int64Data: data }))
  }

  float(value: number): string {
    return this.constant(`float:${value}`, () => ({ dataType: DataType.FLOAT, dims: [], floatData: [value] }))
  }

  /** A float32 initializer holding an engine value (variables and constants). */
  initializer(name: string, value: NDArray): string {
    const n = this.names.claim(name)
    // Float32: the engine's float64 values are rounded, as the ONNX models most frameworks export are.
    this.initializers.push({ name: n, dataType: DataType.FLOAT, dims: [...value.shape], floatData: Array.from(value.data) })
    this.defined.add(n)
    return n
  }

  /** Gives the value `from` (made by this builder's last nodes) the name `to`, in place. */
  rename(from: string, to: string): void {
    for (const n of this.nodes) {
      n.input = n.input!.map(x => (x === from ? to : x))
      n.output = n.output!.map(x => (x === from ? to : x))
    }
    this.defined.delete(from)
    this.defined.add(to)
  }

  /** This graph as a subgraph attribute (If's branches): no inputs, it reads outer values by name. */
  asSubgraph(name: string, outputs: onnx.IValueInfoProto[]): OnnxSubgraph {
    return new Subgraph(this.graph(name, [], outputs))
  }

  graph(name: string, inputs: onnx.IValueInfoProto[], outputs: onnx.IValueInfoProto[]): onnx.IGraphProto {
    return { name, node: this.nodes, initializer: this.initializers, input: inputs, output: outputs }
  }

  private constant(key: string, make: () => onnx.ITensorProto): string {
    let name = this.constants.get(key)
    if (!name) {
      name = this.names.claim(`${this.hint}_const`)
      this.initializers.push({ ...make(), name })
      this.defined.add(name)
      this.constants.set(key, name)
    }
    return name
  }
}

function attribute(opType: string, name: string, value: OnnxAttr): onnx.IAttributeProto {
  if (typeof value === 'number') {
    if (!Number.isInteger(value))
      throw new EngineError(`toOnnx: attribute ${name} of ${opType} must be an integer, got ${value} (write { float: ${value} } for a float)`)
    return { name, type: AttributeType.INT, i: value }
  }
  if (typeof value === 'string')
    return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) }
  if (value instanceof Subgraph)
    return { name, type: AttributeType.GRAPH, g: value.graph }
  if ('float' in value)
    return { name, type: AttributeType.FLOAT, f: value.float }
  if (Array.isArray(value))
    return { name, type: AttributeType.INTS, ints: [...value] }
  throw new EngineError(`toOnnx: attribute ${name} of ${opType} has an unsupported value`)
}

/**
 * A float32 tensor's name, element type and shape. `null` (unknown) dimensions become a symbolic
 * `dimParam` when `symbol` names them (graph inputs), else stay unknown (outputs).
 */
export function valueInfo(name: string, shape: StaticShape, symbol?: (axis: number) => string): onnx.IValueInfoProto {
  const dim = shape.map((d, i) => (d !== null ? { dimValue: d } : symbol ? { dimParam: symbol(i) } : {}))
  return { name, type: { tensorType: { elemType: DataType.FLOAT, shape: { dim } } } }
}

/** Encodes a ModelProto around a main graph. */
export function encodeModel(graph: onnx.IGraphProto): Uint8Array {
  const model = proto.ModelProto.create({
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    producerName: 'teaching-engine',
    producerVersion: '1',
    graph,
  })
  return proto.ModelProto.encode(model).finish()
}

/** Decodes bytes written by `toOnnx` (or any ONNX model), for tests and tools that inspect a model. */
export function decodeModel(bytes: Uint8Array): onnx.ModelProto {
  return proto.ModelProto.decode(bytes)
}
