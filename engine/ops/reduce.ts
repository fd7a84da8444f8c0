import type { StaticShape } from '../shape'
import type { Attrs, OpDef } from './types'
import { EngineError, formatShape } from '../errors'
import { broadcastShapes, normaliseAxis, sizeOf } from '../shape'
import { broadcastTo, keptShape, nd, sumTo } from './kernels'

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
}

/** How many elements a reduction over `axis` (or all axes) combines. A scalar; no gradient. */
export const numel: OpDef = {
  name: 'numel',
  arity: 1,
  shape: () => [],
  forward: ([x], { axis }) => nd(Float64Array.of(axis === undefined ? sizeOf(x.shape) : x.shape[axis]), []),
  label: reduceLabel('numel'),
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
}
