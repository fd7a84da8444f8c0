import type { LabelSource, OpDef } from './types'

/** A node's label in diagrams: its name if it has one, else what its op makes of it (`sum(axis=1)`, `3`). */
export function labelFrom(def: OpDef | undefined, n: LabelSource): string {
  return n.name || (def?.label?.(n.attrs, n) ?? n.op)
}
