import type { LabelSource, OpDef } from './types'
import { EngineError } from '../errors'
import { eq, ge, gt, le, lt } from './compare'
import { condOp } from './cond'
import { add, div, exp, log, mul, neg, pow, relu, sigmoid, sub, tanh } from './elementwise'
import { fusedOp } from './fused'
import { labelFrom } from './label'
import { matmul } from './matmul'
import { expandLike, mean, numel, sum, sumToShape } from './reduce'
import { reshape, reshapeLike, transpose } from './shape-ops'
import { constant, placeholder, variable } from './sources'

/** The one table of ops. Eager tensors, graph builders, sessions and gradients all look ops up here. */
const registry = new Map<string, OpDef>()

export function registerOp(def: OpDef): void {
  registry.set(def.name, def)
}

for (const def of [placeholder, variable, constant, add, sub, mul, div, neg, pow, exp, log, matmul, relu, tanh, sigmoid, gt, lt, ge, le, eq, sum, mean, numel, reshape, reshapeLike, transpose, sumToShape, expandLike])
  registerOp(def)
// fused and cond run other ops: they get the lookup rather than importing this file, which imports them.
registerOp(fusedOp(getOp))
registerOp(condOp(getOp))

export function getOp(name: string): OpDef {
  const def = registry.get(name)
  if (!def)
    throw new EngineError(`unknown op '${name}' (known: ${[...registry.keys()].join(', ')})`)
  return def
}

/** The computing ops (the source ops placeholder, variable and constant are left out). */
export function opNames(): string[] {
  return [...registry.values()].filter(d => !d.source).map(d => d.name)
}

/** A node's label in diagrams (see labelFrom). */
export function labelOf(n: LabelSource): string {
  return labelFrom(registry.get(n.op), n)
}
