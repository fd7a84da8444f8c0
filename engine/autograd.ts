import type { GradBuilder } from './ops/builder'
import type { Attrs } from './ops/types'
import { noGrad, notify, quietly } from './hooks'
import { getOp } from './ops/registry'
import { inputsFirst } from './walk'

/** What backward needs of an eager tensor: the tape autograd recorded on it (the Tensor class is one). */
export interface TapeNode<T> {
  readonly id: string
  readonly op: string
  readonly inputs: readonly T[]
  readonly attrs: Attrs
  readonly requiresGrad: boolean
  readonly isLeaf: boolean
  grad: T | null
}

/**
 * Reverse-mode autodiff over the eager tape: visit tensors outputs-first, apply each op's registry
 * backward rule (computing, through the eager builder `b`), and sum gradients where paths meet.
 * Leaves accumulate into `.grad` like PyTorch; intermediate results do not keep theirs. Observers
 * see one `gradComputed` per tensor.
 */
export function backward<T extends TapeNode<T>>(root: T, seed: T, b: GradBuilder<T>): void {
  const grads = new Map<T, T>([[root, seed]])
  quietly(() => noGrad(() => {
    const order = inputsFirst([root], t => t.requiresGrad)
    for (let k = order.length - 1; k >= 0; k--) {
      const t = order[k]
      const g = grads.get(t)
      if (!g)
        continue
      grads.delete(t) // intermediate gradients are not kept
      notify(o => o.gradComputed?.(t.id, g), true)
      if (t.isLeaf) {
        t.grad = t.grad ? b.add(t.grad, g) : g
        continue
      }
      const inputGrads = getOp(t.op).backward!(b, { inputs: t.inputs, output: t, grad: g, attrs: t.attrs })
      t.inputs.forEach((input, i) => {
        const ig = inputGrads[i]
        if (!ig || !input.requiresGrad)
          return
        const prev = grads.get(input)
        grads.set(input, prev ? b.add(prev, ig) : ig)
      })
    }
  }))
}
