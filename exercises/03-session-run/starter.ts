// Exercise 03 · Session.run. You edit exercise.ts (made from this file); check it with
// `npm run workshop -- check 03`. A Graph holds nodes that describe a computation and no values:
// `run` computes the values of the nodes you fetch, and nothing else.
/* eslint-disable unused-imports/no-unused-imports, unused-imports/no-unused-vars -- the starter leaves these for you to use */
import type { Graph, GraphNode, NDArray, TensorData } from '../../engine/index'
import { getOp, tensor } from '../../engine/index'

/** What is fed into the placeholders, by placeholder name: `{ x: [[1, 2]] }`. */
export type Feeds = Readonly<Record<string, TensorData>>

/** The fetches and every node they depend on (through `node.inputs`), each once. */
export function neededNodes(fetches: readonly GraphNode[]): Set<GraphNode> {
  const needed = new Set<GraphNode>()
  // TODO: walk back from the fetches: add a node, then its inputs, their inputs, … (skip nodes already in
  // the set). A stack or a recursive function both work.
  return needed
}

/** One node's value, from the values of its inputs (already computed) and the feeds. */
function evaluate(node: GraphNode, values: ReadonlyMap<GraphNode, NDArray>, feeds: Feeds): NDArray {
  switch (node.op) {
    case 'constant':
    case 'variable':
      return node.value! // a variable's initial value; a real Session would keep its current value
    case 'placeholder':
      // TODO: return the value fed under this placeholder's name (node.name) as a tensor: tensor(data).
      // If it was not fed, throw an Error that says which placeholder is missing.
      throw new Error(`TODO: look up the feed for placeholder '${node.name}' (exercise.ts)`)
    default:
      // TODO: an op node: compute it with the registry's forward, getOp(node.op).forward(inputValues,
      // node.attrs), where inputValues are the values of node.inputs, in order.
      throw new Error(`TODO: compute the ${node.op} node ${node.id} (exercise.ts)`)
  }
}

/** The values of `fetches`, evaluating only the nodes they need, each once, inputs before the node. */
export function run(graph: Graph, fetches: readonly GraphNode[], feeds: Feeds = {}): NDArray[] {
  const needed = neededNodes(fetches)
  const values = new Map<GraphNode, NDArray>()
  // graph.nodes lists the nodes in the order they were built, so each comes after its inputs.
  for (const node of graph.nodes) {
    // TODO: skip the nodes that are not needed.
    values.set(node, evaluate(node, values, feeds))
  }
  return fetches.map(f => values.get(f)!)
}
