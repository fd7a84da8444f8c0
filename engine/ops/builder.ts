import type { StaticShape } from '../shape'
import type { Attrs, GradOps, Operand, Operations, Subgraph } from './types'
import { EngineError } from '../errors'
import { isConcrete, sameShape } from '../shape'
import { defineOperations } from './operations'

/** What a mode must provide for backward rules: run/add an op, make a constant, tell a shape. */
export interface GradBackend<T> {
  apply: (op: string, inputs: T[], attrs?: Attrs) => T
  constant: (value: number) => T
  shape: (x: T) => StaticShape
  /** cond's gradient: for each of a branch's inputs, a graph computing its gradient (see engine/gradients.ts); absent: cond cannot be differentiated */
  branchGradients?: (branch: Subgraph) => Subgraph[]
}

/**
 * The vocabulary backward rules are written in: every public operation (ops/operations.ts) plus the
 * internal ops gradients need. In eager mode `T` is a Tensor and each call computes; in static mode
 * `T` is a graph node and each call adds a node. The rule reads the same either way. Numbers are
 * accepted wherever a value is, and become constants.
 */
// The interface adds the operation methods that defineOperations puts on the prototype below.

export interface GradBuilder<T> extends Operations<T> {}
// eslint-disable-next-line ts/no-unsafe-declaration-merging
export class GradBuilder<T> implements GradOps<T> {
  constructor(private readonly backend: GradBackend<T>) {}

  /** Runs an op on operands, numbers made constants first. */
  op(name: string, inputs: readonly Operand<T>[], attrs: Attrs = {}): T {
    return this.backend.apply(name, inputs.map(x => (typeof x === 'number' ? this.backend.constant(x) : x)), attrs)
  }

  shape(x: Operand<T>): StaticShape { return typeof x === 'number' ? [] : this.backend.shape(x) }

  /** a cond node (see engine/cond.ts): cond's gradient is itself a cond over gradient branches */
  cond(pred: T, inputs: readonly T[], attrs: Attrs): T { return this.op('cond', [pred, ...inputs], attrs) }
  branchGradients(branch: Subgraph): Subgraph[] {
    if (!this.backend.branchGradients)
      throw new EngineError('cond: this gradient builder cannot differentiate a cond (its backend has no branchGradients)')
    return this.backend.branchGradients(branch)
  }

  reshapeLike(a: T, like: T): T { return this.op('reshapeLike', [a, like]) }
  /** how many elements a reduction over `axis` (or all) of `a` combines, as a scalar */
  numel(a: T, axis?: number): T { return this.op('numel', [a], { axis }) }
  /** spread `a` (a reduction of `like`, or anything broadcastable to it) back out to `like`'s shape */
  expandLike(a: T, like: T, axis?: number, keepdims = false): T { return this.op('expandLike', [a, like], { axis, keepdims }) }

  /** Sum a gradient back down to the shape of the operand it flows to (undoing broadcasting). */
  unbroadcast(grad: T, like: T): T {
    const gs = this.shape(grad)
    const ls = this.shape(like)
    // Skip the node only when the shapes are equal for sure; unknown dims may still differ at run time.
    if (isConcrete(gs) && isConcrete(ls) && sameShape(gs, ls))
      return grad
    return this.op('sumToShape', [grad, like])
  }
}

defineOperations<GradBuilder<unknown>, unknown>(GradBuilder.prototype, 'builder', (b, c) => b.op(c.op, c.inputs, c.attrs), (b, x) => b.shape(x))
