import type { NestedArray, TensorData } from './nested'
import type { Attrs, NDArray, NodeKind, NodeLike, Operand, Operations } from './ops/types'
import type { StaticShape } from './shape'
import { EngineError } from './errors'
import { buildGradients } from './gradients'
import { notify, quietly } from './hooks'
import { fromNested } from './nested'
import { defineOperations } from './ops/operations'
import { getOp, labelOf } from './ops/registry'
import { inferShape } from './ops/run'

export type { NodeKind }

/** Everything needed to (re)create a node: what `Graph.addNode` takes and `clone` copies. */
export interface NodeSpec {
  op: string
  inputs?: readonly GraphNode[]
  attrs?: Attrs
  /** required for placeholders; inferred from the registry for ops */
  shape?: StaticShape
  kind?: NodeKind
  name?: string
  /** a constant's value, or a variable's initial value */
  value?: NDArray
  /** keep an id (when copying a graph); otherwise the next `n<k>` */
  id?: string
  gradOf?: readonly string[]
}

/** A node of a static graph: a description of a computation, holding no values of its own. */
export class GraphNode implements NodeLike {
  readonly graph: Graph
  readonly id: string
  readonly op: string
  readonly inputs: readonly GraphNode[]
  readonly attrs: Attrs
  readonly shape: StaticShape
  readonly kind: NodeKind
  readonly name?: string
  readonly value?: NDArray
  /** ids of the nodes whose gradient this node is (set by `gradients`) */
  gradOf: string[]

  /** @internal: nodes are made by a Graph */
  constructor(graph: Graph, id: string, spec: Required<Pick<NodeSpec, 'op' | 'inputs' | 'attrs' | 'shape' | 'kind'>> & NodeSpec) {
    this.graph = graph
    this.id = id
    this.op = spec.op
    this.inputs = spec.inputs
    this.attrs = spec.attrs
    this.shape = spec.shape
    this.kind = spec.kind
    this.name = spec.name
    this.value = spec.value
    this.gradOf = [...(spec.gradOf ?? [])]
  }

  get label(): string {
    return labelOf(this)
  }
}

/** A value to put in a graph: nested arrays, or anything holding data and a shape (an eager Tensor). */
export type GraphValue = TensorData | NDArray

/**
 * Define-then-run, like a TensorFlow 1 graph: ops add nodes; a Session computes them later.
 * Its op methods (`g.add(a, b)`, `g.sum(x, 1)`, …) come from the one list in ops/operations.ts.
 */
// eslint-disable-next-line ts/no-unsafe-declaration-merging
export interface Graph extends Operations<GraphNode> {}
// eslint-disable-next-line ts/no-unsafe-declaration-merging
export class Graph {
  readonly nodes: GraphNode[] = []
  /** what the graph computes, for code that receives the graph without its builder */
  outputs: GraphNode[] = []
  private count = 0

  /** A value fed at run time; `null` dimensions take any size. */
  placeholder(name: string, shape: readonly (number | null)[]): GraphNode {
    this.checkNewName(name)
    return this.addNode({ op: 'placeholder', shape, name })
  }

  /** A trainable value held by each Session, starting at `initial`. */
  variable(name: string, initial: GraphValue): GraphNode {
    this.checkNewName(name)
    const value = toValue(initial)
    return this.addNode({ op: 'variable', shape: value.shape, name, value })
  }

  constant(value: GraphValue, name?: string): GraphNode {
    const v = toValue(value)
    return this.addNode({ op: 'constant', shape: v.shape, name, value: v })
  }

  /**
   * Data-dependent control flow in the graph, like `tf.cond`: the fns build with this graph's builder
   * (`() => g.mul(x, 2)`); their nodes move into two branch graphs held by one `cond` node. See cond.ts.
   */
  cond(pred: Operand<GraphNode>, thenFn: () => Operand<GraphNode>, elseFn: () => Operand<GraphNode>): GraphNode {
    const thenRaw = staticBranch(this, thenFn, 'thenFn')
    const elseRaw = staticBranch(this, elseFn, 'elseFn')
    const { captures, thenBranch, elseBranch } = assembleBranches(thenRaw, elseRaw)
    return this.apply('cond', [this.operand(pred), ...captures], { thenBranch, elseBranch })
  }

  /** Symbolic gradients, like `tf.gradients`: adds backward nodes and returns d(sum y)/dx for each x. */
  gradients(y: GraphNode, xs: GraphNode | readonly GraphNode[], dy?: GraphNode): GraphNode[] {
    return buildGradients(this, this.own(y), (Array.isArray(xs) ? xs : [xs]).map(x => this.own(x)), dy && this.own(dy))
  }

  /** Adds a registry op node; the shape is inferred now, so mismatches fail while building. */
  apply(op: string, inputs: readonly Operand<GraphNode>[], attrs: Attrs = {}, kind: NodeKind = 'op'): GraphNode {
    return this.addNode({ op, inputs: inputs.map(x => this.operand(x)), attrs, kind })
  }

  /** Low-level node creation, for graph rewrites and copies. Ops get their shape from the registry. */
  addNode(spec: NodeSpec): GraphNode {
    const def = getOp(spec.op)
    const inputs = (spec.inputs ?? []).map(x => this.own(x))
    const attrs = spec.attrs ?? {}
    let shape: StaticShape
    if (def.source) {
      if (!spec.shape)
        throw new EngineError(`${spec.op}: needs a shape`)
      shape = [...spec.shape]
    }
    else {
      shape = inferShape(def, inputs.map(x => x.shape), attrs)
    }
    if (spec.id !== undefined && this.nodes.some(n => n.id === spec.id))
      throw new EngineError(`addNode: id ${spec.id} is already used in this graph`)
    const id = spec.id ?? `n${++this.count}`
    // Keep automatic ids clear of ids given explicitly (copies, rewrites).
    const k = /^n(\d+)$/.exec(id)
    if (k)
      this.count = Math.max(this.count, Number(k[1]))
    const node = new GraphNode(this, id, { ...spec, inputs, attrs, shape, kind: spec.kind ?? def.kind ?? 'op' })
    this.nodes.push(node)
    notify(o => o.nodeCreated?.(node))
    return node
  }

  /** The node with this id or name, if any. */
  find(ref: string): GraphNode | undefined {
    return this.nodes.find(n => n.id === ref) ?? this.nodes.find(n => n.name === ref)
  }

  /** The node with this id or name; an error names what was asked for. */
  node(ref: string): GraphNode {
    const n = this.find(ref)
    if (!n)
      throw new EngineError(`no node '${ref}' in this graph (names: ${this.nodes.filter(x => x.name).map(x => x.name).join(', ') || 'none'})`)
    return n
  }

  /** A copy with the same ids, names and outputs; nodes are new objects belonging to the copy. */
  clone(): Graph {
    const copy = new Graph()
    const map = copyNodes(this.nodes, copy, true)
    copy.count = this.count
    copy.outputs = this.outputs.map(x => map.get(x)!)
    return copy
  }

  /** A plain description (nodes, outputs), so attrs holding a graph (cond's branches) serialise and compare. */
  toJSON(): { nodes: object[], outputs: string[] } {
    return {
      nodes: this.nodes.map(n => ({ id: n.id, op: n.op, inputs: n.inputs.map(x => x.id), attrs: n.attrs, shape: n.shape, kind: n.kind, name: n.name, value: n.value && Array.from(n.value.data) })),
      outputs: this.outputs.map(n => n.id),
    }
  }

  /** @internal: a number becomes a constant; anything else must be a node of this graph. */
  operand(x: Operand<GraphNode>): GraphNode {
    return typeof x === 'number' ? this.constant(x) : this.own(x)
  }

  private own(x: unknown): GraphNode {
    if (!(x instanceof GraphNode))
      throw new EngineError(`expected a graph node, got ${isNDArray(x) ? `an eager tensor (wrap it with g.constant(...))` : String(x)}`)
    if (x.graph !== this)
      throw new EngineError(`node ${x.id} (${x.label}) belongs to another graph`)
    return x
  }

  private checkNewName(name: string): void {
    if (this.nodes.some(n => n.name === name))
      throw new EngineError(`a node named '${name}' already exists in this graph`)
  }
}

defineOperations<Graph, GraphNode>(Graph.prototype, 'builder', (g, c) => g.apply(c.op, c.inputs, c.attrs), (_, x) => (typeof x === 'number' ? [] : x.shape))

/**
 * Copies nodes (inputs first) into `target` with their names and values, and their ids and gradient
 * links if `keepIds`; `map` may already say which target node stands for some of them (a branch's
 * captures). Returns the map, extended.
 */
function copyNodes(nodes: readonly NodeLike[], target: Graph, keepIds: boolean, map = new Map<NodeLike, GraphNode>()): Map<NodeLike, GraphNode> {
  for (const n of nodes) {
    if (!map.has(n))
      map.set(n, target.addNode({ op: n.op, inputs: n.inputs.map(x => map.get(x)!), attrs: n.attrs, shape: n.shape, kind: n.kind, name: n.name, value: n.value, ...(keepIds && { id: n.id, gradOf: n.gradOf }) }))
  }
  return map
}

/**
 * A cond branch as recorded, before it becomes a Graph: its own nodes (inputs first, in a scratch
 * graph or still in the outer graph), its result, and the outer values it uses, keyed by what the
 * caller knows them as (eager tensors when tracing, outer nodes when static), each with the node
 * that stands for it inside the branch.
 */
export interface RawBranch<K> {
  body: readonly GraphNode[]
  output: GraphNode
  captures: ReadonlyMap<K, GraphNode>
}

/** Copies a raw branch into a Graph of its own: placeholders for `captures` in order, then the body. */
function toGraph<K>(raw: RawBranch<K>, captures: readonly K[], standIn: ReadonlyMap<K, GraphNode>): Graph {
  const g = new Graph()
  const map = new Map<NodeLike, GraphNode>()
  const used = new Set<string>()
  captures.forEach((k, i) => {
    const s = standIn.get(k)!
    let name = s.name ?? s.id
    if (used.has(name))
      name = `${name}_${i}`
    used.add(name)
    const p = g.placeholder(name, s.shape)
    const own = raw.captures.get(k)
    if (own)
      map.set(own, p)
    map.set(s, p)
  })
  copyNodes(raw.body, g, false, map)
  g.outputs = [map.get(raw.output)!]
  return g
}

/**
 * Both branches of a cond as Graphs over one shared, ordered list of captures (then's first, then
 * else's new ones): what a cond node holds (see engine/cond.ts). Static conds and traced ones both
 * end here.
 */
export function assembleBranches<K>(thenRaw: RawBranch<K>, elseRaw: RawBranch<K>): { captures: K[], thenBranch: Graph, elseBranch: Graph } {
  const standIn = new Map<K, GraphNode>([...elseRaw.captures, ...thenRaw.captures])
  const captures = [...new Set([...thenRaw.captures.keys(), ...elseRaw.captures.keys()])]
  return quietly(() => ({
    captures,
    thenBranch: toGraph(thenRaw, captures, standIn),
    elseBranch: toGraph(elseRaw, captures, standIn),
  }))
}

/** Runs a branch fn that builds on the outer graph `g`, then takes its new nodes out of `g`. */
function staticBranch(g: Graph, fn: () => Operand<GraphNode>, which: string): RawBranch<GraphNode> {
  const start = g.nodes.length
  let body: GraphNode[] = []
  let output: GraphNode
  try {
    output = quietly(() => {
      const out = fn()
      return typeof out === 'number' ? g.constant(out) : out
    })
  }
  finally {
    body = g.nodes.splice(start) // nodes made by the branch belong to the branch, not to g
  }
  if (!(output instanceof GraphNode) || output.graph !== g)
    throw new EngineError(`cond: ${which} must return a node of this graph (or a number), got ${output instanceof GraphNode ? `node ${output.id} of another graph` : String(output)}`)
  const source = body.find(n => getOp(n.op).source === 'placeholder' || getOp(n.op).source === 'variable')
  if (source)
    throw new EngineError(`cond: ${which} created ${source.op} '${source.label}'; create placeholders and variables outside the branches`)
  const inBody = new Set(body)
  const captures = new Map<GraphNode, GraphNode>()
  for (const n of [...body.flatMap(b => b.inputs), output]) {
    if (!inBody.has(n))
      captures.set(n, n)
  }
  return { body, output, captures }
}

function isNDArray(v: unknown): v is NDArray {
  return typeof v === 'object' && v !== null && (v as NDArray).data instanceof Float64Array && Array.isArray((v as NDArray).shape)
}

function toValue(v: GraphValue): NDArray {
  return isNDArray(v) ? { data: v.data.slice(), shape: [...v.shape] } : fromNested(v as number | NestedArray)
}
