/** Anything with inputs: graph nodes, eager tensors (their recorded history). */
interface HasInputs<N> { readonly inputs: readonly N[] }

/**
 * What computing `roots` needs: the roots and everything they reach through inputs. `stop` marks
 * nodes whose value is known already (a fed placeholder), so their inputs are not needed.
 */
export function nodesNeeded<N extends HasInputs<N>>(roots: readonly N[], stop: (n: N) => boolean = () => false): Set<N> {
  const needed = new Set<N>()
  const stack = [...roots]
  while (stack.length) {
    const n = stack.pop()!
    if (needed.has(n))
      continue
    needed.add(n)
    if (!stop(n))
      stack.push(...n.inputs)
  }
  return needed
}

/**
 * The nodes reachable from `roots` through inputs, each after its inputs (depth-first, iterative
 * so long chains cannot overflow the stack). `follow` picks which inputs to enter. For eager
 * tensors, which have no graph to give their order.
 */
export function inputsFirst<N extends HasInputs<N>>(roots: readonly N[], follow: (n: N) => boolean = () => true): N[] {
  const order: N[] = []
  const seen = new Set<N>()
  for (const root of roots) {
    if (seen.has(root))
      continue
    seen.add(root)
    const stack: [N, number][] = [[root, 0]]
    while (stack.length) {
      const top = stack[stack.length - 1]
      const n = top[0]
      if (top[1] < n.inputs.length) {
        const next = n.inputs[top[1]++]
        if (!seen.has(next) && follow(next)) {
          seen.add(next)
          stack.push([next, 0])
        }
      }
      else {
        stack.pop()
        order.push(n)
      }
    }
  }
  return order
}
