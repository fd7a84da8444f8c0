import type { PassResult, Work } from './work'
import { labelOf } from '../ops/registry'
import { graphInputs } from '../ops/sources'
import { nodesNeeded } from '../walk'

/**
 * Dead-node pruning: only what the outputs need is kept, walking back from them through inputs.
 * Placeholders stay even when unused: they are the graph's inputs, and callers may still feed them.
 */
export function prune(w: Work): PassResult {
  const graph = w.linked()
  const needed = new Set([...nodesNeeded(graph.outputs), ...graphInputs(graph)].map(n => n.id))
  const dead = w.nodes.filter(n => !needed.has(n.id))
  w.remove(new Set(dead.map(n => n.id)))
  return {
    removed: dead.map(n => n.id),
    created: [],
    merged: [],
    summary: dead.length
      ? `removed ${dead.map(n => `${n.id} (${labelOf(n)})`).join(', ')}: the outputs do not need ${dead.length === 1 ? 'it' : 'them'}`
      : 'nothing to remove: every node feeds an output',
  }
}
