import type { StaticShape } from '../shape'
import type { OpDef } from './types'
import { EngineError, formatShape } from '../errors'
import { nd } from './kernels'
import { onnxOp } from './onnx-mapping'

function matmulShape(a: StaticShape, b: StaticShape): (number | null)[] {
  if (a.length < 1 || a.length > 2 || b.length < 1 || b.length > 2)
    throw new EngineError(`matmul: needs 1-D or 2-D operands, got ${formatShape(a)} and ${formatShape(b)}`)
  const k1 = a[a.length - 1]
  const k2 = b.length === 1 ? b[0] : b[0]
  if (k1 !== null && k2 !== null && k1 !== k2)
    throw new EngineError(`matmul: cannot multiply ${formatShape(a)} by ${formatShape(b)} (inner dimensions ${k1} and ${k2} differ)`)
  const out: (number | null)[] = []
  if (a.length === 2)
    out.push(a[0])
  if (b.length === 2)
    out.push(b[1])
  return out
}

/**
 * Matrix product; a 1-D left operand is a row vector, a 1-D right operand a column vector, and those
 * dimensions are dropped from the result (numpy / torch.matmul rules for rank ≤ 2).
 */
export const matmul: OpDef = {
  name: 'matmul',
  arity: 2,
  shape: ([a, b]) => matmulShape(a, b),
  forward: ([a, b]) => {
    const outShape = matmulShape(a.shape, b.shape) as number[]
    const m = a.shape.length === 2 ? a.shape[0] : 1
    const k = a.shape[a.shape.length - 1]
    const n = b.shape.length === 2 ? b.shape[1] : 1
    const out = new Float64Array(m * n)
    for (let i = 0; i < m; i++) {
      for (let p = 0; p < k; p++) {
        const av = a.data[i * k + p]
        for (let j = 0; j < n; j++) out[i * n + j] += av * b.data[p * n + j]
      }
    }
    return nd(out, outShape)
  },
  backward: (b, { inputs: [x, y], grad }) => {
    const rx = b.shape(x).length
    const ry = b.shape(y).length
    if (rx === 2 && ry === 2) // dX = G Yᵀ, dY = Xᵀ G
      return [b.matmul(grad, b.transpose(y)), b.matmul(b.transpose(x), grad)]
    if (rx === 1 && ry === 2) // x[k] Y[k,n] → g[n]: dx = Y g, dY = outer(x, g)
      return [b.matmul(y, grad), b.matmul(b.reshape(x, [-1, 1]), b.reshape(grad, [1, -1]))]
    if (rx === 2 && ry === 1) // X[m,k] y[k] → g[m]: dX = outer(g, y), dy = Xᵀ g
      return [b.matmul(b.reshape(grad, [-1, 1]), b.reshape(y, [1, -1])), b.matmul(b.transpose(x), grad)]
    return [b.mul(grad, y), b.mul(grad, x)] // dot product: g is a scalar
  },
  onnx: onnxOp('MatMul'), // the same numpy rules for 1-D operands
}
