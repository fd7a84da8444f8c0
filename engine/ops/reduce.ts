import type { StaticShape } from '../shape'
import type { Attrs, OnnxContext, OnnxEmitter, OnnxMapping, OpDef } from './types'
import { EngineError, formatShape } from '../errors'
import { broadcastShapes, isConcrete, normaliseAxis, sizeOf } from '../shape'
import { broadcastTo, keptShape, nd, sumTo } from './kernels'
import { ONNX_FLOAT } from './onnx-mapping'

function reducedShape(op: string, x: StaticShape, { axis, keepdims }: Attrs): (number | null)[] {
  if (axis === undefined)
    return keepdims ? x.map(() => 1) : []
  const a = normaliseAxis(op, axis, x)
  return keepdims ? x.map((d, i) => (i === a ? 1 : d)) : x.filter((_, i) => i !== a)
}

function reduceLabel(op: string) {
  return ({ axis, keepdims }: Attrs) =>
    axis === undefined ? op : `${op}(axis=${axis}${keepdims ? ', keepdims' : ''})`
}

/** ReduceSum / ReduceMean: since opset 18 both take the axes as an input; none given reduces all. */
function reduceOnnx(opType: 'ReduceSum' | 'ReduceMean'): OnnxMapping {
  return (e, { inputs: [x], attrs: { axis, keepdims } }) =>
    e.node(opType, axis === undefined ? [x] : [x, e.int64([axis])], { keepdims: keepdims ? 1 : 0 })
}

function sumForward(x: Parameters<OpDef['forward']>[0][number], attrs: Attrs) {
  const s = sumTo(x, keptShape(x.shape, attrs.axis))
  return nd(s.data, reducedShape('sum', x.shape, attrs) as number[])
}

/** Sum over every element, or over one axis; `keepdims` keeps that axis as size 1. */
export const sum: OpDef = {
  name: 'sum',
  arity: 1,
  shape: ([x], attrs) => reducedShape('sum', x, attrs),
  forward: ([x], attrs) => sumForward(x, attrs),
  backward: (b, { inputs: [x], grad, attrs }) => [b.expandLike(grad, x, attrs.axis, attrs.keepdims)],
  label: reduceLabel('sum'),
  onnx: reduceOnnx('ReduceSum'),
}

export const mean: OpDef = {
  name: 'mean',
  arity: 1,
  shape: ([x], attrs) => reducedShape('mean', x, attrs),
  forward: ([x], attrs) => {
    const s = sumForward(x, attrs)
    const n = attrs.axis === undefined ? sizeOf(x.shape) : x.shape[attrs.axis]
    return nd(s.data.map(v => v / n), s.shape)
  },
  backward: (b, { inputs: [x], grad, attrs }) =>
    [b.div(b.expandLike(grad, x, attrs.axis, attrs.keepdims), b.numel(x, attrs.axis))],
  label: reduceLabel('mean'),
  onnx: reduceOnnx('ReduceMean'),
}

/** How many elements a reduction over `axis` (or all axes) combines. A scalar; no gradient. */
export const numel: OpDef = {
  name: 'numel',
  arity: 1,
  shape: () => [],
  forward: ([x], { axis }) => nd(Float64Array.of(axis === undefined ? sizeOf(x.shape) : x.shape[axis]), []),
  label: reduceLabel('numel'),
  // Size / Shape give int64; the engine's values are floats.
  onnx: (e, { inputs: [x], attrs: { axis } }) => e.node('Cast', [axis === undefined
    ? e.node('Size', [x])
    : e.node('Gather', [e.node('Shape', [x]), e.int64(axis)])], { to: ONNX_FLOAT }),
}

/** Internal (broadcast gradients): sums the first input down to the second input's shape. */
export const sumToShape: OpDef = {
  name: 'sumToShape',
  arity: 2,
  shape: ([x, like]) => {
    broadcastShapes('sumToShape', like, x)
    return [...like]
  },
  forward: ([x, like]) => sumTo(x, like.shape),
  backward: (b, { inputs: [x], grad }) => [b.expandLike(grad, x), null],
  onnx: sumToShapeOnnx,
}

/**
 * Internal (reduction gradients): spreads the first input back out to the second input's shape.
 * With `axis` (and no keepdims) the first input lacks that axis; otherwise it simply broadcasts.
 */
export const expandLike: OpDef = {
  name: 'expandLike',
  arity: 2,
  shape: ([x, like], { axis, keepdims }) => {
    const kept = axis !== undefined && !keepdims ? [...x.slice(0, axis), 1, ...x.slice(axis)] : x
    if (kept.length > like.length)
      throw new EngineError(`expandLike: cannot expand ${formatShape(x)} to ${formatShape(like)}`)
    broadcastShapes('expandLike', kept, like)
    return [...like]
  },
  forward: ([x, like], { axis, keepdims }) => {
    const kept = axis !== undefined && !keepdims ? keptShape(like.shape, axis) : x.shape
    return broadcastTo(nd(x.data, kept), like.shape)
  },
  backward: (b, { inputs: [x], grad, attrs: { axis, keepdims } }) =>
    [axis !== undefined ? b.sum(grad, axis, keepdims) : b.unbroadcast(grad, x), null],
  onnx: (e, { inputs: [x, like], attrs: { axis, keepdims } }) =>
    e.node('Expand', [axis !== undefined && !keepdims ? e.node('Unsqueeze', [x, e.int64([axis])]) : x, e.node('Shape', [like])]),
}

/**
 * sumToShape as ONNX: sum the leading axes `x` has beyond `like`, and the axes where `like` is 1, then
 * reshape to `like`. With `like`'s shape known those axes are constants; otherwise ONNX finds them at
 * run time (NonZero of like's padded shape == 1).
 */
function sumToShapeOnnx(e: OnnxEmitter, { inputs: [x, like], shapes: [xs, ls] }: OnnxContext): string {
  const extra = xs.length - ls.length
  if (isConcrete(ls)) {
    const axes = [...Array.from({ length: extra }, (_, i) => i), ...ls.flatMap((d, i) => (d === 1 && xs[extra + i] !== 1 ? [extra + i] : []))]
    return axes.length === 0 ? x : e.node('Reshape', [e.node('ReduceSum', [x, e.int64(axes)], { keepdims: 1 }), e.int64(ls)])
  }
  const likeShape = e.node('Shape', [like])
  const padded = extra > 0 ? e.node('Concat', [e.int64(Array.from<number>({ length: extra }).fill(1)), likeShape], { axis: 0 }) : likeShape
  const axes = e.node('Reshape', [e.node('NonZero', [e.node('Equal', [padded, e.int64([1])])]), e.int64([-1])])
  return e.node('Reshape', [e.node('ReduceSum', [x, axes], { keepdims: 1, noop_with_empty_axes: 1 }), likeShape], { allowzero: 1 })
}
