import type { NodeKind } from './graph'
import type { Tensor } from './tensor'
import { opLabel } from './ops/registry'

/** How an eager tensor is drawn: constant, trainable leaf, plain input, or op result. */
export function tensorKind(t: Tensor): NodeKind {
  if (t.isConstant)
    return 'const'
  if (t.op === 'tensor')
    return t.requiresGrad ? 'param' : 'input'
  return 'op'
}

export function tensorLabel(t: Tensor): string {
  if (t.name)
    return t.name
  if (t.isConstant && t.data.length === 1)
    return String(t.data[0])
  return t.op === 'tensor' ? 'tensor' : opLabel(t.op, t.attrs)
}
