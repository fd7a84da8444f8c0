import type { PassResult, Work } from './work'
import { labelOf } from './work'

/**
 * Dead-node pruning: only what the outputs need is kept, walking back from them through inputs.
 * Placeholders stay even when unused: they are the graph's inputs, and callers may still feed them.
 */
export function prune(w: Work): PassResult {
  const byId = w.byId()
  const needed = new Set<string>()
  const stack = [...w.outputs]
  while (stack.length) {
    const id = stack.pop()!
    if (needed.has(id))
      continue
    needed.add(id)
    stack.push(...byId.get(id)!.inputs)
  }
  const dead = w.nodes.filter(n => !needed.has(n.id) && n.op !== 'placeholder')
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
