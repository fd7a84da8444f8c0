// Exercise 04 · A tracer, and its trap: the reference solution.
import type { EngineObserver, GraphNode, Tensor } from '../../engine/index'
import { cond, Graph, withObserver } from '../../engine/index'

export interface Trace {
  graph: Graph
  /** the node holding fn's result */
  output: GraphNode
  /** one message each time a traced value left the engine as a plain number while tracing */
  warnings: string[]
}

/** Like torch.jit.trace(fn, example): records every op fn runs on `example` as a node of a new Graph. */
export function traceOnce(fn: (x: Tensor) => Tensor, example: Tensor): Trace {
  const graph = new Graph()
  const warnings: string[] = []
  const nodes = new Map<Tensor, GraphNode>()
  nodes.set(example, graph.placeholder('x', example.shape))

  // A tensor no recorded op made (a lifted number, a closed-over weight) is frozen as a constant.
  const nodeFor = (t: Tensor): GraphNode => {
    let node = nodes.get(t)
    if (!node) {
      node = graph.constant(t)
      nodes.set(t, node)
    }
    return node
  }

  const observer: EngineObserver = {
    opApplied: ({ op, inputs, output, attrs }) => {
      nodes.set(output, graph.apply(op, inputs.map(nodeFor), attrs))
    },
    valueRead: (t) => {
      if (nodes.has(t))
        warnings.push(`the value of ${nodes.get(t)!.label} was read as plain numbers: the trace may not generalize to other inputs`)
    },
  }
  const result = withObserver(observer, () => fn(example))
  return { graph, output: nodeFor(result), warnings }
}

/** The function with the trap: a JS `if` on a tensor's value. */
export function f(x: Tensor): Tensor {
  if (x.sum().item() > 0)
    return x.mul(2)
  return x.sub(100)
}

/** The same answers as `f`, with the decision inside the graph. */
export function fixed(x: Tensor): Tensor {
  return cond(x.sum().gt(0), () => x.mul(2), () => x.sub(100))
}
