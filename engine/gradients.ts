import type { Graph, GraphNode } from './graph'
import { EngineError, formatShape } from './errors'
import { GradBuilder } from './ops/builder'
import { getOp } from './ops/registry'

/**
 * Symbolic reverse-mode differentiation (what `tf.gradients` does): the same registry backward rules
 * as eager mode, but the builder adds nodes (kind 'grad') instead of computing. Nothing runs here.
 */
export function buildGradients(g: Graph, y: GraphNode, xs: readonly GraphNode[], dy?: GraphNode): GraphNode[] {
  const b = new GradBuilder<GraphNode>({
    apply: (op, inputs, attrs) => g.apply(op, inputs, attrs, 'grad'),
    constant: value => g.constant(value),
    shape: x => x.shape,
  })

  // Only nodes on a path from some x to y need a gradient.
  const index = new Map(g.nodes.map((n, i) => [n, i]))
  const reachesY = new Set<GraphNode>([y])
  for (let i = index.get(y)!; i >= 0; i--) {
    const n = g.nodes[i]
    if (reachesY.has(n))
      n.inputs.forEach(x => reachesY.add(x))
  }
  const fromX = new Set<GraphNode>(xs)
  for (const n of g.nodes) {
    if (n.inputs.some(x => fromX.has(x)))
      fromX.add(n)
  }
  const onPath = (n: GraphNode) => reachesY.has(n) && fromX.has(n)

  if (dy && dy.shape.length !== y.shape.length)
    throw new EngineError(`gradients: dy has shape ${formatShape(dy.shape)} but y has shape ${formatShape(y.shape)}`)
  // Like tf.gradients, a non-scalar y is summed: its seed is ones in y's shape.
  const seed = dy ?? (y.shape.length === 0 ? g.constant(1) : b.expandLike(g.constant(1), y))

  const pending = new Map<GraphNode, GraphNode[]>([[y, [seed]]])
  const total = new Map<GraphNode, GraphNode>()
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
