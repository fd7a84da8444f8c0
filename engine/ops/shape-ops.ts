import type { StaticShape } from '../shape'
import type { OpDef } from './types'
import { EngineError, formatShape } from '../errors'
import { isConcrete, sizeOf, stridesOf } from '../shape'
import { nd } from './kernels'

function reshapeShape(x: StaticShape, target: readonly number[]): (number | null)[] {
  const fail = (why: string) => new EngineError(`reshape: cannot reshape ${formatShape(x)} to ${formatShape(target)} (${why})`)
  if (target.filter(d => d === -1).length > 1)
    throw fail('at most one dimension may be -1')
  if (target.some(d => !Number.isInteger(d) || d < -1))
    throw fail('dimensions must be whole numbers, or -1')
  const known = target.filter(d => d !== -1).reduce((p, d) => p * d, 1)
  if (!isConcrete(x))
    return target.map(d => (d === -1 ? null : d))
  const size = sizeOf(x)
  if (!target.includes(-1)) {
    if (known !== size)
      throw fail(`${size} elements do not fit ${known}`)
    return [...target]
  }
  if (known === 0 || size % known !== 0)
    throw fail(`${size} elements do not divide into ${known}`)
  return target.map(d => (d === -1 ? size / known : d))
}

export const reshape: OpDef = {
  name: 'reshape',
  arity: 1,
  shape: ([x], { shape = [] }) => reshapeShape(x, shape),
  forward: ([x], { shape = [] }) => nd(x.data.slice(), reshapeShape(x.shape, shape) as number[]),
  backward: (b, { inputs: [x], grad }) => [b.reshapeLike(grad, x)],
  label: ({ shape = [] }) => `reshape${formatShape(shape)}`,
  // ONNX reads a 0 in the shape as "keep this dimension" unless allowzero is set; here 0 means 0.
  onnx: (e, { inputs: [x], attrs: { shape = [] } }) => e.node('Reshape', [x, e.int64(shape)], shape.includes(0) ? { allowzero: 1 } : {}),
}

/** Internal (reshape's gradient): reshapes the first input to the second's shape, even if unknown when built. */
export const reshapeLike: OpDef = {
  name: 'reshapeLike',
  arity: 2,
  shape: ([x, like]) => {
    if (isConcrete(x) && isConcrete(like) && sizeOf(x) !== sizeOf(like))
      throw new EngineError(`reshapeLike: cannot reshape ${formatShape(x)} to ${formatShape(like)}`)
    return [...like]
  },
  forward: ([x, like]) => nd(x.data.slice(), like.shape),
  backward: (b, { inputs: [x], grad }) => [b.reshapeLike(grad, x), null],
  onnx: (e, { inputs: [x, like] }) => e.node('Reshape', [x, e.node('Shape', [like])], { allowzero: 1 }),
}

function permOf(rank: number, perm: readonly number[] | undefined): readonly number[] {
  const p = perm ?? Array.from({ length: rank }, (_, i) => rank - 1 - i)
  const ok = p.length === rank && [...p].sort((a, b) => a - b).every((d, i) => d === i)
  if (!ok)
    throw new EngineError(`transpose: ${formatShape(p)} is not a permutation of ${rank} axes`)
  return p
}

/** Permutes the axes; with no `perm`, reverses them (a matrix transpose for 2-D). */
export const transpose: OpDef = {
  name: 'transpose',
  arity: 1,
  shape: ([x], { perm }) => permOf(x.length, perm).map(i => x[i]),
  forward: ([x], { perm }) => {
    const p = permOf(x.shape.length, perm)
    const outShape = p.map(i => x.shape[i])
    const inStrides = stridesOf(x.shape)
    const outStrides = stridesOf(outShape)
    const out = new Float64Array(x.data.length)
    for (let i = 0; i < out.length; i++) {
      let src = 0
      for (let d = 0; d < p.length; d++) src += (Math.floor(i / outStrides[d]) % outShape[d]) * inStrides[p[d]]
      out[i] = x.data[src]
    }
    return nd(out, outShape)
  },
  backward: (b, { grad, attrs: { perm } }) => {
    if (!perm)
      return [b.transpose(grad)]
    const inverse = perm.map((_, i) => perm.indexOf(i))
    return [b.transpose(grad, inverse)]
  },
  label: ({ perm }) => (perm ? `transpose${formatShape(perm)}` : 'transpose'),
  onnx: (e, { inputs: [x], shapes: [s], attrs: { perm } }) => e.node('Transpose', [x], { perm: permOf(s.length, perm) }),
}
