import type { StaticShape } from '../shape'
import type { Attrs } from './types'
import { isConcrete, sameShape } from '../shape'

/** What a mode must provide for backward rules: run/add an op, make a constant, tell a shape. */
export interface GradBackend<T> {
  apply: (op: string, inputs: T[], attrs?: Attrs) => T
  constant: (value: number) => T
  shape: (x: T) => StaticShape
}

/**
 * The vocabulary backward rules are written in. In eager mode `T` is a Tensor and each call computes;
 * in static mode `T` is a graph node and each call adds a node. The rule reads the same either way.
 * Numbers are accepted wherever a value is, and become constants.
 */
export class GradBuilder<T> {
  constructor(private readonly backend: GradBackend<T>) {}

  private v(x: T | number): T {
    return typeof x === 'number' ? this.backend.constant(x) : x
  }

  private op(name: string, inputs: (T | number)[], attrs: Attrs = {}): T {
    return this.backend.apply(name, inputs.map(x => this.v(x)), attrs)
  }

  shape(x: T): StaticShape { return this.backend.shape(x) }

  add(a: T | number, b: T | number): T { return this.op('add', [a, b]) }
  sub(a: T | number, b: T | number): T { return this.op('sub', [a, b]) }
  mul(a: T | number, b: T | number): T { return this.op('mul', [a, b]) }
  div(a: T | number, b: T | number): T { return this.op('div', [a, b]) }
  neg(a: T): T { return this.op('neg', [a]) }
  pow(a: T, exponent: number): T { return this.op('pow', [a], { exponent }) }
  gt(a: T | number, b: T | number): T { return this.op('gt', [a, b]) }
  /** a cond node (see engine/cond.ts): cond's gradient is itself a cond over gradient branches */
  cond(pred: T, inputs: readonly T[], attrs: Attrs): T { return this.op('cond', [pred, ...inputs], attrs) }
  matmul(a: T, b: T): T { return this.op('matmul', [a, b]) }
  transpose(a: T, perm?: readonly number[]): T { return this.op('transpose', [a], perm ? { perm } : {}) }
  reshape(a: T, shape: readonly number[]): T { return this.op('reshape', [a], { shape }) }
  reshapeLike(a: T, like: T): T { return this.op('reshapeLike', [a, like]) }
  sum(a: T, axis?: number, keepdims = false): T { return this.op('sum', [a], { axis, keepdims }) }
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
