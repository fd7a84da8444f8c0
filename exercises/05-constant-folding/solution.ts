// Exercise 05 · Constant folding, a graph pass: the reference solution.
import type { GraphNode, NDArray } from '../../engine/index'
import { getOp, Graph } from '../../engine/index'

/** Adds to `target` a copy of `node` with new `inputs`, keeping its id, name, kind and attrs. */
export function copyNode(target: Graph, node: GraphNode, inputs: readonly GraphNode[]): GraphNode {
  return target.addNode({ op: node.op, inputs, attrs: node.attrs, shape: node.shape, kind: node.kind, name: node.name, value: node.value, id: node.id })
}

/** Adds to `target` a constant holding `value` in place of `node` (same id and name). */
export function constantFor(target: Graph, node: GraphNode, value: NDArray): GraphNode {
  return target.addNode({ op: 'constant', shape: value.shape, kind: 'const', value, id: node.id, name: node.name })
}

/** Every op node whose inputs are all constants becomes a constant holding its value. */
export function foldConstants(graph: Graph): Graph {
  const out = new Graph()
  const map = new Map<GraphNode, GraphNode>()
  for (const node of graph.nodes) {
    const inputs = node.inputs.map(x => map.get(x)!)
    const foldable = inputs.length > 0 && inputs.every(x => x.op === 'constant')
    map.set(node, foldable
      ? constantFor(out, node, getOp(node.op).forward(inputs.map(x => x.value!), node.attrs))
      : copyNode(out, node, inputs))
  }
  out.outputs = graph.outputs.map(o => map.get(o)!)
  return out
}

/** Only the nodes `graph.outputs` need. */
export function pruneUnused(graph: Graph): Graph {
  const needed = new Set<GraphNode>()
  const stack = [...graph.outputs]
  while (stack.length) {
    const node = stack.pop()!
    if (!needed.has(node)) {
      needed.add(node)
      stack.push(...node.inputs)
    }
  }
  const out = new Graph()
  const map = new Map<GraphNode, GraphNode>()
  for (const node of graph.nodes) {
    if (needed.has(node))
      map.set(node, copyNode(out, node, node.inputs.map(x => map.get(x)!)))
  }
  out.outputs = graph.outputs.map(o => map.get(o)!)
  return out
}

/** The whole pass: fold, then drop what nothing uses any more. */
export function optimizeGraph(graph: Graph): Graph {
  return pruneUnused(foldConstants(graph))
}
