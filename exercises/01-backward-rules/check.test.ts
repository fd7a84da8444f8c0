// Checks for exercise 01: each rule against finite differences (nudge an input, watch the loss move), and
// chained together against gradients computed by real PyTorch (tests/fixtures/torch-reference.json).
import type { Tensor } from '../../engine/index'
import { describe, it } from 'vitest'
import { tensor } from '../../engine/index'
import fixture from '../../tests/fixtures/torch-reference.json'
import { expectClose, fromNested, numericGrad, randomNested, seeded } from '../check-helpers'
import { addBackward, mulBackward, reluBackward } from './exercise'

const rand = seeded(1)
const random = (shape: number[]): Tensor => tensor(randomNested(rand, shape) as number[])

/** L = sum(g * op(x, y)) for a random upstream gradient g, so dL/dz = g. */
function lossOf(op: (x: Tensor, y: Tensor) => Tensor, x: Tensor, y: Tensor, g: Tensor) {
  return () => op(x, y).mul(g).sum().item()
}

function checkBinary(name: string, op: (x: Tensor, y: Tensor) => Tensor, rule: typeof addBackward, xShape: number[], yShape: number[]): void {
  const x = random(xShape)
  const y = random(yShape)
  const g = random([...op(x, y).shape])
  const [gx, gy] = rule(x, y, g)
  const loss = lossOf(op, x, y, g)
  expectClose(gx, numericGrad(loss, x), `${name}: the gradient for x [${xShape}]`)
  expectClose(gy, numericGrad(loss, y), `${name}: the gradient for y [${yShape}]`)
}

describe('add', () => {
  it('same shapes: the gradient passes through', () => {
    checkBinary('add', (x, y) => x.add(y), addBackward, [2, 3], [2, 3])
  })
  it('broadcast: [2, 3] + [3] sums the gradient over the rows for y', () => {
    checkBinary('add', (x, y) => x.add(y), addBackward, [2, 3], [3])
  })
})

describe('mul', () => {
  it('same shapes: each input gets grad times the other input', () => {
    checkBinary('mul', (x, y) => x.mul(y), mulBackward, [4], [4])
  })
  it('broadcast: [2, 3] * [2, 1] and a scalar', () => {
    checkBinary('mul', (x, y) => x.mul(y), mulBackward, [2, 3], [2, 1])
    checkBinary('mul', (x, y) => x.mul(y), mulBackward, [], [3])
  })
})

describe('relu', () => {
  it('passes the gradient where x > 0 and blocks it where x < 0', () => {
    const x = tensor([-1.5, -0.25, 0.5, 2])
    const g = tensor([1, 2, 3, 4])
    expectClose(reluBackward(x, g), numericGrad(() => x.relu().mul(g).sum().item(), x), 'relu: the gradient for x')
  })
})

interface Case { id: string, inputs: Record<string, unknown>, grads: Record<string, unknown> }
const cases = fixture.cases as unknown as Case[]
const reference = (id: string) => cases.find(c => c.id === id)!

describe('chained, against PyTorch', () => {
  it('relu at exactly 0 has gradient 0: (relu(a) * 3).sum()', () => {
    const c = reference('relu_at_zero')
    const a = tensor(c.inputs.a as number[])
    const r = a.relu()
    const three = tensor(3)
    const [gr] = mulBackward(r, three, r.mul(0).add(1)) // dL/d(r*3) is all ones
    expectClose(reluBackward(a, gr), fromNested(c.grads.a), `relu_at_zero, a = [${a.toArray()}]: the gradient for a`)
  })

  it('((a + b) * a).sum() with a: [2, 3] and b: [3]', () => {
    const c = reference('broadcast_add_mul')
    const a = tensor(c.inputs.a as number[][])
    const b = tensor(c.inputs.b as number[])
    const s = a.add(b)
    const ones = s.mul(0).add(1) // dL/d(s*a): the sum passes ones down
    const [gs, ga1] = mulBackward(s, a, ones)
    const [ga2, gb] = addBackward(a, b, gs)
    expectClose(ga1.add(ga2), fromNested(c.grads.a), 'the gradient for a (a is used twice: add both paths)')
    expectClose(gb, fromNested(c.grads.b), 'the gradient for b')
  })
})
