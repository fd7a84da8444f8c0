// Exercise 01 · given code, shared by the starter and the solution: no need to change it.
import type { Tensor } from '../../engine/index'

/**
 * Sums a gradient back down to `shape`, undoing broadcasting. In `a + b` with a: [2, 3] and b: [3],
 * b is reused by both rows, so dL/db is the sum of dL/dz over the rows.
 */
export function sumToShape(grad: Tensor, shape: readonly number[]): Tensor {
  let g = grad
  while (g.shape.length > shape.length) g = g.sum(0) // axes the input did not have at all
  shape.forEach((d, i) => {
    if (d === 1 && g.shape[i] !== 1)
      g = g.sum(i, true) // axes where the input had size 1 and was stretched
  })
  return g
}
