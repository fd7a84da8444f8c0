// Compares the engine with real PyTorch (float64), from tests/fixtures/torch-reference.json, made by
// scripts/torch_reference.py. Each expression below is the Python one with the same id, method for method.
import type { Expr, Input } from './helpers'
import { describe, expect, it } from 'vitest'
import fixture from '../../fixtures/torch-reference.json'
import { expectClose, runEager, runStatic } from './helpers'

const expressions: Record<string, Expr> = {
  broadcast_add_mul: ({ a, b }) => a.add(b).mul(a).sum(),
  broadcast_column_div: ({ a, b }) => a.neg().div(b).sum(),
  scalar_broadcast: ({ a }) => a.mul(2).sub(1).div(a.add(3)).sum(),
  relu_at_zero: ({ a }) => a.relu().mul(3).sum(),
  matmul_relu_zero: ({ x, w }) => x.matmul(w).relu().sum(),
  sum_axis: ({ a, c }) => a.sum(0).mul(c).sum().add(a.sum(1, true).mul(a).sum()),
  mean_axis_tanh: ({ a }) => a.tanh().mean(1).pow(2).sum().add(a.mean()),
  sigmoid_tanh_chain: ({ x, w, b }) => x.matmul(w).add(b).tanh().sigmoid().mean(),
  exp_log: ({ a, b }) => a.exp().add(b.pow(2)).log().sum(),
  reshape_transpose: ({ a, c }) => a.transpose().matmul(a).reshape([9]).sum().add(a.reshape([3, 2]).mul(c).sum()),
  mlp: ({ x, w1, b1, w2 }) => x.matmul(w1).add(b1).relu().matmul(w2).pow(2).mean(),
  matmul_vectors: ({ m, v, u }) => m.matmul(v).pow(3).sum().add(u.matmul(m).sum()).add(u.matmul(u)),
}

type Nested = number | Nested[]
const flatten = (x: Nested): number[] => (Array.isArray(x) ? x.flatMap(flatten) : [x])
const shapeOf = (x: Nested): number[] => (Array.isArray(x) ? [x.length, ...shapeOf(x[0])] : [])
interface FixtureCase { id: string, inputs: Record<string, Nested>, output: Nested, grads: Record<string, Nested> }
const cases = fixture.cases as unknown as FixtureCase[]

describe('engine vs PyTorch reference (float64, 1e-9)', () => {
  it('covers every expression in the fixture, and the fixture covers every expression', () => {
    expect(cases.map(c => c.id).sort()).toEqual(Object.keys(expressions).sort())
  })

  for (const c of cases) {
    const inputs: Record<string, Input> = Object.fromEntries(Object.entries(c.inputs)
      .map(([k, v]) => [k, { shape: shapeOf(v), data: flatten(v) }]))
    const expected = { output: flatten(c.output), grads: c.grads }
    for (const [mode, run] of [['eager', runEager], ['static', runStatic]] as const) {
      it(`${c.id} (${mode})`, () => {
        const got = run(expressions[c.id], inputs)
        expectClose(got.output, expected.output, 1e-9, `${c.id} output`)
        for (const [k, g] of Object.entries(expected.grads))
          expectClose(got.grads[k], flatten(g), 1e-9, `${c.id} d/d${k}`)
      })
    }
  }
})
