// Exercise 02 · The backward pass. You edit exercise.ts (made from this file); check it with
// `npm run workshop -- check 02`. Each tensor made by an op remembers that op (`t.op`) and its inputs
// (`t.inputs`): that record is the graph define-by-run builds. You walk it backwards.
/* eslint-disable unused-imports/no-unused-imports, unused-imports/no-unused-vars -- the starter leaves these for you to use */
import type { Tensor } from '../../engine/index'
import { tensor } from '../../engine/index'
import { inputGradients } from './given' // each op's backward rule: dL/d(inputs) from dL/dt

/**
 * Every tensor `root` depends on (itself included), each exactly once and each AFTER all of its inputs,
 * so `root` comes last. Follow `t.inputs` (empty for leaves such as `tensor(…)`).
 */
export function topologicalOrder(root: Tensor): Tensor[] {
  // TODO: a depth-first walk: visit(t) visits t's inputs first (skip tensors already seen), then
  // pushes t. micrograd's `build_topo` is eight lines.
  throw new Error(`TODO: write topologicalOrder (exercise.ts), called on ${root.op}`)
}

/** Adds gradient `g` into `grads` for tensor `t`. */
function accumulate(grads: Map<Tensor, Tensor>, t: Tensor, g: Tensor): void {
  // TODO: a tensor used twice (x * x) receives a gradient from each use; keep their sum, not the last.
  grads.set(t, g)
}

/** d(root)/dt for every tensor t that root depends on, by reverse-mode autodiff. root is a scalar. */
export function backward(root: Tensor): Map<Tensor, Tensor> {
  const grads = new Map<Tensor, Tensor>()
  grads.set(root, tensor(1)) // d(root)/d(root) = 1
  const order = topologicalOrder(root)
  // TODO: visit `order` from the last tensor to the first (outputs before inputs). For a tensor t with
  // a gradient g in `grads` and at least one input, get inputGradients(t, g) and accumulate each
  // non-null one into its input (t.inputs[i]).
  void order // (delete this line once the loop uses `order`)
  return grads
}
