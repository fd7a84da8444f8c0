// Exercise 04 · A tracer, and its trap. You edit exercise.ts (made from this file); check it with
// `npm run workshop -- check 04`. A tracer runs a function once, eagerly, and listens: every op that
// runs becomes a graph node. What it cannot hear — plain JS deciding on a number — is frozen.
/* eslint-disable unused-imports/no-unused-imports, unused-imports/no-unused-vars -- the starter leaves these for you to use */
import type { EngineObserver, GraphNode, Tensor } from '../../engine/index'
import { cond, Graph, withObserver } from '../../engine/index'

export interface Trace {
  graph: Graph
  /** the node holding fn's result */
  output: GraphNode
  /** one message each time a traced value left the engine as a plain number while tracing */
  warnings: string[]
}

/**
 * Like torch.jit.trace(fn, example): runs fn once on `example` and records every op it runs as a node
 * of a new Graph. The input becomes the placeholder 'x'.
 */
export function traceOnce(fn: (x: Tensor) => Tensor, example: Tensor): Trace {
  const graph = new Graph()
  const warnings: string[] = []
  const nodes = new Map<Tensor, GraphNode>() // the node each tensor became
  nodes.set(example, graph.placeholder('x', example.shape))

  // The node standing for tensor t.
  const nodeFor = (t: Tensor): GraphNode => {
    // TODO: the node t already became, if any (nodes.get(t)). Otherwise t was not made by a recorded op:
    // a number lifted into an op (the 2 in x.mul(2)) or a tensor fn closes over. Freeze its value:
    // graph.constant(t), and remember that node for t.
    throw new Error('TODO: write nodeFor in traceOnce (exercise.ts)')
  }

  // withObserver calls these while fn runs (the engine's hooks: the same ones record() and trace() use).
  const observer: EngineObserver = {
    opApplied: ({ op, inputs, output, attrs }) => {
      // TODO: an op ran: add its node, graph.apply(op, <the node of each input>, attrs), and remember it
      // as the node of `output`.
    },
    valueRead: (t) => {
      // TODO: t's value just left the engine as plain numbers (t.item(), t.toArray(), `t > 0`). If t is a
      // tensor this trace recorded, what fn does with that number is invisible to the graph: push a
      // warning (any text, e.g. "a traced value was read; this trace may not generalize").
    },
  }
  const result = withObserver(observer, () => fn(example))
  return { graph, output: nodeFor(result), warnings }
}

/** The function with the trap: a JS `if` on a tensor's value. Leave it as it is. */
export function f(x: Tensor): Tensor {
  if (x.sum().item() > 0)
    return x.mul(2)
  return x.sub(100)
}

/** The same answers as `f`, but with the decision inside the graph, so one trace is right for every x. */
export function fixed(x: Tensor): Tensor {
  // TODO: replace the JS `if` with the engine's cond(predicate, thenFn, elseFn): the predicate stays a
  // tensor, x.sum().gt(0), and each branch is a function returning a tensor.
  if (x.sum().item() > 0)
    return x.mul(2)
  return x.sub(100)
}
