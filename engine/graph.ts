import type { TensorData } from './nested'
import type { Attrs, NDArray } from './ops/types'
import type { StaticShape } from './shape'
import { staticCond } from './cond'
import { EngineError, formatShape } from './errors'
import { buildGradients } from './gradients'
import { notify } from './hooks'
import { fromNested } from './nested'
import { getOp, inferShape, opLabel } from './ops/registry'
import { normaliseAxis } from './shape'
import { Tensor } from './tensor'

/** input = placeholder, param = variable, const = constant, op = an op node, grad = added by `gradients` */
export type NodeKind = 'input' | 'param' | 'const' | 'op' | 'grad'

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
export class GraphNode {
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
    if (this.name)
      return this.name
    if (this.op === 'constant' && this.value && this.value.data.length === 1)
      return String(this.value.data[0])
    if (this.op === 'constant')
      return `const${formatShape(this.shape)}`
    return opLabel(this.op, this.attrs)
  }
}

export type Operand = GraphNode | number

/** The source ops: they have no inputs and are not in the registry. */
export const SOURCE_OPS = ['placeholder', 'variable', 'constant'] as const

/** Define-then-run, like a TensorFlow 1 graph: ops add nodes; a Session computes them later. */
export class Graph {
  readonly nodes: GraphNode[] = []
  /** what the graph computes, for code that receives the graph without its builder */
  outputs: GraphNode[] = []
  private count = 0

  /** A value fed at run time; `null` dimensions take any size. */
  placeholder(name: string, shape: readonly (number | null)[]): GraphNode {
    this.checkNewName(name)
    return this.addNode({ op: 'placeholder', shape, kind: 'input', name })
  }

  /** A trainable value held by each Session, starting at `initial`. */
  variable(name: string, initial: Tensor | TensorData): GraphNode {
    this.checkNewName(name)
    const value = toValue(initial)
    return this.addNode({ op: 'variable', shape: value.shape, kind: 'param', name, value })
  }

  constant(value: Tensor | TensorData, name?: string): GraphNode {
    const v = toValue(value)
    return this.addNode({ op: 'constant', shape: v.shape, kind: 'const', name, value: v })
  }

  add(a: Operand, b: Operand): GraphNode { return this.apply('add', [a, b]) }
  sub(a: Operand, b: Operand): GraphNode { return this.apply('sub', [a, b]) }
  mul(a: Operand, b: Operand): GraphNode { return this.apply('mul', [a, b]) }
  div(a: Operand, b: Operand): GraphNode { return this.apply('div', [a, b]) }
  neg(a: Operand): GraphNode { return this.apply('neg', [a]) }
  pow(a: Operand, exponent: number): GraphNode { return this.apply('pow', [a], { exponent }) }
  exp(a: Operand): GraphNode { return this.apply('exp', [a]) }
  log(a: Operand): GraphNode { return this.apply('log', [a]) }
  matmul(a: Operand, b: Operand): GraphNode { return this.apply('matmul', [a, b]) }
  relu(a: Operand): GraphNode { return this.apply('relu', [a]) }
  tanh(a: Operand): GraphNode { return this.apply('tanh', [a]) }
  sigmoid(a: Operand): GraphNode { return this.apply('sigmoid', [a]) }
  sum(a: Operand, axis?: number, keepdims = false): GraphNode { return this.reduce('sum', a, axis, keepdims) }
  mean(a: Operand, axis?: number, keepdims = false): GraphNode { return this.reduce('mean', a, axis, keepdims) }
  reshape(a: Operand, shape: readonly number[]): GraphNode { return this.apply('reshape', [a], { shape: [...shape] }) }
  transpose(a: Operand, perm?: readonly number[]): GraphNode { return this.apply('transpose', [a], perm ? { perm: [...perm] } : {}) }
  // Comparisons (tf.greater, tf.less, …): 0/1, no gradient; a predicate for cond.
  gt(a: Operand, b: Operand): GraphNode { return this.apply('gt', [a, b]) }
  lt(a: Operand, b: Operand): GraphNode { return this.apply('lt', [a, b]) }
  ge(a: Operand, b: Operand): GraphNode { return this.apply('ge', [a, b]) }
  le(a: Operand, b: Operand): GraphNode { return this.apply('le', [a, b]) }
  eq(a: Operand, b: Operand): GraphNode { return this.apply('eq', [a, b]) }

  /**
   * Data-dependent control flow in the graph, like `tf.cond`: the fns build with this graph's builder
   * (`() => g.mul(x, 2)`); their nodes move into two branch graphs held by one `cond` node. See cond.ts.
   */
  cond(pred: Operand, thenFn: () => Operand, elseFn: () => Operand): GraphNode {
    return staticCond(this, this.operand(pred), thenFn, elseFn)
  }

  /** Symbolic gradients, like `tf.gradients`: adds backward nodes and returns d(sum y)/dx for each x. */
  gradients(y: GraphNode, xs: GraphNode | readonly GraphNode[], dy?: GraphNode): GraphNode[] {
    return buildGradients(this, this.own(y), (Array.isArray(xs) ? xs : [xs]).map(x => this.own(x)), dy && this.own(dy))
  }

  /** Adds a registry op node; the shape is inferred now, so mismatches fail while building. */
  apply(op: string, inputs: readonly Operand[], attrs: Attrs = {}, kind: NodeKind = 'op'): GraphNode {
    return this.addNode({ op, inputs: inputs.map(x => this.operand(x)), attrs, kind })
  }

  /** Low-level node creation, for graph rewrites and copies. Ops get their shape from the registry. */
  addNode(spec: NodeSpec): GraphNode {
    const inputs = (spec.inputs ?? []).map(x => this.own(x))
    const attrs = spec.attrs ?? {}
    let shape: StaticShape
    if ((SOURCE_OPS as readonly string[]).includes(spec.op)) {
      if (!spec.shape)
        throw new EngineError(`${spec.op}: needs a shape`)
      shape = [...spec.shape]
    }
    else {
      shape = inferShape(getOp(spec.op), inputs.map(x => x.shape), attrs)
    }
    if (spec.id !== undefined && this.nodes.some(n => n.id === spec.id))
      throw new EngineError(`addNode: id ${spec.id} is already used in this graph`)
    const id = spec.id ?? `n${++this.count}`
    // Keep automatic ids clear of ids given explicitly (copies, rewrites).
    const k = /^n(\d+)$/.exec(id)
    if (k)
      this.count = Math.max(this.count, Number(k[1]))
    const node = new GraphNode(this, id, { ...spec, inputs, attrs, shape, kind: spec.kind ?? 'op' })
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
    const map = new Map<GraphNode, GraphNode>()
    for (const n of this.nodes) {
      map.set(n, copy.addNode({
        op: n.op,
        inputs: n.inputs.map(x => map.get(x)!),
        attrs: n.attrs,
        shape: n.shape,
        kind: n.kind,
        name: n.name,
        value: n.value,
        id: n.id,
        gradOf: n.gradOf,
      }))
    }
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

  private reduce(op: string, a: Operand, axis: number | undefined, keepdims: boolean): GraphNode {
    const x = this.operand(a)
    return this.apply(op, [x], axis === undefined ? { keepdims } : { axis: normaliseAxis(op, axis, x.shape), keepdims })
  }

  private operand(x: Operand): GraphNode {
    return typeof x === 'number' ? this.constant(x) : this.own(x)
  }

  private own(x: unknown): GraphNode {
    if (!(x instanceof GraphNode))
      throw new EngineError(`expected a graph node, got ${x instanceof Tensor ? `an eager tensor (wrap it with g.constant(...))` : String(x)}`)
    if (x.graph !== this)
      throw new EngineError(`node ${x.id} (${x.label}) belongs to another graph`)
    return x
  }

  private checkNewName(name: string): void {
    if (this.nodes.some(n => n.name === name))
      throw new EngineError(`a node named '${name}' already exists in this graph`)
  }
}

function toValue(v: Tensor | TensorData): NDArray {
  return v instanceof Tensor ? { data: v.data.slice(), shape: [...v.shape] } : fromNested(v)
}
