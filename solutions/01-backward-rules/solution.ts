// Exercise 01 · Backward rules: the reference solution.
import type { Tensor } from '../../engine/index'
import { sumToShape } from '../../exercises/01-backward-rules/given' // sums a gradient back to an input's shape (undoes broadcasting)

/** z = x + y: dz/dx = dz/dy = 1, so the gradient passes through unchanged (then summed to shape). */
export function addBackward(x: Tensor, y: Tensor, grad: Tensor): [Tensor, Tensor] {
  return [sumToShape(grad, x.shape), sumToShape(grad, y.shape)]
}

/** z = x * y: each input's gradient is grad times the other input. */
export function mulBackward(x: Tensor, y: Tensor, grad: Tensor): [Tensor, Tensor] {
  return [sumToShape(grad.mul(y), x.shape), sumToShape(grad.mul(x), y.shape)]
}

/** z = relu(x): the gradient passes where x > 0 and is blocked elsewhere. */
export function reluBackward(x: Tensor, grad: Tensor): Tensor {
  return grad.mul(x.gt(0))
}
