// Exercise 05 · Constant folding, a graph pass. You edit exercise.ts (made from this file); check it with
// `npm run workshop -- check 05`. A pass reads a Graph and builds a better one computing the same
// outputs: here, work that depends on no input is done once, now, instead of on every run.
/* eslint-disable unused-imports/no-unused-imports, unused-imports/no-unused-vars -- the starter leaves these for you to use */
import type { GraphNode } from '../../engine/index'
import { getOp, Graph } from '../../engine/index'
import { constantFor, copyNode } from './given' // copy a node into another graph / put a constant in its place

/**
 * A new graph with the same outputs where every op node whose inputs are all constants has become a
 * constant holding its value. Placeholders and variables are never constants: their values come later.
 */
export function foldConstants(graph: Graph): Graph {
  const out = new Graph()
  const map = new Map<GraphNode, GraphNode>() // each node of `graph` → the node standing for it in `out`
  for (const node of graph.nodes) { // inputs first, so map already holds every input
    const inputs = node.inputs.map(x => map.get(x)!)
    // TODO: if `node` has inputs and every one of them is a constant in `out` (op === 'constant'), compute
    // its value now with getOp(node.op).forward(<the inputs' .value!>, node.attrs) and add
    // constantFor(out, node, value) instead of the copy below.
    map.set(node, copyNode(out, node, inputs))
  }
  out.outputs = graph.outputs.map(o => map.get(o)!)
  return out
}

/** A new graph holding only the nodes `graph.outputs` need (after folding, many constants are unused). */
export function pruneUnused(graph: Graph): Graph {
  // TODO: collect the nodes the outputs need (walk back through inputs, as in exercise 03), then copy
  // just those, in graph order, with copyNode (mapping inputs as foldConstants does); set `outputs`.
  throw new Error('TODO: write pruneUnused (exercise.ts)')
}

/** The whole pass: fold, then drop what nothing uses any more. */
export function optimizeGraph(graph: Graph): Graph {
  return pruneUnused(foldConstants(graph))
}
