import type { onnx } from 'onnx-proto'
import { decodeModel } from './model'

/** A tensor's name and shape as read back from a model: a number, a symbolic name, or null (unknown). */
export interface OnnxValueSummary {
  name: string
  shape: (number | string | null)[]
  /** ONNX TensorProto.DataType: 1 = float32, 7 = int64, 9 = bool */
  dataType: number
}

/** What an ONNX model holds, as plain JSON: enough to show an exported model on a slide or check it in a test. */
export interface OnnxSummary {
  irVersion: number
  /** the default-domain opset */
  opset: number | null
  producer: string
  inputs: OnnxValueSummary[]
  outputs: OnnxValueSummary[]
  initializers: OnnxValueSummary[]
  nodes: { opType: string, inputs: string[], outputs: string[], attributes: string[], subgraphs: OnnxSummary['nodes'][] }[]
}

/** Decodes ONNX model bytes (from `toOnnx` or elsewhere) with the ONNX schema and summarises them. */
export function inspectOnnx(bytes: Uint8Array): OnnxSummary {
  const model = decodeModel(bytes)
  const graph = model.graph ?? {}
  return {
    irVersion: num(model.irVersion),
    opset: (model.opsetImport ?? []).filter(o => !o.domain).map(o => num(o.version))[0] ?? null,
    producer: model.producerName ?? '',
    inputs: (graph.input ?? []).map(valueSummary),
    outputs: (graph.output ?? []).map(valueSummary),
    initializers: (graph.initializer ?? []).map(t => ({ name: t.name ?? '', shape: (t.dims ?? []).map(num), dataType: t.dataType ?? 0 })),
    nodes: nodesOf(graph),
  }
}

function nodesOf(graph: onnx.IGraphProto): OnnxSummary['nodes'] {
  return (graph.node ?? []).map(n => ({
    opType: n.opType ?? '',
    inputs: [...(n.input ?? [])],
    outputs: [...(n.output ?? [])],
    attributes: (n.attribute ?? []).map(a => a.name ?? ''),
    subgraphs: (n.attribute ?? []).flatMap(a => (a.g ? [nodesOf(a.g)] : [])),
  }))
}

function valueSummary(v: onnx.IValueInfoProto): OnnxValueSummary {
  const t = v.type?.tensorType
  return {
    name: v.name ?? '',
    // Unset fields decode to defaults on the prototype, so an unknown dimension is one with neither set here.
    shape: (t?.shape?.dim ?? []).map(d => (d.dimParam ? d.dimParam : Object.hasOwn(d, 'dimValue') ? num(d.dimValue) : null)),
    dataType: t?.elemType ?? 0,
  }
}

/** int64 fields decode as numbers or Long objects, depending on whether `long` is installed. */
function num(x: number | { toString: () => string } | null | undefined): number {
  return typeof x === 'number' ? x : Number(x?.toString() ?? 0)
}
