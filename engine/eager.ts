import type { TensorData } from './nested'
import type { Attrs } from './ops/types'
import { EngineError } from './errors'
import { isGradEnabled, notify } from './hooks'
import { fromNested } from './nested'
import { getOp, runOp } from './ops/registry'
import { Tensor } from './tensor'

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
