import type { StaticShape } from '../shape'
import type { Attrs, NDArray, OpDef } from './types'
import { EngineError, formatShape } from '../errors'
import { eq, ge, gt, le, lt } from './compare'
import { condOp } from './cond'
import { add, div, exp, log, mul, neg, pow, relu, sigmoid, sub, tanh } from './elementwise'
import { fusedOp } from './fused'
import { matmul } from './matmul'
import { expandLike, mean, numel, sum, sumToShape } from './reduce'
import { reshape, reshapeLike, transpose } from './shape-ops'

/** The one table of ops. Eager tensors, graph builders, sessions and gradients all look ops up here. */
const registry = new Map<string, OpDef>()

export function registerOp(def: OpDef): void {
  registry.set(def.name, def)
}

for (const def of [add, sub, mul, div, neg, pow, exp, log, matmul, relu, tanh, sigmoid, gt, lt, ge, le, eq, sum, mean, numel, reshape, reshapeLike, transpose, sumToShape, expandLike])
  registerOp(def)
registerOp(fusedOp(getOp))
registerOp(condOp(getOp))

export function getOp(name: string): OpDef {
  const def = registry.get(name)
  if (!def)
    throw new EngineError(`unknown op '${name}' (known: ${[...registry.keys()].join(', ')})`)
  return def
}

export function opNames(): string[] {
  return [...registry.keys()]
}

export function opLabel(name: string, attrs: Attrs): string {
  return registry.get(name)?.label?.(attrs) ?? name
}

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
