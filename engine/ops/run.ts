import type { StaticShape } from '../shape'
import type { Attrs, NDArray, OpDef } from './types'
import { EngineError, formatShape } from '../errors'

/** Checks the arity and shapes, returning the output shape (static: may hold nulls). */
export function inferShape(def: OpDef, shapes: readonly StaticShape[], attrs: Attrs): (number | null)[] {
  if (def.arity >= 0 && shapes.length !== def.arity)
    throw new EngineError(`${def.name}: takes ${def.arity} input(s), got ${shapes.length} (${shapes.map(formatShape).join(', ')})`)
  return def.shape(shapes, attrs)
}

/** Runs an op on concrete values: the shape rule first (so mismatches teach), then the forward. */
export function runOp(def: OpDef, inputs: readonly NDArray[], attrs: Attrs): NDArray {
  inferShape(def, inputs.map(x => x.shape), attrs)
  return def.forward(inputs, attrs)
}
