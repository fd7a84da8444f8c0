import type { PassLogEntry, PassName, PassResult } from './work'
import { EngineError } from '../errors'
import { Graph, GraphNode } from '../graph'
import { notify, quietly } from '../hooks'
import { constantFolding } from './constant-folding'
import { cse } from './cse'
import { fusion } from './fusion'
import { prune } from './prune'
import { PASS_NAMES, Work } from './work'

export interface OptimizeOptions {
  /** what the graph must still compute (nodes, names or ids of the input graph); default `graph.outputs` */
  outputs?: readonly (GraphNode | string)[]
  /** which passes to run, in this order; default all four in PASS_NAMES order */
  passes?: readonly PassName[]
}

export interface OptimizeResult {
  /** a new graph declaring its outputs; surviving nodes keep their ids, new nodes get fresh ones */
  graph: Graph
  /** one entry per pass run, in order */
  log: PassLogEntry[]
}

const PASSES: Record<PassName, (w: Work) => PassResult> = {
  'constant-folding': constantFolding,
  'cse': cse,
  'prune': prune,
  'fusion': fusion,
}

/**
 * Graph passes, the ideas behind Grappler and TorchInductor: constant folding, common-subexpression
 * elimination, dead-node pruning, elementwise fusion. The input graph is left as it was; the result
 * computes the same outputs. Each pass is also reported to observers (`record` shows `pass` events).
 */
export function optimize(graph: Graph, options: OptimizeOptions = {}): OptimizeResult {
  if (!(graph instanceof Graph))
    throw new EngineError('optimize: expects a Graph')
  const outputs = resolveOutputs(graph, options.outputs)
  const passes = options.passes ?? PASS_NAMES
  for (const p of passes) {
    if (!(p in PASSES))
      throw new EngineError(`optimize: unknown pass '${String(p)}' (known: ${PASS_NAMES.join(', ')})`)
  }
  const w = new Work(graph, outputs)
  const log: PassLogEntry[] = []
  for (const pass of passes) {
    const entry: PassLogEntry = { pass, ...PASSES[pass](w) }
    log.push(entry)
    notify(o => o.pass?.(structuredClone(entry)))
  }
  return { graph: quietly(() => build(w)), log }
}

function resolveOutputs(graph: Graph, given: OptimizeOptions['outputs']): string[] {
  const list = given ?? graph.outputs
  if (list.length === 0) {
    throw new EngineError(given
      ? 'optimize: { outputs } is empty; name at least one node to keep'
      : 'optimize: this graph declares no outputs, so every node would be dead. Pass optimize(g, { outputs: [y] }) with the nodes you will fetch')
  }
  return list.map((x) => {
    if (x instanceof GraphNode) {
      if (x.graph !== graph)
        throw new EngineError(`optimize: output ${x.id} (${x.label}) belongs to another graph`)
      return x.id
    }
    const n = graph.find(x)
    if (!n)
      throw new EngineError(`optimize: no node '${x}' in this graph, so it cannot be an output`)
    return n.id
  })
}

/** The optimised graph, built quietly: observers get the pass events, not a node event per copy. */
function build(w: Work): Graph {
  const g = new Graph()
  const made = new Map<string, GraphNode>()
  // A WorkNode is a NodeSpec with input ids: keep ids, names, values and gradient links as they are.
  for (const n of w.nodes) made.set(n.id, g.addNode({ ...n, inputs: n.inputs.map(x => made.get(x)!) }))
  g.outputs = w.outputs.map(x => made.get(x)!)
  return g
}
