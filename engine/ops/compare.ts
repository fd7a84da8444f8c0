import type { OpDef } from './types'
import { broadcastShapes } from '../shape'
import { mapBinary } from './kernels'
import { onnxCompare } from './onnx-mapping'

/** The ONNX operator of each comparison (a boolean result, cast back to 0/1 floats by onnxCompare). */
const ONNX_COMPARE = { gt: 'Greater', lt: 'Less', ge: 'GreaterOrEqual', le: 'LessOrEqual', eq: 'Equal' } as const

/**
 * Comparisons, like `x > 0` on a torch tensor or `tf.greater`: 1 where the relation holds, else 0
 * (float64 0/1 here; PyTorch and TF give booleans). A step function, so no gradient. They let a
 * predicate stay inside the graph (`cond(x.sum().gt(0), …)`) instead of leaving it as a JS number.
 */
function compare(name: keyof typeof ONNX_COMPARE, f: (x: number, y: number) => boolean): OpDef {
  return {
    name,
    arity: 2,
    elementwise: true,
    shape: ([a, b]) => broadcastShapes(name, a, b),
    forward: ([a, b]) => mapBinary(a, b, broadcastShapes(name, a.shape, b.shape) as number[], (x, y) => (f(x, y) ? 1 : 0)),
    onnx: onnxCompare(ONNX_COMPARE[name]),
  }
}

/** a > b (torch.gt, tf.greater); relu's backward also uses it as its mask */
export const gt = compare('gt', (x, y) => x > y)
/** a < b (torch.lt, tf.less) */
export const lt = compare('lt', (x, y) => x < y)
/** a ≥ b (torch.ge, tf.greater_equal) */
export const ge = compare('ge', (x, y) => x >= y)
/** a ≤ b (torch.le, tf.less_equal) */
export const le = compare('le', (x, y) => x <= y)
/** a = b, exactly (torch.eq, tf.equal) */
export const eq = compare('eq', (x, y) => x === y)
