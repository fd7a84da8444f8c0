// Test helpers: write an expression once, run it eagerly (Tensor) and statically (Graph + Session).
import type { GraphNode, OperationMethods, Tensor, TensorData } from '../../../engine'
import { Graph, noGrad, OPERATION_NAMES, Session, tensor } from '../../../engine'

/** The method vocabulary shared by eager tensors and the static wrapper below: the engine's one list. */
export type Fluent<V> = OperationMethods<V>

/** Graph nodes with tensor-style methods, so one expression builds a static graph too. */
// eslint-disable-next-line ts/no-unsafe-declaration-merging
export interface Sym extends Fluent<Sym> {}
// eslint-disable-next-line ts/no-unsafe-declaration-merging
export class Sym {
  constructor(readonly g: Graph, readonly node: GraphNode) {}
}
for (const name of OPERATION_NAMES) {
  Object.defineProperty(Sym.prototype, name, {
    value(this: Sym, ...args: unknown[]) {
      const method = this.g[name] as (...xs: unknown[]) => GraphNode
      return new Sym(this.g, method.call(this.g, this.node, ...args.map(a => (a instanceof Sym ? a.node : a))))
    },
  })
}

export type Expr = <V extends Fluent<V>>(x: Record<string, V>) => V
export interface Input { shape: number[], data: number[] }
export interface Result { output: number[], grads: Record<string, number[]> }

export function nest(data: readonly number[], shape: readonly number[]): TensorData {
  let k = 0
  const build = (d: number): TensorData => (d === shape.length ? data[k++] : Array.from({ length: shape[d] }, () => build(d + 1)) as TensorData)
  return build(0)
}

const flat = (t: Tensor): number[] => Array.from(t.data)

/** Eager: leaves that require grad, the expression, `.backward()` on its sum. */
export function runEager(expr: Expr, inputs: Record<string, Input>): Result {
  const leaves = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, tensor(nest(v.data, v.shape), { requiresGrad: true })]))
  const out = expr<Tensor>(leaves)
  const loss = out.shape.length === 0 ? out : out.sum()
  loss.backward()
  return { output: flat(out), grads: Object.fromEntries(Object.entries(leaves).map(([k, t]) => [k, flat(t.grad!)])) }
}

/** Static: placeholders (optionally with the first dimension unknown), `g.gradients`, one `Session.run`. */
export function runStatic(expr: Expr, inputs: Record<string, Input>, unknownFirstDim = false): Result {
  const g = new Graph()
  const phs = Object.fromEntries(Object.entries(inputs).map(([k, v]) =>
    [k, new Sym(g, g.placeholder(k, v.shape.map((d, i) => (unknownFirstDim && i === 0 ? null : d))))]))
  const out = expr<Sym>(phs).node
  const names = Object.keys(inputs)
  const grads = g.gradients(out, names.map(k => phs[k].node))
  const feeds = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, nest(v.data, v.shape)]))
  const [value, ...gs] = new Session(g).run([out, ...grads], feeds)
  return { output: flat(value), grads: Object.fromEntries(names.map((k, i) => [k, flat(gs[i])])) }
}

/** Central finite differences of sum(expr(inputs)), computed with plain eager forwards. */
export function finiteDiff(expr: Expr, inputs: Record<string, Input>, h = 1e-6): Record<string, number[]> {
  const f = (xs: Record<string, Input>) => noGrad(() => {
    const out = expr<Tensor>(Object.fromEntries(Object.entries(xs).map(([k, v]) => [k, tensor(nest(v.data, v.shape))])))
    return flat(out).reduce((a, b) => a + b, 0)
  })
  const grads: Record<string, number[]> = {}
  for (const [k, v] of Object.entries(inputs)) {
    grads[k] = v.data.map((_, j) => {
      const at = (delta: number) => f({ ...inputs, [k]: { shape: v.shape, data: v.data.map((x, i) => (i === j ? x + delta : x)) } })
      return (at(h) - at(-h)) / (2 * h)
    })
  }
  return grads
}

export function expectClose(actual: readonly number[], expected: readonly number[], tol: number, what: string): void {
  if (actual.length !== expected.length)
    throw new Error(`${what}: length ${actual.length} vs ${expected.length}`)
  actual.forEach((a, i) => {
    const e = expected[i]
    if (!(Math.abs(a - e) <= tol * (1 + Math.abs(e))))
      throw new Error(`${what}[${i}]: got ${a}, expected ${e} (tolerance ${tol})`)
  })
}
