// Every op's gradient against central finite differences, on random shapes and values (fast-check),
// eagerly and statically (g.gradients + Session); the two modes must also agree with each other.
import type { Expr, Input } from './helpers'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { expectClose, finiteDiff, runEager, runStatic } from './helpers'

const RUNS = 30
const dim = fc.integer({ min: 1, max: 4 })
const shapeArb = (minRank: number, maxRank: number) => fc.array(dim, { minLength: minRank, maxLength: maxRank })

/** Values in [min, max], optionally kept at least `gap` away from 0 (relu's kink, division, log). */
function values(n: number, { min = -2, max = 2, gap = 0 } = {}): fc.Arbitrary<number[]> {
  const v = fc.double({ min, max, noNaN: true }).map(x => (gap && Math.abs(x) < gap ? (x < 0 ? -gap : gap) : x))
  return fc.array(v, { minLength: n, maxLength: n })
}
function input(shape: number[], opts?: Parameters<typeof values>[1]): fc.Arbitrary<Input> {
  return values(shape.reduce((a, b) => a * b, 1), opts).map(data => ({ shape, data }))
}

/** Two shapes that broadcast together: drop some leading dims of one, set some dims to 1. */
const broadcastPair = shapeArb(0, 3).chain(out => fc.tuple(
  fc.integer({ min: 0, max: out.length }),
  fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
  fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
  fc.boolean(),
).map(([drop, onesA, onesB, swap]) => {
  const a = out.map((d, i) => (onesA[i] ? 1 : d))
  const b = out.map((d, i) => (onesB[i] ? 1 : d)).slice(drop)
  return swap ? [b, a] : [a, b]
}))

interface Case { name: string, arb: fc.Arbitrary<{ inputs: Record<string, Input>, expr: Expr }> }

const unaryCases: [string, Expr, Parameters<typeof values>[1]][] = [
  ['neg', ({ a }) => a.neg(), {}],
  ['exp', ({ a }) => a.exp(), {}],
  ['log', ({ a }) => a.log(), { min: 0.2, max: 3 }],
  ['relu', ({ a }) => a.relu(), { gap: 0.01 }],
  ['tanh', ({ a }) => a.tanh(), {}],
  ['sigmoid', ({ a }) => a.sigmoid(), {}],
  ['pow 2', ({ a }) => a.pow(2), {}],
  ['pow 3', ({ a }) => a.pow(3), {}],
  ['pow 0.5', ({ a }) => a.pow(0.5), { min: 0.2, max: 3 }],
  ['pow -1', ({ a }) => a.pow(-1), { gap: 0.5 }],
]

const cases: Case[] = [
  ...unaryCases.map(([name, expr, opts]): Case => ({
    name,
    arb: shapeArb(0, 3).chain(s => input(s, opts)).map(a => ({ inputs: { a }, expr })),
  })),
  ...([
    ['add', ({ a, b }) => a.add(b), {}],
    ['sub', ({ a, b }) => a.sub(b), {}],
    ['mul', ({ a, b }) => a.mul(b), {}],
    ['div', ({ a, b }) => a.div(b), { gap: 0.5 }],
  ] as [string, Expr, Parameters<typeof values>[1]][]).map(([name, expr, opts]): Case => ({
    name: `${name} (broadcasting)`,
    arb: broadcastPair.chain(([sa, sb]) => fc.tuple(input(sa), input(sb, opts))).map(([a, b]) => ({ inputs: { a, b }, expr })),
  })),
  {
    name: 'add / mul with a number',
    arb: shapeArb(0, 3).chain(s => fc.tuple(input(s), fc.double({ min: -3, max: 3, noNaN: true }))).map(([a, k]) => ({ inputs: { a }, expr: ({ a }) => a.mul(k).add(k).sub(1).div(2) })),
  },
  {
    name: 'matmul (2-D and 1-D operands)',
    arb: fc.tuple(dim, dim, dim, fc.boolean(), fc.boolean()).chain(([m, k, n, vecA, vecB]) =>
      fc.tuple(input(vecA ? [k] : [m, k]), input(vecB ? [k] : [k, n]))).map(([a, b]) => ({ inputs: { a, b }, expr: ({ a, b }) => a.matmul(b) })),
  },
  ...(['sum', 'mean'] as const).map((op): Case => ({
    name: `${op} (all, or one axis, keepdims)`,
    arb: shapeArb(1, 3).chain(s => fc.tuple(input(s), fc.option(fc.integer({ min: -s.length, max: s.length - 1 })), fc.boolean())).map(([a, axis, keep]) => ({ inputs: { a }, expr: ({ a }) => a[op](axis ?? undefined, keep) })),
  })),
  {
    name: 'reshape',
    arb: shapeArb(1, 3).chain(s => fc.tuple(input(s), fc.constantFrom<'flat' | 'minus1' | 'reversed' | 'lead1'>('flat', 'minus1', 'reversed', 'lead1'))).map(([a, how]) => {
      const size = a.data.length
      const target = { flat: [size], minus1: [-1, a.shape[a.shape.length - 1]], reversed: [...a.shape].reverse(), lead1: [1, size] }[how]
      return { inputs: { a }, expr: ({ a }) => a.reshape(target) }
    }),
  },
  {
    name: 'transpose (2-D, or a 3-D perm)',
    arb: fc.oneof(
      shapeArb(2, 2).chain(s => input(s)).map(a => ({ inputs: { a }, expr: (({ a }) => a.transpose()) as Expr })),
      fc.tuple(shapeArb(3, 3), fc.constantFrom([0, 2, 1], [2, 0, 1], [1, 0, 2], [1, 2, 0])).chain(([s, perm]) =>
        input(s).map(a => ({ inputs: { a }, expr: (({ a }) => a.transpose(perm)) as Expr }))),
    ),
  },
  {
    name: 'a chain: matmul, broadcast bias, tanh, sigmoid, mean over an axis',
    arb: fc.tuple(dim, dim, dim).chain(([m, k, n]) => fc.tuple(input([m, k]), input([k, n]), input([n]))).map(([x, w, b]) => ({ inputs: { x, w, b }, expr: ({ x, w, b }) => x.matmul(w).add(b).tanh().sigmoid().mean(0) })),
  },
]

// The checked scalar is sum(out/2 + (out/4)²): each output element gets a different weight in the
// gradient, so a misrouted gradient shows (a plain sum would weigh every element 1).
function weigh(expr: Expr): Expr {
  return (x) => {
    const out = expr(x)
    return out.mul(0.5).add(out.mul(0.25).pow(2))
  }
}

describe.each(cases)('gradient check: $name', ({ arb }) => {
  it('eager and static match finite differences and each other', () => {
    fc.assert(fc.property(arb, fc.boolean(), ({ inputs, expr }, unknownDim) => {
      const f = weigh(expr)
      const eager = runEager(f, inputs)
      const fd = finiteDiff(f, inputs)
      // Static mode, sometimes with the first dimension of every placeholder left unknown (null).
      const canUnknown = Object.values(inputs).every(v => v.shape.length > 0)
      const stat = runStatic(f, inputs, unknownDim && canUnknown)
      expectClose(stat.output, eager.output, 1e-12, 'static vs eager output')
      for (const k of Object.keys(inputs)) {
        expectClose(eager.grads[k], fd[k], 1e-5, `eager d/d${k} vs finite differences`)
        expectClose(stat.grads[k], eager.grads[k], 1e-10, `static vs eager d/d${k}`)
      }
    }), { numRuns: RUNS, seed: 20260 })
  })
})
