import type { Attrs, NodeKind, NodeLike, Operand, Subgraph } from './ops/types'
import type { StaticShape } from './shape'
import { EngineError, formatShape } from './errors'
import { quietly } from './hooks'
import { GradBuilder } from './ops/builder'
import { getOp } from './ops/registry'
import { graphInputs } from './ops/sources'

/** A node `gradients` can differentiate through and mark. */
export interface GradNode<N extends NodeLike> extends NodeLike {
  readonly inputs: readonly N[]
  gradOf: string[]
}

/**
 * What differentiating a graph needs of it. The Graph class is one; this file names it structurally
 * so that graph.ts can import it and not the other way round.
 */
export interface GradGraph<N extends GradNode<N>> {
  readonly nodes: readonly N[]
  outputs: N[]
  apply: (op: string, inputs: readonly Operand<N>[], attrs?: Attrs, kind?: NodeKind) => N
  constant: (value: number) => N
  placeholder: (name: string, shape: StaticShape) => N
  clone: () => GradGraph<N>
  node: (ref: string) => N
}

/**
 * Symbolic reverse-mode differentiation (what `tf.gradients` does): the same registry backward rules
 * as eager mode, but the builder adds nodes (kind 'grad') instead of computing. Nothing runs here.
 */
export function buildGradients<N extends GradNode<N>>(g: GradGraph<N>, y: N, xs: readonly N[], dy?: N): N[] {
  const b = new GradBuilder<N>({
    apply: (op, inputs, attrs) => g.apply(op, inputs, attrs, 'grad'),
    constant: value => g.constant(value),
    shape: x => x.shape,
    branchGradients,
  })

  // Only nodes on a path from some x to y need a gradient.
  const index = new Map(g.nodes.map((n, i) => [n, i]))
  const reachesY = new Set<N>([y])
  for (let i = index.get(y)!; i >= 0; i--) {
    const n = g.nodes[i]
    if (reachesY.has(n))
      n.inputs.forEach(x => reachesY.add(x))
  }
  const fromX = new Set<N>(xs)
  for (const n of g.nodes) {
    if (n.inputs.some(x => fromX.has(x)))
      fromX.add(n)
  }
  const onPath = (n: N) => reachesY.has(n) && fromX.has(n)

  if (dy && dy.shape.length !== y.shape.length)
    throw new EngineError(`gradients: dy has shape ${formatShape(dy.shape)} but y has shape ${formatShape(y.shape)}`)
  // Like tf.gradients, a non-scalar y is summed: its seed is ones in y's shape.
  const seed = dy ?? (y.shape.length === 0 ? g.constant(1) : b.expandLike(g.constant(1), y))

  const pending = new Map<N, N[]>([[y, [seed]]])
  const total = new Map<N, N>()
  for (let i = index.get(y)!; i >= 0; i--) {
    const n = g.nodes[i]
    const parts = pending.get(n)
    if (!parts || !onPath(n))
      continue
    const grad = parts.reduce((acc, p) => b.add(acc, p))
    total.set(n, grad)
    if (n.inputs.length === 0)
      continue
    const def = getOp(n.op)
    if (!def.backward)
      continue
    const inputGrads = def.backward(b, { inputs: n.inputs, output: n, grad, attrs: n.attrs })
    n.inputs.forEach((input, k) => {
      const ig = inputGrads[k]
      if (ig && onPath(input))
        pending.set(input, [...(pending.get(input) ?? []), ig])
    })
  }

  return xs.map((x) => {
    // An x that y does not depend on gets zeros (tf.gradients would give None).
    const grad = total.get(x) ?? b.expandLike(g.constant(0), x)
    grad.gradOf.push(x.id)
    return grad
  })
}

// Gradient branches, built once per branch graph (eager backward and g.gradients both ask).
const gradCache = new WeakMap<Subgraph, Subgraph[]>()

/**
 * cond's gradient, one graph per input of a branch: the branch's placeholders plus one for the
 * upstream gradient, declaring d(output)/d(input i) as its output. Eager and static backward both
 * use these, through their GradBackend.
 */
export function branchGradients(branch: Subgraph): Subgraph[] {
  let grads = gradCache.get(branch)
  if (!grads) {
    if (!isGradGraph(branch))
      throw new EngineError('cond: a branch must be a Graph (made by cond or g.cond) to be differentiated')
    grads = quietly(() => {
      const g = branch.clone()
      const xs = graphInputs(g)
      const y = g.outputs[0]
      const names = new Set(g.nodes.map(n => n.name))
      let name = 'grad'
      for (let k = 1; names.has(name); k++) name = `grad_${k}`
      const dy = g.placeholder(name, y.shape)
      return buildGradients(g, y, xs, dy).map((dx) => {
        const copy = g.clone()
        copy.outputs = [copy.node(dx.id)]
        return copy
      })
    })
    gradCache.set(branch, grads)
  }
  return grads
}

type AnyGradNode = GradNode<AnyGradNode>

function isGradGraph(g: Subgraph): g is GradGraph<AnyGradNode> & Subgraph {
  return typeof (g as Partial<GradGraph<AnyGradNode>>).clone === 'function'
}
