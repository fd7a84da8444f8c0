/**
 * The public operations, listed once (their signatures: `Operations` in ops/types.ts). Tensor's methods (`x.add(y)`), Graph's builder methods
 * (`g.add(x, y)`) and the gradient builder's vocabulary (`b.add(x, y)`, what backward rules are
 * written in) are all made from this one table, so adding an operation is one entry here plus its
 * op definition in the registry.
 *
 * Each entry turns the arguments of a call into the op to run, its operands (values, or plain
 * numbers, which each mode makes into constants) and its attrs. Reductions normalise their axis here,
 * once, for every mode.
 */
import type { StaticShape } from '../shape'
import type { Attrs, OpCall, Operand, OperationName, Operations } from './types'
import { normaliseAxis } from '../shape'

type ShapeOf = (x: unknown) => StaticShape
type Entry<K extends OperationName> = (shapeOf: ShapeOf, ...args: Parameters<Operations<unknown>[K]>) => OpCall<unknown>

const call = (op: string, inputs: unknown[], attrs: Attrs = {}): OpCall<unknown> => ({ op, inputs, attrs })
const binary = (op: string): Entry<'add'> => (_, a, b) => call(op, [a, b])
const unary = (op: string): Entry<'neg'> => (_, a) => call(op, [a])
function reduce(op: string): Entry<'sum'> {
  return (shapeOf, a, axis, keepdims = false) =>
    call(op, [a], axis === undefined ? { keepdims } : { axis: normaliseAxis(op, axis, shapeOf(a)), keepdims })
}

const OPERATIONS: { [K in OperationName]: Entry<K> } = {
  add: binary('add'),
  sub: binary('sub'),
  mul: binary('mul'),
  div: binary('div'),
  neg: unary('neg'),
  pow: (_, a, exponent) => call('pow', [a], { exponent }),
  exp: unary('exp'),
  log: unary('log'),
  matmul: binary('matmul'),
  relu: unary('relu'),
  tanh: unary('tanh'),
  sigmoid: unary('sigmoid'),
  sum: reduce('sum'),
  mean: reduce('mean'),
  reshape: (_, a, shape) => call('reshape', [a], { shape: [...shape] }),
  transpose: (_, a, perm) => call('transpose', [a], perm ? { perm: [...perm] } : {}),
  gt: binary('gt'),
  lt: binary('lt'),
  ge: binary('ge'),
  le: binary('le'),
  eq: binary('eq'),
}

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[]

/**
 * Gives a class the operations as methods on its prototype. `receiver: 'operand'` makes `x.add(y)`
 * (Tensor); `'builder'` makes `g.add(x, y)` (Graph, GradBuilder). `run` performs the call in that
 * mode; `shapeOf` tells an operand's shape (for reductions' axes). Pair it with an interface of the
 * same name extending Operations or OperationMethods, which tells TypeScript the methods exist.
 */
export function defineOperations<This, V>(
  proto: This,
  receiver: 'operand' | 'builder',
  run: (self: This, c: OpCall<V>) => V,
  shapeOf: (self: This, x: Operand<V>) => StaticShape,
): void {
  for (const name of OPERATION_NAMES) {
    const entry = OPERATIONS[name] as (shapeOf: ShapeOf, ...args: unknown[]) => OpCall<V>
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value(this: This, ...args: unknown[]) {
        const shape: ShapeOf = x => shapeOf(this, x as Operand<V>)
        return run(this, receiver === 'operand' ? entry(shape, this, ...args) : entry(shape, ...args))
      },
    })
  }
}
