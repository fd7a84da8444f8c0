import type { Shape } from './shape'
import { EngineError } from './errors'
import { sizeOf } from './shape'

/** Nested arrays of numbers, as learners write tensors: `[[1, 2], [3, 4]]`. */
export type NestedArray = number[] | NestedArray[]
/** A scalar is a plain number; anything else nested arrays. */
export type TensorData = number | NestedArray

/** Flattens nested arrays row-major and infers the shape; ragged or non-numeric data is an error. */
export function fromNested(data: TensorData): { data: Float64Array, shape: number[] } {
  const shape: number[] = []
  for (let level: unknown = data; Array.isArray(level); level = level[0]) shape.push(level.length)
  const flat = new Float64Array(sizeOf(shape))
  let k = 0
  const walk = (v: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof v !== 'number')
        throw new EngineError(`tensor: expected a number at ${path || 'the top'}, got ${JSON.stringify(v)}`)
      flat[k++] = v
      return
    }
    if (!Array.isArray(v) || v.length !== shape[depth])
      throw new EngineError(`tensor: ragged data at ${path || 'the top'} (expected ${shape[depth]} entries, as in the first row)`)
    v.forEach((item, i) => walk(item, depth + 1, `${path}[${i}]`))
  }
  walk(data, 0, '')
  return { data: flat, shape }
}

/** The inverse of `fromNested`: a scalar becomes a number. */
export function toNested(data: Float64Array, shape: Shape): TensorData {
  let k = 0
  const build = (depth: number): TensorData =>
    depth === shape.length
      ? data[k++]
      : Array.from({ length: shape[depth] }, () => build(depth + 1)) as NestedArray
  return build(0)
}
