import type { Env, NodeLike } from './ops/types'
import { SOURCES } from './ops/sources'
import { nodesNeeded } from './walk'

/**
 * The engine's one interpreter of a graph. Every way of running a graph is this loop with its own
 * values: a Session computes Tensors, a traced function replays eager ops (so autograd records
 * them), a cond node runs its branch on plain arrays, constant folding computes what it can, and
 * the ONNX exporter "computes" value names by emitting operators.
 *
 * Only the nodes the outputs need are visited, in graph order (inputs before their users). A source
 * node (placeholder, variable, constant) reads its value from `env`; any other node gets `apply` with
 * its inputs' values. `known` gives values decided before the run (a Session's feeds): such a node is
 * taken as it is and its inputs are not needed.
 *
 * Returns every value computed, in the order computed.
 */
export function evaluate<V, N extends NodeLike = NodeLike>(
  graph: { readonly nodes: readonly N[] },
  outputs: readonly N[],
  env: Env<V>,
  apply: (node: N, inputs: V[]) => V,
  known?: ReadonlyMap<NodeLike, V>,
): Map<N, V> {
  const needed = nodesNeeded<NodeLike>(outputs, n => known?.has(n) === true)
  const values = new Map<NodeLike, V>()
  for (const n of graph.nodes) {
    if (!needed.has(n))
      continue
    const source = SOURCES[n.op]?.source
    const value = known?.has(n)
      ? known.get(n)!
      : source ? env[source](n) : apply(n, n.inputs.map(x => values.get(x)!))
    values.set(n, value)
  }
  return values as Map<N, V>
}
