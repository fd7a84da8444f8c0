import { EngineError, formatShape } from './errors'

/** A concrete shape (eager tensors, session values). */
export type Shape = readonly number[]
/** A static shape: `null` marks a dimension whose size is only known when the graph runs. */
export type StaticShape = readonly (number | null)[]

export function sizeOf(shape: Shape): number {
  let n = 1
  for (const d of shape) n *= d
  return n
}

/** Row-major strides: the step in the flat array for one step along each axis. */
export function stridesOf(shape: Shape): number[] {
  const strides = Array.from<number>({ length: shape.length })
  let step = 1
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = step
    step *= shape[i]
  }
  return strides
}

/** numpy broadcasting: align trailing dimensions; a 1 stretches to match the other side. */
export function broadcastShapes(op: string, a: StaticShape, b: StaticShape): (number | null)[] {
  const rank = Math.max(a.length, b.length)
  const out: (number | null)[] = []
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)]
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)]
    if (da === 1)
      out.push(db)
    else if (db === 1)
      out.push(da)
    else if (da === null || db === null)
      out.push(da ?? db) // one unknown: trust the known side, the session checks at run time
    else if (da === db)
      out.push(da)
    else
      throw new EngineError(`${op}: cannot broadcast ${formatShape(a)} with ${formatShape(b)} (dimension ${da} vs ${db})`)
  }
  return out
}

/** Turns a possibly negative axis into 0..rank-1, with an error naming the op if it is out of range. */
export function normaliseAxis(op: string, axis: number, shape: StaticShape): number {
  const rank = shape.length
  const a = axis < 0 ? axis + rank : axis
  if (!Number.isInteger(a) || a < 0 || a >= rank)
    throw new EngineError(`${op}: axis ${axis} is out of range for shape ${formatShape(shape)}`)
  return a
}

export function sameShape(a: StaticShape, b: StaticShape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i])
}

/**
 * Whether a shape fits a declared one: the same rank, and each dimension equal where both are known
 * (`null` takes any size). How feeds, traced inputs, graph-function signatures and cond branches are checked.
 */
export function fits(declared: StaticShape, actual: StaticShape): boolean {
  return declared.length === actual.length && declared.every((d, i) => d === null || actual[i] === null || d === actual[i])
}

/** One element, as far as is known (a predicate): every dimension 1 or unknown. */
export function holdsOneElement(shape: StaticShape): boolean {
  return shape.every(d => d === 1 || d === null)
}

export function isConcrete(shape: StaticShape): shape is Shape {
  return shape.every(d => d !== null)
}
