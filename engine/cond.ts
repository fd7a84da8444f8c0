/**
 * `cond(pred, thenFn, elseFn)`: data-dependent control flow that survives graph capture, like
 * `tf.cond` and `torch.cond`. `pred` is a one-element tensor (or node), true when non-zero.
 *
 * - eager (no trace running): reads the predicate and runs one branch; autograd records that branch,
 *   so the gradient flows through the branch taken (like a Python `if` in PyTorch).
 * - inside `trace` / `graphFunction`: runs BOTH branches, each into a graph of its own (as TF's
 *   tracing runs both branches of a converted `if`), and records ONE `cond` node, so the traced
 *   function picks the branch at run time and is right for every input (unlike a JS `if`).
 * - static: `g.cond(pred, thenFn, elseFn)` (or `cond(node, …)`), where the fns build nodes with the
 *   graph's own builder (`() => g.mul(x, 2)`), closing over outer nodes as tf.cond's lambdas do.
 *
 * Structure of a cond node (for graph passes and the ONNX exporter):
 *
 *   node.op     = 'cond'
 *   node.inputs = [pred, c1, …, cn]   pred: one element; c1…cn: the outer values the branches use
 *                                      (their captures), in the same order for both branches
 *   node.attrs  = { thenBranch: Graph, elseBranch: Graph }
 *
 *   Each branch is a real Graph:
 *   - its placeholders, in node order, are exactly n and stand for c1…cn (placeholder k ↔ input k+1;
 *     named after the outer value, e.g. 'x'); a branch that ignores some ci still has its placeholder;
 *   - `outputs` declares exactly one node: the branch's result (it may be a placeholder itself:
 *     `() => x`, or a constant); both branches' results have the same shape, the node's shape;
 *   - it holds no variables; node ids are local to the branch (they may repeat outer ids).
 *   - a branch may itself contain cond nodes (nested the same way).
 *
 *   ONNX `If`: cond input 0 is If's `cond` input (cast to bool, e.g. Cast(to=BOOL) of a reshape to
 *   a scalar); `then_branch` / `else_branch` are the two Graphs written as subgraphs with NO inputs:
 *   ONNX subgraphs read outer-scope values by name, so write branch placeholder k as a reference to
 *   the outer value name of input k+1 (or an Identity of it), and give the branch's own nodes names
 *   unique in the whole model (e.g. prefixed with the cond node's id). The subgraph output is the
 *   branch's declared output. TF's `If`/`StatelessIf` has the same shape: inputs passed explicitly,
 *   branches as functions with one argument per input.
 *
 * Gradient: the op's backward (engine/ops/cond.ts) is a cond on the same predicate whose branches
 * are the branches' gradient graphs (placeholders c1…cn plus the upstream gradient), one per ci, so
 * `g.gradients` through a cond adds gradient cond nodes and eager backward runs the taken one.
 */
import type { Operand } from './ops/types'
import { EngineError } from './errors'
import { GraphNode } from './graph'
import { ask } from './hooks'
import { holdsOneElement } from './shape'
import { lift, Tensor } from './tensor'

/**
 * `cond(pred, thenFn, elseFn)`: tf.cond / torch.cond. With tensors: eager, or recorded as one node
 * inside a trace (the tracer answers the observers' `cond` question). With a graph node: a static
 * cond node (same as `g.cond`).
 */
export function cond(pred: Tensor, thenFn: () => Tensor | number, elseFn: () => Tensor | number): Tensor
export function cond(pred: GraphNode, thenFn: () => Operand<GraphNode>, elseFn: () => Operand<GraphNode>): GraphNode
export function cond(pred: Tensor | GraphNode, thenFn: () => Tensor | Operand<GraphNode>, elseFn: () => Tensor | Operand<GraphNode>): Tensor | GraphNode {
  if (pred instanceof GraphNode)
    return pred.graph.cond(pred, thenFn as () => Operand<GraphNode>, elseFn as () => Operand<GraphNode>)
  if (!(pred instanceof Tensor))
    throw new EngineError(`cond: the predicate must be a Tensor or a graph node, got ${String(pred)}`)
  if (!holdsOneElement(pred.shape))
    throw new EngineError(`cond: the predicate must hold one element (a scalar), got shape [${pred.shape.join(',')}]; reduce it first, e.g. x.sum().gt(0)`)
  const fns = [thenFn, elseFn] as (() => Tensor | number)[]
  const recorded = ask<Tensor>(o => o.cond?.({ pred, thenFn: fns[0], elseFn: fns[1] }) as Tensor | undefined)
  if (recorded)
    return recorded
  // Eager: the op reads its predicate itself (no TracerWarning: this is not a value leaving the engine).
  const out = (pred.data[0] !== 0 ? fns[0] : fns[1])()
  return typeof out === 'number' ? lift(out) : out
}
