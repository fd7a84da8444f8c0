import type { Shape } from '../shape'
import type { NDArray } from './types'
import { sizeOf, stridesOf } from '../shape'

/** Builds an NDArray; used by every forward. */
export function nd(data: Float64Array, shape: Shape): NDArray {
  return { data, shape: [...shape] }
}

/**
 * For each flat index of `to`, the flat index in an array of shape `from` that numpy broadcasting reads.
 * `from` must broadcast to `to` (trailing alignment, 1s stretch). Also used backwards to sum gradients.
 */
export function broadcastIndex(from: Shape, to: Shape): Int32Array {
  const n = sizeOf(to)
  const out = new Int32Array(n)
  const offset = to.length - from.length
  const fromStrides = stridesOf(from)
  const toStrides = stridesOf(to)
  for (let i = 0; i < n; i++) {
    let src = 0
    for (let d = 0; d < to.length; d++) {
      const fd = d - offset
      if (fd < 0 || from[fd] === 1)
        continue
      const coord = Math.floor(i / toStrides[d]) % to[d]
      src += coord * fromStrides[fd]
    }
    out[i] = src
  }
  return out
}

export function mapUnary(x: NDArray, f: (v: number) => number): NDArray {
  const out = new Float64Array(x.data.length)
  for (let i = 0; i < out.length; i++) out[i] = f(x.data[i])
  return nd(out, x.shape)
}

export function mapBinary(a: NDArray, b: NDArray, outShape: Shape, f: (x: number, y: number) => number): NDArray {
  const ia = broadcastIndex(a.shape, outShape)
  const ib = broadcastIndex(b.shape, outShape)
  const out = new Float64Array(ia.length)
  for (let i = 0; i < out.length; i++) out[i] = f(a.data[ia[i]], b.data[ib[i]])
  return nd(out, outShape)
}

/** Sums `x` down to `target` (a shape `target` broadcasts up to `x`'s shape): the reverse of broadcasting. */
export function sumTo(x: NDArray, target: Shape): NDArray {
  const idx = broadcastIndex(target, x.shape)
  const out = new Float64Array(sizeOf(target))
  for (let i = 0; i < idx.length; i++) out[idx[i]] += x.data[i]
  return nd(out, target)
}

/** Copies `x` out along broadcast dimensions to `target`. */
export function broadcastTo(x: NDArray, target: Shape): NDArray {
  const idx = broadcastIndex(x.shape, target)
  const out = new Float64Array(idx.length)
  for (let i = 0; i < idx.length; i++) out[i] = x.data[idx[i]]
  return nd(out, target)
}

/** The shape of a reduction with keepdims: the reduced axis (or every axis) becomes 1. */
export function keptShape(shape: Shape, axis: number | undefined): number[] {
  return shape.map((d, i) => (axis === undefined || i === axis ? 1 : d))
}
