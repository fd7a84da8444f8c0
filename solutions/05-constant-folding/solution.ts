// Exercise 05 · Constant folding, a graph pass: the reference solution.
import type { GraphNode } from '../../engine/index'
import { getOp, Graph } from '../../engine/index'
import { constantFor, copyNode } from '../../exercises/05-constant-folding/given' // copy a node into another graph / put a constant in its place

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
