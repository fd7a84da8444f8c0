// Exercise 01 · Backward rules. You edit exercise.ts (made from this file); check it with
// `npm run workshop -- check 01`. Each rule gets the op's inputs and `grad` = dL/dz, the gradient of the
// final loss L with respect to the op's output z, and returns dL/d(input) for each input: the chain rule,
// one op at a time (a "vector-Jacobian product").
/* eslint-disable unused-imports/no-unused-imports, unused-imports/no-unused-vars -- the starter leaves these for you to use */
import type { Tensor } from '../../engine/index'
import { sumToShape } from './given' // sums a gradient back to an input's shape (undoes broadcasting)

/** z = x + y. Returns [dL/dx, dL/dy], each with the shape of its input. */
export function addBackward(x: Tensor, y: Tensor, grad: Tensor): [Tensor, Tensor] {
  // TODO: how much does z move when x moves by a little? And when y does? Multiply grad by that, then
  // pass each result through sumToShape(…, x.shape) / sumToShape(…, y.shape) for broadcast inputs.
  throw new Error(`TODO: write addBackward for inputs [${x.shape.join(', ')}] and [${y.shape.join(', ')}] in exercise.ts`)
}

/** z = x * y (element by element). Returns [dL/dx, dL/dy], each with the shape of its input. */
export function mulBackward(x: Tensor, y: Tensor, grad: Tensor): [Tensor, Tensor] {
  // TODO: dz/dx is y and dz/dy is x. Use the tensor methods (grad.mul(…)), then sumToShape as above.
  throw new Error(`TODO: write mulBackward for inputs [${x.shape.join(', ')}] and [${y.shape.join(', ')}] in exercise.ts`)
}

/** z = relu(x) = max(x, 0). Returns dL/dx, shaped like x. */
export function reluBackward(x: Tensor, grad: Tensor): Tensor {
  // TODO: the gradient passes where x > 0 and is 0 elsewhere (0 at exactly x = 0, like PyTorch).
  // x.gt(0) is a tensor of 1s and 0s.
  throw new Error(`TODO: write reluBackward for an input [${x.shape.join(', ')}] in exercise.ts`)
}
