// Exercise 02 · The backward pass: the reference solution.
import type { Tensor } from '../../engine/index'
import { tensor } from '../../engine/index'
import { inputGradients } from '../../exercises/02-backward-pass/given' // each op's backward rule: dL/d(inputs) from dL/dt

/** Every tensor `root` depends on, each once and after all of its inputs; `root` last. */
export function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = []
  const seen = new Set<Tensor>()
  const visit = (t: Tensor): void => {
    if (seen.has(t))
      return
    seen.add(t)
    t.inputs.forEach(visit)
    order.push(t)
  }
  visit(root)
  return order
}

/** Adds gradient `g` into `grads` for tensor `t`: a tensor used twice gets the sum. */
function accumulate(grads: Map<Tensor, Tensor>, t: Tensor, g: Tensor): void {
  const previous = grads.get(t)
  grads.set(t, previous ? previous.add(g) : g)
}

/** d(root)/dt for every tensor t that root depends on, by reverse-mode autodiff. root is a scalar. */
export function backward(root: Tensor): Map<Tensor, Tensor> {
  const grads = new Map<Tensor, Tensor>()
  grads.set(root, tensor(1))
  const order = topologicalOrder(root)
  for (const t of order.toReversed()) {
    const g = grads.get(t)
    if (!g || t.inputs.length === 0)
      continue
    inputGradients(t, g).forEach((ig, i) => {
      if (ig)
        accumulate(grads, t.inputs[i], ig)
    })
  }
  return grads
}
