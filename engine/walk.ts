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
