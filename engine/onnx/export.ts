import type { Graph, GraphNode } from '../graph'
import type { Fetch } from '../session'
import { EngineError } from '../errors'
import { getOp } from '../ops/registry'
import { encodeModel, GraphBuilder, NameSet, valueInfo } from './model'

export interface OnnxExportOptions {
  /** what the model computes (nodes, names or ids); defaults to the graph's declared `outputs` */
  outputs?: readonly Fetch[]
}

/**
 * Exports a graph as an ONNX model, like `torch.onnx.export`: the placeholders the outputs depend on
 * become the model's inputs (same names; unknown dimensions become symbolic), variables and constants
 * become float32 initializers, each op becomes the ONNX operators its registry entry maps it to, and
 * the outputs are named after their node (its name, else its id).
 */
export function toOnnx(graph: Graph, options: OnnxExportOptions = {}): Uint8Array {
  const outputs = resolveOutputs(graph, options.outputs)
  const needed = ancestors(outputs)
  const nodes = graph.nodes.filter(n => needed.has(n))
  const builder = new GraphBuilder(new NameSet())
  const values = new Map<GraphNode, string>()
  // Inputs first, so they keep their names: that is what a user feeds.
  const inputs = nodes.filter(n => n.op === 'placeholder').map((p) => {
    const name = builder.names.claim(p.name ?? p.id)
    values.set(p, name)
    return valueInfo(name, p.shape, axis => `${name}_dim${axis}`)
  })
  emitNodes(builder, nodes, values)
  const used = new Set<string>()
  const outputInfos = outputs.map(o => valueInfo(outputName(builder, o, values.get(o)!, used), o.shape))
  return encodeModel(builder.graph('engine', inputs, outputInfos))
}

/** Emits `nodes` (in order, inputs first) into `builder`; `values` maps each node to its ONNX value name. */
export function emitNodes(builder: GraphBuilder, nodes: readonly GraphNode[], values: Map<GraphNode, string>): void {
  for (const n of nodes) {
    if (values.has(n))
      continue
    if (n.op === 'placeholder')
      throw new EngineError(`toOnnx: placeholder '${n.label}' (node ${n.id}) has no value here`)
    if (n.op === 'variable' || n.op === 'constant') {
      values.set(n, builder.initializer(n.name ?? `${n.id}_const`, n.value!))
      continue
    }
    const def = getOp(n.op)
    if (!def.onnx)
      throw new EngineError(`toOnnx: cannot export op '${n.op}' (node ${n.id}): it has no ONNX mapping`)
    builder.hint = n.id
    const first = builder.nodes.length
    let value = def.onnx(builder, { inputs: n.inputs.map(x => values.get(x)!), shapes: n.inputs.map(x => x.shape), attrs: n.attrs })
    // The op's result takes the node's own name, so the model reads like the engine graph.
    if (builder.nodes.slice(first).some(p => p.output!.includes(value))) {
      const name = builder.names.claim(n.name ?? n.id)
      builder.rename(value, name)
      value = name
    }
    values.set(n, value)
  }
}

/** The name a graph output is known by: the node's value, or an Identity of it when that value is an input, an initializer or already an output. */
export function outputName(builder: GraphBuilder, node: GraphNode, value: string, used: Set<string>): string {
  let name = value
  if (used.has(value) || !builder.nodes.some(p => p.output!.includes(value))) {
    builder.hint = node.name ?? node.id
    name = builder.node('Identity', [value])
    const readable = builder.names.claim(`${node.name ?? node.id}_out`)
    builder.rename(name, readable)
    name = readable
  }
  used.add(name)
  return name
}

function resolveOutputs(graph: Graph, fetches: readonly Fetch[] | undefined): GraphNode[] {
  const list = fetches ?? graph.outputs
  if (list.length === 0)
    throw new EngineError('toOnnx: nothing to export: the graph declares no outputs, pass them as toOnnx(graph, { outputs: [...] })')
  return list.map((f) => {
    const n = typeof f === 'string' ? graph.node(f) : f
    if (n.graph !== graph)
      throw new EngineError(`toOnnx: output ${n.id} (${n.label}) belongs to another graph`)
    return n
  })
}

function ancestors(outputs: readonly GraphNode[]): Set<GraphNode> {
  const seen = new Set<GraphNode>()
  const stack = [...outputs]
  while (stack.length) {
    const n = stack.pop()!
    if (!seen.has(n)) {
      seen.add(n)
      stack.push(...n.inputs)
    }
  }
  return seen
}
