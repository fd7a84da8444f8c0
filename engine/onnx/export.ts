import type { Graph, GraphNode } from '../graph'
import type { NodeLike, OnnxEmitter, OnnxSubgraph, Subgraph } from '../ops/types'
import type { Fetch, Session } from '../session'
import { EngineError } from '../errors'
import { evaluate } from '../evaluate'
import { quietly } from '../hooks'
import { getOp } from '../ops/registry'
import { graphInputs } from '../ops/sources'
import { nodesNeeded } from '../walk'
import { encodeModel, GraphBuilder, NameSet, valueInfo } from './model'

export interface OnnxExportOptions {
  /** what the model computes (nodes, names or ids); defaults to the graph's declared `outputs` */
  outputs?: readonly Fetch[]
  /** take the variables' values from this session (after training), as torch.onnx.export takes the current weights; default: their initial values */
  session?: Session
}

/**
 * Exports a graph as an ONNX model, like `torch.onnx.export`: the placeholders the outputs depend on
 * become the model's inputs (same names; unknown dimensions become symbolic), variables and constants
 * become float32 initializers, each op becomes the ONNX operators its registry entry maps it to, and
 * the outputs are named after their node (its name, else its id).
 */
export function toOnnx(graph: Graph, options: OnnxExportOptions = {}): Uint8Array {
  const outputs = resolveOutputs(graph, options.outputs)
  if (options.session && options.session.graph !== graph)
    throw new EngineError('toOnnx: options.session runs another graph')
  const builder = new Exporter(new NameSet(), '', options.session)
  // Inputs first, so they keep their names: that is what a user feeds. Unused placeholders are left out.
  const needed = nodesNeeded(outputs)
  const values = new Map<NodeLike, string>(graphInputs(graph).filter(p => needed.has(p)).map(p => [p, builder.names.claim(p.name ?? p.id)]))
  const inputs = [...values].map(([p, name]) => valueInfo(name, p.shape, axis => `${name}_dim${axis}`))
  return encodeModel(builder.graph('engine', inputs, builder.emit(graph, values, outputs)))
}

/** A GraphBuilder that writes engine nodes through their ops' mappings, subgraphs included. */
class Exporter extends GraphBuilder implements OnnxEmitter {
  /** `prefix`: put before the node ids of a subgraph, whose ids may repeat the outer graph's */
  constructor(names: NameSet, private readonly prefix: string, private readonly session?: Session) {
    super(names)
  }

  subgraph(graph: Subgraph, inputs: readonly string[], name: string): OnnxSubgraph {
    const placeholders = graphInputs(graph)
    if (placeholders.length !== inputs.length)
      throw new EngineError(`toOnnx: subgraph ${name} has ${placeholders.length} placeholder(s) but is given ${inputs.length} value(s)`)
    if (graph.outputs.length === 0)
      throw new EngineError(`toOnnx: subgraph ${name} declares no outputs`)
    const label = `${this.hint}_${name}`
    const child = new Exporter(this.names, `${label}_`)
    const values = new Map<NodeLike, string>(placeholders.map((p, i) => [p, inputs[i]]))
    const outputs = child.emit(graph, values, graph.outputs)
    return child.asSubgraph(label, outputs)
  }

  /**
   * Writes what `outputs` need with the one interpreter, where a node's "value" is the ONNX name
   * holding it: `known` names the graph's inputs; sources become initializers, ops their mapping's
   * operators. Returns the outputs' infos.
   */
  emit(graph: Subgraph, known: ReadonlyMap<NodeLike, string>, outputs: readonly NodeLike[]) {
    const initializer = (n: NodeLike) => this.initializer(n.name ? this.own(n) : `${this.own(n)}_const`, n.value!)
    const values = evaluate<string>(graph, outputs, {
      placeholder: (p) => {
        throw new EngineError(`toOnnx: placeholder '${p.name}' (node ${p.id}) has no value here`)
      },
      variable: n => (this.session ? this.initializer(this.own(n), quietly(() => this.session!.run(n.id))) : initializer(n)),
      constant: initializer,
    }, (n, inputs) => this.emitNode(n, inputs), known)
    const used = new Set<string>()
    return outputs.map(o => valueInfo(this.outputName(o, values.get(o)!, used), o.shape))
  }

  /** The name a node's value takes in the model: its name, else its id, prefixed inside a subgraph. */
  private own(n: NodeLike): string {
    return `${this.prefix}${n.name ?? n.id}`
  }

  private emitNode(n: NodeLike, inputs: readonly string[]): string {
    const def = getOp(n.op)
    if (!def.onnx)
      throw new EngineError(`toOnnx: cannot export op '${n.op}' (node ${n.id}): it has no ONNX mapping`)
    this.hint = `${this.prefix}${n.id}`
    const first = this.nodes.length
    const value = def.onnx(this, { inputs, shapes: n.inputs.map(x => x.shape), attrs: n.attrs })
    if (!this.nodes.slice(first).some(p => p.output!.includes(value)))
      return value // the op passes a value through unchanged
    // The op's result takes the node's own name, so the model reads like the engine graph.
    const name = this.names.claim(this.own(n))
    this.rename(value, name)
    return name
  }

  /** An output's name: its node's value, or an Identity of it when that value is an input, an initializer, from outside, or already an output. */
  private outputName(node: NodeLike, value: string, used: Set<string>): string {
    let name = value
    if (used.has(value) || !this.nodes.some(p => p.output!.includes(value))) {
      this.hint = `${this.prefix}${node.id}`
      name = this.names.claim(`${this.prefix}${node.name ?? node.id}_out`)
      this.rename(this.node('Identity', [value]), name)
    }
    used.add(name)
    return name
  }
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
