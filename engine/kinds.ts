import type { NodeKind } from './ops/types'
import type { Tensor } from './tensor'
import { labelOf } from './ops/registry'

/** How an eager tensor is drawn: constant, trainable leaf, plain input, or op result. */
export function tensorKind(t: Tensor): NodeKind {
  if (t.isConstant)
    return 'const'
  if (t.op === 'tensor')
    return t.requiresGrad ? 'param' : 'input'
  return 'op'
}

/** An eager tensor's label: as a graph node's (labelOf), a one-element constant showing its number. */
export function tensorLabel(t: Tensor): string {
  const constant = t.isConstant && t.data.length === 1
  return labelOf({ op: constant ? 'constant' : t.op, attrs: t.attrs, shape: t.shape, name: t.name, value: t })
}
