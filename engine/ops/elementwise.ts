import type { OpDef } from './types'
import { broadcastShapes } from '../shape'
import { mapBinary, mapUnary } from './kernels'
import { onnxOp } from './onnx-mapping'

/**
 * Binary elementwise op with numpy broadcasting; gradients are summed back to each operand's shape.
 * `onnxType`: the one ONNX operator it maps to (ONNX broadcasts the same way).
 */
function binary(name: string, onnxType: string, f: (x: number, y: number) => number, backward: OpDef['backward']): OpDef {
  return {
    name,
    arity: 2,
    elementwise: true,
    shape: ([a, b]) => broadcastShapes(name, a, b),
    forward: ([a, b]) => mapBinary(a, b, broadcastShapes(name, a.shape, b.shape) as number[], f),
    backward,
    onnx: onnxOp(onnxType),
  }
}

function unary(name: string, onnxType: string, f: (x: number) => number, backward: OpDef['backward']): OpDef {
  return { name, arity: 1, elementwise: true, shape: ([a]) => [...a], forward: ([a]) => mapUnary(a, f), backward, onnx: onnxOp(onnxType) }
}

export const add = binary('add', 'Add', (x, y) => x + y, (b, { inputs: [x, y], grad }) =>
  [b.unbroadcast(grad, x), b.unbroadcast(grad, y)])

export const sub = binary('sub', 'Sub', (x, y) => x - y, (b, { inputs: [x, y], grad }) =>
  [b.unbroadcast(grad, x), b.unbroadcast(b.neg(grad), y)])

export const mul = binary('mul', 'Mul', (x, y) => x * y, (b, { inputs: [x, y], grad }) =>
  [b.unbroadcast(b.mul(grad, y), x), b.unbroadcast(b.mul(grad, x), y)])

// d(x/y)/dy = -x/y² = -out/y
export const div = binary('div', 'Div', (x, y) => x / y, (b, { inputs: [x, y], output, grad }) =>
  [b.unbroadcast(b.div(grad, y), x), b.unbroadcast(b.neg(b.div(b.mul(grad, output), y)), y)])

export const neg = unary('neg', 'Neg', x => -x, (b, { grad }) => [b.neg(grad)])

export const exp = unary('exp', 'Exp', Math.exp, (b, { output, grad }) => [b.mul(grad, output)])

export const log = unary('log', 'Log', Math.log, (b, { inputs: [x], grad }) => [b.div(grad, x)])

// PyTorch's convention: the gradient at exactly 0 is 0 (the mask is x > 0).
export const relu = unary('relu', 'Relu', x => (x > 0 ? x : 0), (b, { inputs: [x], grad }) => [b.mul(grad, b.gt(x, 0))])

// tanh' = 1 - tanh²
export const tanh = unary('tanh', 'Tanh', Math.tanh, (b, { output, grad }) => [b.mul(grad, b.sub(1, b.mul(output, output)))])

// σ' = σ(1 - σ)
export const sigmoid = unary('sigmoid', 'Sigmoid', x => 1 / (1 + Math.exp(-x)), (b, { output, grad }) =>
  [b.mul(grad, b.mul(output, b.sub(1, output)))])

export const pow: OpDef = {
  name: 'pow',
  arity: 1,
  elementwise: true,
  shape: ([a]) => [...a],
  forward: ([a], { exponent = 1 }) => mapUnary(a, x => x ** exponent),
  backward: (b, { inputs: [x], grad, attrs: { exponent = 1 } }) =>
    [b.mul(grad, b.mul(exponent, b.pow(x, exponent - 1)))],
  label: ({ exponent }) => `pow(${exponent})`,
  // ONNX Pow takes the exponent as a second input: a float32 constant.
  onnx: (e, { inputs: [x], attrs: { exponent = 1 } }) => e.node('Pow', [x, e.float(exponent)]),
}
