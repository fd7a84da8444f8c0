import type { TensorData } from './nested'
import type { Attrs, NDArray, OperationMethods } from './ops/types'
import type { Shape } from './shape'
import { backward } from './autograd'
import { EngineError, formatShape } from './errors'
import { branchGradients } from './gradients'
import { isGradEnabled, newTensorId, noGrad, notify, quietly } from './hooks'
import { fromNested, toNested } from './nested'
import { GradBuilder } from './ops/builder'
import { defineOperations } from './ops/operations'
import { getOp } from './ops/registry'
import { runOp } from './ops/run'
import { sameShape, sizeOf } from './shape'

export interface TensorOrigin {
  op: string
  inputs: readonly Tensor[]
  attrs: Attrs
}

/**
 * Eager n-d array of float64, with autograd in the style of PyTorch. Create one with `tensor(...)`.
 * Its op methods (`x.add(y)`, `x.sum(1)`, …) come from the one list in ops/operations.ts.
 */
// eslint-disable-next-line ts/no-unsafe-declaration-merging
export interface Tensor extends OperationMethods<Tensor> {}
// eslint-disable-next-line ts/no-unsafe-declaration-merging
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
    backwardFrom(this, grad)
  }

  zeroGrad(): void { this.grad = null }

  /**
   * `x.sum() > 0` in plain JS reads the value out (like Python's `bool(tensor)`): a one-element tensor
   * becomes its number, and a tracer hears about it (`item`), as PyTorch's TracerWarning does.
   */
  [Symbol.toPrimitive](hint: string): number | string {
    if (hint === 'string')
      return this.toString()
    if (this.size !== 1)
      throw new EngineError(`a tensor used as a JS number or boolean must hold one element; this one has shape ${formatShape(this.shape)} (${this.size} elements)`)
    notify(o => o.valueRead?.(this, 'primitive'))
    return this.data[0]
  }

  toString(): string {
    return `tensor(${JSON.stringify(toNested(this.data, this.shape))}${this.requiresGrad ? ', requiresGrad' : ''})`
  }
}

defineOperations<Tensor, Tensor>(Tensor.prototype, 'operand', (_, c) => applyOp(c.op, c.inputs.map(lift), c.attrs), (_, x) => lift(x).shape)

/** Creates a leaf tensor from a number or nested arrays, like `torch.tensor(data, requires_grad=…)`. */
export function tensor(data: TensorData, options: { requiresGrad?: boolean, name?: string } = {}): Tensor {
  const t = new Tensor(fromNested(data), options)
  notify(o => o.tensorCreated?.(t))
  return t
}

/** A number used as an operand (`x.mul(2)`) becomes a constant leaf. */
export function lift(x: Tensor | number): Tensor {
  if (x instanceof Tensor)
    return x
  if (typeof x !== 'number')
    throw new EngineError(`expected a Tensor or a number, got ${String(x)}`)
  const t = new Tensor(fromNested(x), { isConstant: true })
  notify(o => o.tensorCreated?.(t))
  return t
}

/**
 * Define-by-run: computes the op now through the registry and, if any input requires grad (and
 * autograd is on), remembers op and inputs on the result: that is the tape `backward` walks.
 */
export function applyOp(op: string, inputs: Tensor[], attrs: Attrs = {}): Tensor {
  const def = getOp(op)
  const value = runOp(def, inputs, attrs)
  const requiresGrad = isGradEnabled() && def.backward !== undefined && inputs.some(x => x.requiresGrad)
  const output = new Tensor(value, { requiresGrad, origin: requiresGrad ? { op, inputs, attrs } : { op, inputs: [], attrs } })
  notify(o => o.opApplied?.({ op, inputs, output, attrs }))
  return output
}

/** Backward rules, run eagerly: every builder call computes a Tensor. */
const eagerBuilder = new GradBuilder<Tensor>({
  apply: (op, inputs, attrs) => applyOp(op, inputs, attrs),
  constant: value => lift(value),
  shape: x => x.shape,
  branchGradients,
})

function backwardFrom(root: Tensor, grad: Tensor | TensorData | undefined): void {
  if (!root.requiresGrad)
    throw new EngineError(`backward: ${root.id} does not require grad; create an input with tensor(data, { requiresGrad: true })`)
  // The seed is the backward pass's own arithmetic: observers see gradients, not its ops.
  backward<Tensor>(root, quietly(() => noGrad(() => seedGrad(root, grad))), eagerBuilder)
}

function seedGrad(root: Tensor, grad: Tensor | TensorData | undefined): Tensor {
  if (grad === undefined) {
    if (root.size !== 1)
      throw new EngineError(`backward: ${root.id} has shape ${formatShape(root.shape)}; call backward() on a scalar (e.g. y.sum()), or pass a gradient of shape ${formatShape(root.shape)}`)
    return lift(1).reshape(root.shape)
  }
  const g = grad instanceof Tensor ? grad : new Tensor(fromNested(grad))
  if (!sameShape(g.shape, root.shape))
    throw new EngineError(`backward: the gradient has shape ${formatShape(g.shape)} but ${root.id} has shape ${formatShape(root.shape)}`)
  return g
}
