// Exercise 03 · Session.run: the reference solution.
import type { Graph, GraphNode, NDArray, TensorData } from '../../engine/index'
import { getOp, tensor } from '../../engine/index'

/** What is fed into the placeholders, by placeholder name: `{ x: [[1, 2]] }`. */
export type Feeds = Readonly<Record<string, TensorData>>

/** The fetches and every node they depend on (through `node.inputs`), each once. */
export function neededNodes(fetches: readonly GraphNode[]): Set<GraphNode> {
  const needed = new Set<GraphNode>()
  const stack = [...fetches]
  while (stack.length) {
    const node = stack.pop()!
    if (needed.has(node))
      continue
    needed.add(node)
    stack.push(...node.inputs)
  }
  return needed
}

/** One node's value, from the values of its inputs (already computed) and the feeds. */
function evaluate(node: GraphNode, values: ReadonlyMap<GraphNode, NDArray>, feeds: Feeds): NDArray {
  switch (node.op) {
    case 'constant':
    case 'variable':
      return node.value!
    case 'placeholder': {
      const fed = feeds[node.name!]
      if (fed === undefined)
        throw new Error(`missing feed for placeholder '${node.name}': pass it in run(graph, fetches, { ${node.name}: … })`)
      return tensor(fed)
    }
    default:
      return getOp(node.op).forward(node.inputs.map(x => values.get(x)!), node.attrs)
  }
}

/** The values of `fetches`, evaluating only the nodes they need, each once, inputs before the node. */
export function run(graph: Graph, fetches: readonly GraphNode[], feeds: Feeds = {}): NDArray[] {
  const needed = neededNodes(fetches)
  const values = new Map<GraphNode, NDArray>()
  for (const node of graph.nodes) {
    if (needed.has(node))
      values.set(node, evaluate(node, values, feeds))
  }
  return fetches.map(f => values.get(f)!)
}
