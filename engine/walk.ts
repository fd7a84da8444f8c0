import type { GraphNode } from './graph'
import type { Tensor } from './tensor'

/**
 * Tensors reachable from `roots` through recorded inputs, each after its inputs (depth-first,
 * iterative so long chains cannot overflow the stack). `follow` picks which inputs to enter.
 */
export function inputsFirst(roots: readonly Tensor[], follow: (t: Tensor) => boolean = () => true): Tensor[] {
  const order: Tensor[] = []
  const seen = new Set<Tensor>()
  for (const root of roots) {
    if (seen.has(root))
      continue
    seen.add(root)
    const stack: [Tensor, number][] = [[root, 0]]
    while (stack.length) {
      const top = stack[stack.length - 1]
      const t = top[0]
      if (top[1] < t.inputs.length) {
        const next = t.inputs[top[1]++]
        if (!seen.has(next) && follow(next)) {
          seen.add(next)
          stack.push([next, 0])
        }
      }
      else {
        stack.pop()
        order.push(t)
      }
    }
  }
  return order
}

/** Graph nodes the `roots` depend on (themselves included): what computing them needs. */
export function nodesNeeded(roots: readonly GraphNode[]): Set<GraphNode> {
  const needed = new Set<GraphNode>()
  const stack = [...roots]
  while (stack.length) {
    const n = stack.pop()!
    if (!needed.has(n)) {
      needed.add(n)
      stack.push(...n.inputs)
    }
  }
  return needed
}
