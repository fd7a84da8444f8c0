import type { TensorData } from './nested'
import type { NodeLike } from './ops/types'
import { EngineError, formatShape } from './errors'
import { evaluate } from './evaluate'
import { Graph, GraphNode } from './graph'
import { notify } from './hooks'
import { fromNested } from './nested'
import { getOp } from './ops/registry'
import { runOp } from './ops/run'
import { fits } from './shape'
import { Tensor } from './tensor'

/** A node, or its name or id. */
export type Fetch = GraphNode | string
export type FeedValue = Tensor | TensorData
export type Feeds = ReadonlyMap<GraphNode | string, FeedValue> | Readonly<Record<string, FeedValue>>

/** Runs a Graph, like `tf.compat.v1.Session`: holds variable values, computes only what fetches need. */
export class Session {
  /** every value computed by the last `run`, by node id (for snapshots) */
  lastValues = new Map<string, Tensor>()
  private readonly variables = new Map<NodeLike, Tensor>()

  constructor(readonly graph: Graph) {
    if (!(graph instanceof Graph))
      throw new EngineError('Session: expects a Graph')
  }

  run(fetch: Fetch, feeds?: Feeds): Tensor
  run(fetches: readonly Fetch[], feeds?: Feeds): Tensor[]
  run(fetches: Readonly<Record<string, Fetch>>, feeds?: Feeds): Record<string, Tensor>
  run(fetches: Fetch | readonly Fetch[] | Readonly<Record<string, Fetch>>, feeds: Feeds = {}): Tensor | Tensor[] | Record<string, Tensor> {
    if (typeof fetches === 'string' || isNode(fetches)) {
      return this.evaluate([this.resolveFetch(fetches)], feeds)[0]
    }
    if (Array.isArray(fetches)) {
      const list = (fetches as readonly Fetch[]).map(f => this.resolveFetch(f))
      return this.evaluate(list, feeds)
    }
    const entries = Object.entries(fetches as Record<string, Fetch>)
    const values = this.evaluate(entries.map(([, f]) => this.resolveFetch(f)), feeds)
    return Object.fromEntries(entries.map(([k], i) => [k, values[i]]))
  }

  /** Sets a variable's value in this session (like `tf.assign`), keeping its shape. */
  assign(variable: Fetch, value: FeedValue): void {
    const v = this.resolveFetch(variable)
    if (getOp(v.op).source !== 'variable')
      throw new EngineError(`assign: ${v.label} is a ${v.op}, not a variable`)
    this.variables.set(v, this.checked(v, value, 'assign'))
  }

  private resolveFetch(f: Fetch): GraphNode {
    if (typeof f === 'string') {
      const n = this.graph.find(f)
      if (!n)
        throw new EngineError(`unknown fetch '${f}': no node with that name or id in this graph`)
      return n
    }
    if (!isNode(f))
      throw new EngineError(`unknown fetch ${String(f)}: expected a graph node, its name, or a list or record of those`)
    if (f.graph !== this.graph)
      throw new EngineError(`unknown fetch ${f.id} (${f.label}): it belongs to another graph`)
    return f
  }

  private readFeeds(feeds: Feeds): Map<GraphNode, Tensor> {
    const entries: [GraphNode | string, FeedValue][] = feeds instanceof Map ? [...feeds] : Object.entries(feeds)
    const out = new Map<GraphNode, Tensor>()
    for (const [key, value] of entries) {
      const node = typeof key === 'string' ? this.graph.find(key) : key
      if (!node || node.graph !== this.graph)
        throw new EngineError(`feed '${typeof key === 'string' ? key : key.id}' names no placeholder in this graph`)
      if (getOp(node.op).source !== 'placeholder')
        throw new EngineError(`feed '${node.label}': only placeholders can be fed, this is a ${node.op}`)
      out.set(node, this.checked(node, value, 'feed'))
    }
    return out
  }

  /** A value with the node's static shape: same rank, and each known dimension equal. */
  private checked(node: GraphNode, value: FeedValue, what: string): Tensor {
    const t = value instanceof Tensor ? value : new Tensor(fromNested(value))
    if (!fits(node.shape, t.shape))
      throw new EngineError(`${what} for ${node.op} '${node.label}' has shape ${formatShape(t.shape)}, expected ${formatShape(node.shape)}`)
    return t
  }

  private evaluate(fetches: GraphNode[], feeds: Feeds): Tensor[] {
    const fed = this.readFeeds(feeds)
    // Only the ancestors of the fetches are computed (the point of define-then-run).
    const values = evaluate<Tensor, GraphNode>(this.graph, fetches, {
      placeholder: (p) => {
        throw new EngineError(`missing feed for placeholder '${p.name}' (shape ${formatShape(p.shape)}): pass it in run(fetches, { ${p.name}: … })`)
      },
      constant: n => new Tensor(n.value!),
      variable: n => this.variableValue(n),
    }, (n, inputs) => new Tensor(runOp(getOp(n.op), inputs, n.attrs)), fed)
    for (const [n, value] of values) {
      notify(o => o.nodeEvaluated?.(n, value))
      for (const id of n.gradOf) notify(o => o.gradComputed?.(id, value))
    }
    this.lastValues = new Map([...values].map(([n, v]) => [n.id, v]))
    return fetches.map(f => values.get(f)!)
  }

  /** A variable's value in this session: its initial value until assigned. */
  private variableValue(n: NodeLike): Tensor {
    let v = this.variables.get(n)
    if (!v) {
      v = new Tensor({ data: n.value!.data.slice(), shape: n.value!.shape })
      this.variables.set(n, v)
    }
    return v
  }
}

function isNode(x: unknown): x is GraphNode {
  return x instanceof GraphNode
}
