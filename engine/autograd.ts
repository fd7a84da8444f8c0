import type { TensorData } from './nested'
import { applyOp, lift } from './eager'
import { EngineError, formatShape } from './errors'
import { noGrad, notify, quietly } from './hooks'
import { fromNested } from './nested'
import { GradBuilder } from './ops/builder'
import { getOp } from './ops/registry'
import { sameShape } from './shape'
import { Tensor } from './tensor'
import { inputsFirst } from './walk'

/** Backward rules, run eagerly: every builder call computes a Tensor. */
const eagerBuilder = new GradBuilder<Tensor>({
  apply: (op, inputs, attrs) => applyOp(op, inputs, attrs),
  constant: value => lift(value),
  shape: x => x.shape,
})

function seedGrad(root: Tensor, grad: Tensor | TensorData | undefined): Tensor {
  if (grad === undefined) {
    if (root.size !== 1)
      throw new EngineError(`backward: ${root.id} has shape ${formatShape(root.shape)}; call backward() on a scalar (e.g. y.sum()), or pass a gradient of shape ${formatShape(root.shape)}`)
    return lift(1).reshape(root.shape)
  }
  const g = grad instanceof Tensor ? grad : new Tensor(fromNested(grad))
  if (!sameShape(g.shape, root.shape))
    throw new EngineError(`backward: the gradient has shape ${formatShape(g.shape)} but ${root.id} has shape ${formatShape(root.shape)}`)
  return g
}

/**
 * Reverse-mode autodiff over the eager tape: visit tensors outputs-first, apply each op's registry
 * backward rule, and sum gradients where paths meet. Leaves accumulate into `.grad` like PyTorch;
 * intermediate results do not keep theirs. Observers see one `gradComputed` per tensor.
 */
export function backward(root: Tensor, grad?: Tensor | TensorData): void {
  if (!root.requiresGrad)
    throw new EngineError(`backward: ${root.id} does not require grad; create an input with tensor(data, { requiresGrad: true })`)
  const grads = new Map<Tensor, Tensor>()
  quietly(() => noGrad(() => {
    grads.set(root, seedGrad(root, grad))
    const order = inputsFirst([root], t => t.requiresGrad)
    for (let k = order.length - 1; k >= 0; k--) {
      const t = order[k]
      const g = grads.get(t)
      if (!g)
        continue
      grads.delete(t) // intermediate gradients are not kept
      notify(o => o.gradComputed?.(t.id, g), true)
      if (t.isLeaf) {
        t.grad = t.grad ? t.grad.add(g) : g
        continue
      }
      const inputGrads = getOp(t.op).backward!(eagerBuilder, { inputs: t.inputs, output: t, grad: g, attrs: t.attrs })
      t.inputs.forEach((input, i) => {
        const ig = inputGrads[i]
        if (!ig || !input.requiresGrad)
          return
        const prev = grads.get(input)
        grads.set(input, prev ? prev.add(ig) : ig)
      })
    }
  }))
}
