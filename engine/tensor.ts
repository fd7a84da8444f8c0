import type { TensorData } from './nested'
import type { Attrs, NDArray } from './ops/types'
import type { Shape } from './shape'
import { backward } from './autograd'
import { applyOp, lift } from './eager'
import { EngineError, formatShape } from './errors'
import { newTensorId, notify } from './hooks'
import { toNested } from './nested'
import { normaliseAxis, sizeOf } from './shape'

export interface TensorOrigin {
  op: string
  inputs: readonly Tensor[]
  attrs: Attrs
}

/** Eager n-d array of float64, with autograd in the style of PyTorch. Create one with `tensor(...)`. */
export class Tensor implements NDArray {
  /** readable id (`n3` inside `record`, `t17` outside), used by events and snapshots */
  readonly id: string
  readonly data: Float64Array
  readonly shape: Shape
  /** accumulated gradient (leaves that require grad only); set to null to reset */
  grad: Tensor | null = null
  /** the op that made this tensor (`tensor` for a leaf) */
  readonly op: string
  /** inputs of that op, kept only when autograd recorded it (the result requires grad) */
  readonly inputs: readonly Tensor[]
  readonly attrs: Attrs
  /** a number lifted into an op, such as the 2 in `x.mul(2)` */
  readonly isConstant: boolean
  /** optional display name for diagrams */
  name?: string
  private _requiresGrad: boolean

  /** @internal: use `tensor(...)`, or the ops */
  constructor(value: NDArray, options: { requiresGrad?: boolean, origin?: TensorOrigin, isConstant?: boolean, name?: string } = {}) {
    this.id = newTensorId()
    this.data = value.data
    this.shape = [...value.shape]
    this._requiresGrad = options.requiresGrad ?? false
    this.op = options.origin?.op ?? 'tensor'
    this.inputs = options.origin?.inputs ?? []
    this.attrs = options.origin?.attrs ?? {}
    this.isConstant = options.isConstant ?? false
    this.name = options.name
  }

  get requiresGrad(): boolean { return this._requiresGrad }
  set requiresGrad(value: boolean) {
    if (!this.isLeaf)
      throw new EngineError(`requiresGrad: only leaf tensors can change it; ${this.id} was made by ${this.op}`)
    this._requiresGrad = value
  }

  /** true unless autograd recorded this tensor as the result of an op */
  get isLeaf(): boolean { return this.inputs.length === 0 }
  get size(): number { return sizeOf(this.shape) }

  item(): number {
    if (this.size !== 1)
      throw new EngineError(`item: only a one-element tensor converts to a number; this one has shape ${formatShape(this.shape)} (${this.size} elements)`)
    notify(o => o.valueRead?.(this, 'item'))
    return this.data[0]
  }

  toArray(): TensorData {
    notify(o => o.valueRead?.(this, 'toArray'))
    return toNested(this.data, this.shape)
  }

  /** Backpropagates from this tensor into `.grad` of every leaf that requires grad (accumulating). */
  backward(grad?: Tensor | TensorData): void {
    backward(this, grad)
  }

  zeroGrad(): void { this.grad = null }

  add(other: Tensor | number): Tensor { return applyOp('add', [this, lift(other)]) }
  sub(other: Tensor | number): Tensor { return applyOp('sub', [this, lift(other)]) }
  mul(other: Tensor | number): Tensor { return applyOp('mul', [this, lift(other)]) }
  div(other: Tensor | number): Tensor { return applyOp('div', [this, lift(other)]) }
  neg(): Tensor { return applyOp('neg', [this]) }
  pow(exponent: number): Tensor { return applyOp('pow', [this], { exponent }) }
  exp(): Tensor { return applyOp('exp', [this]) }
  log(): Tensor { return applyOp('log', [this]) }
  matmul(other: Tensor): Tensor { return applyOp('matmul', [this, other]) }
  relu(): Tensor { return applyOp('relu', [this]) }
  tanh(): Tensor { return applyOp('tanh', [this]) }
  sigmoid(): Tensor { return applyOp('sigmoid', [this]) }
  sum(axis?: number, keepdims = false): Tensor { return applyOp('sum', [this], reduceAttrs(this.shape, 'sum', axis, keepdims)) }
  mean(axis?: number, keepdims = false): Tensor { return applyOp('mean', [this], reduceAttrs(this.shape, 'mean', axis, keepdims)) }
  reshape(shape: readonly number[]): Tensor { return applyOp('reshape', [this], { shape: [...shape] }) }
  transpose(perm?: readonly number[]): Tensor { return applyOp('transpose', [this], perm ? { perm: [...perm] } : {}) }
  // Comparisons (torch.gt/lt/ge/le/eq): 0/1 tensors with no gradient, so a predicate can stay a tensor.
  gt(other: Tensor | number): Tensor { return applyOp('gt', [this, lift(other)]) }
  lt(other: Tensor | number): Tensor { return applyOp('lt', [this, lift(other)]) }
  ge(other: Tensor | number): Tensor { return applyOp('ge', [this, lift(other)]) }
  le(other: Tensor | number): Tensor { return applyOp('le', [this, lift(other)]) }
  eq(other: Tensor | number): Tensor { return applyOp('eq', [this, lift(other)]) }

  /**
   * `x.sum() > 0` in plain JS reads the value out (like Python's `bool(tensor)`): a one-element tensor
   * becomes its number, and a tracer hears about it (`item`), as PyTorch's TracerWarning does.
   */
  [Symbol.toPrimitive](hint: string): number | string {
    return hint === 'string' ? this.toString() : this.item()
  }

  toString(): string {
    return `tensor(${JSON.stringify(toNested(this.data, this.shape))}${this.requiresGrad ? ', requiresGrad' : ''})`
  }
}

function reduceAttrs(shape: Shape, op: string, axis: number | undefined, keepdims: boolean) {
  return axis === undefined ? { keepdims } : { axis: normaliseAxis(op, axis, shape), keepdims }
}
