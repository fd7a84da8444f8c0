// Checks for exercise 02: the order of the walk, gradient accumulation, and random expressions compared
// with the engine's own `backward()` (which fills `.grad` of the leaves, like PyTorch).
import type { Tensor } from '../../engine/index'
import { describe, expect, it } from 'vitest'
import { tensor } from '../../engine/index'
import { expectClose, randomNested, seeded } from '../check-helpers'
import { backward, topologicalOrder } from './exercise'

const leaf = (data: number | number[], name: string): Tensor => tensor(data, { requiresGrad: true, name })
const label = (t: Tensor): string => t.name ?? t.op

/** The engine's gradient of `root` for each leaf, for comparison (leaves' .grad are reset first). */
function engineGrads(root: Tensor, leaves: Tensor[]): Tensor[] {
  leaves.forEach(l => l.zeroGrad())
  root.backward()
  return leaves.map(l => l.grad!)
}

function dependsOn(t: Tensor, l: Tensor): boolean {
  return t === l || t.inputs.some(i => dependsOn(i, l))
}

function expectSameAsEngine(root: Tensor, leaves: Tensor[], what: string): void {
  const mine = backward(root)
  const want = engineGrads(root, leaves)
  leaves.forEach((l, i) => expectClose(mine.get(l), want[i], `${what}: the gradient for ${label(l)}`))
}

describe('topologicalOrder', () => {
  it('lists each tensor once, after its inputs, with the root last', () => {
    const x = leaf([1, 2], 'x')
    const y = leaf([3, 4], 'y')
    const a = x.mul(y)
    const root = a.add(x).mul(a).sum() // x and a are each used twice
    const order = topologicalOrder(root)
    expect(order.at(-1)?.op, 'the last tensor (it should be the root, a sum)').toBe('sum')
    for (const t of [x, y, a])
      expect(order.filter(o => o === t).length, `how many times ${t === a ? 'x * y' : label(t)} appears`).toBe(1)
    order.forEach((t, k) => t.inputs.forEach((input) => {
      const at = order.indexOf(input)
      expect(at >= 0 && at < k, `${label(input)} (an input of ${t.op}) comes before it`).toBe(true)
    }))
    expect(order.length, 'how many tensors (x, y, x*y, +x, *, sum)').toBe(6)
  })
})

describe('backward', () => {
  it('a tensor used twice gets the sum: d(x * x)/dx = 2x', () => {
    const x = leaf([1, -2, 3], 'x')
    expectSameAsEngine(x.mul(x).sum(), [x], 'sum(x * x)')
  })

  it('a diamond: both paths from x to the loss add up', () => {
    const x = leaf([0.5, -1.5], 'x')
    const w = leaf([2, 3], 'w')
    const h = x.mul(w)
    expectSameAsEngine(h.tanh().add(h.relu()).mul(x).sum(), [x, w], 'sum((tanh(x*w) + relu(x*w)) * x)')
  })

  it('random expressions: the same gradients as the engine', () => {
    const rand = seeded(2)
    const unary = ['tanh', 'sigmoid', 'relu', 'neg', 'exp'] as const
    const binary = ['add', 'sub', 'mul'] as const
    for (let round = 0; round < 6; round++) {
      const leaves = ['a', 'b', 'c'].map(n => leaf(randomNested(rand, [3]) as number[], n))
      const pool: { t: Tensor, text: string }[] = leaves.map(l => ({ t: l, text: l.name! }))
      const pick = () => pool[Math.floor(rand() * pool.length)]
      for (let k = 0; k < 7; k++) {
        const p = pick()
        if (rand() < 0.35) {
          const op = unary[Math.floor(rand() * unary.length)]
          pool.push({ t: p.t[op](), text: `${op}(${p.text})` })
        }
        else {
          const op = binary[Math.floor(rand() * binary.length)]
          const q = pick()
          pool.push({ t: p.t[op](q.t), text: `${op}(${p.text}, ${q.text})` })
        }
      }
      const last = pool.at(-1)!
      // leaves the expression does not use get no gradient from the engine: compare only the used ones
      const root = last.t.sum()
      const used = leaves.filter(l => dependsOn(root, l))
      expectSameAsEngine(root, used, `sum(${last.text})`)
    }
  })
})
