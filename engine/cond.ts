/**
 * `cond(pred, thenFn, elseFn)`: data-dependent control flow that survives graph capture, like
 * `tf.cond` and `torch.cond`. `pred` is a one-element tensor (or node), true when non-zero.
 *
 * - eager (no trace running): reads the predicate and runs one branch; autograd records that branch,
 *   so the gradient flows through the branch taken (like a Python `if` in PyTorch).
 * - inside `trace` / `graphFunction`: runs BOTH branches, each into a graph of its own (as TF's
 *   tracing runs both branches of a converted `if`), and records ONE `cond` node, so the traced
 *   function picks the branch at run time and is right for every input (unlike a JS `if`).
 * - static: `g.cond(pred, thenFn, elseFn)` (or `cond(node, …)`), where the fns build nodes with the
 *   graph's own builder (`() => g.mul(x, 2)`), closing over outer nodes as tf.cond's lambdas do.
 *
 * Structure of a cond node (for graph passes and the ONNX exporter):
 *
 *   node.op     = 'cond'
 *   node.inputs = [pred, c1, …, cn]   pred: one element; c1…cn: the outer values the branches use
 *                                      (their captures), in the same order for both branches
 *   node.attrs  = { thenBranch: Graph, elseBranch: Graph }
 *
 *   Each branch is a real Graph:
 *   - its placeholders, in node order, are exactly n and stand for c1…cn (placeholder k ↔ input k+1;
 *     named after the outer value, e.g. 'x'); a branch that ignores some ci still has its placeholder;
 *   - `outputs` declares exactly one node: the branch's result (it may be a placeholder itself:
 *     `() => x`, or a constant); both branches' results have the same shape, the node's shape;
 *   - it holds no variables; node ids are local to the branch (they may repeat outer ids).
 *   - a branch may itself contain cond nodes (nested the same way).
 *
 *   ONNX `If`: cond input 0 is If's `cond` input (cast to bool, e.g. Cast(to=BOOL) of a reshape to
 *   a scalar); `then_branch` / `else_branch` are the two Graphs written as subgraphs with NO inputs:
 *   ONNX subgraphs read outer-scope values by name, so write branch placeholder k as a reference to
 *   the outer value name of input k+1 (or an Identity of it), and give the branch's own nodes names
 *   unique in the whole model (e.g. prefixed with the cond node's id). The subgraph output is the
 *   branch's declared output. TF's `If`/`StatelessIf` has the same shape: inputs passed explicitly,
 *   branches as functions with one argument per input.
 *
 * Gradient: the op's backward (engine/ops/cond.ts) is a cond on the same predicate whose branches
 * are the branches' gradient graphs (placeholders c1…cn plus the upstream gradient), one per ci, so
 * `g.gradients` through a cond adds gradient cond nodes and eager backward runs the taken one.
 */
import type { Operand } from './graph'
import type { StaticShape } from './shape'
import { applyOp, lift } from './eager'
import { EngineError } from './errors'
import { Graph, GraphNode } from './graph'
import { quietly } from './hooks'
import { Tensor } from './tensor'
import { activeTracer } from './trace'

/**
 * A branch as recorded, before it becomes a Graph: its own nodes (inputs first, in a scratch graph
 * or still in the outer graph), its result, and the outer values it uses, keyed by what the caller
 * knows them as (eager tensors when tracing, outer nodes when static), each with the node that stands
 * for it inside the branch.
 */
export interface RawBranch<K> {
  body: readonly GraphNode[]
  output: GraphNode
  captures: ReadonlyMap<K, GraphNode>
}

/** Copies a raw branch into a Graph of its own: placeholders for `captures` in order, then the body. */
function toGraph<K>(raw: RawBranch<K>, captures: readonly K[], standIn: ReadonlyMap<K, GraphNode>): Graph {
  const g = new Graph()
  const map = new Map<GraphNode, GraphNode>()
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
  for (const n of raw.body)
    map.set(n, g.addNode({ op: n.op, inputs: n.inputs.map(x => map.get(x)!), attrs: n.attrs, shape: n.shape, kind: n.kind, name: n.name, value: n.value }))
  g.outputs = [map.get(raw.output)!]
  return g
}

/** Both branches as Graphs over one shared, ordered list of captures (then's first, then else's new ones). */
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
function staticBranch(g: Graph, fn: () => Operand, which: string): RawBranch<GraphNode> {
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
  const source = body.find(n => n.op === 'placeholder' || n.op === 'variable')
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

/** Static cond, like tf.cond in a TF1 graph; `Graph.cond` calls this. */
export function staticCond(g: Graph, pred: GraphNode, thenFn: () => Operand, elseFn: () => Operand): GraphNode {
  const thenRaw = staticBranch(g, thenFn, 'thenFn')
  const elseRaw = staticBranch(g, elseFn, 'elseFn')
  const { captures, thenBranch, elseBranch } = assembleBranches(thenRaw, elseRaw)
  return g.apply('cond', [pred, ...captures], { thenBranch, elseBranch })
}

function tracedCond(pred: Tensor, thenFn: () => Tensor | number, elseFn: () => Tensor | number): Tensor {
  const tracer = activeTracer()!
  const thenRaw = tracer.branch(thenFn)
  const elseRaw = tracer.branch(elseFn)
  const { captures, thenBranch, elseBranch } = assembleBranches(thenRaw, elseRaw)
  // Running the op both computes the value (the taken branch) and lets the tracer record one node.
  return applyOp('cond', [pred, ...captures], { thenBranch, elseBranch })
}

function checkPred(shape: StaticShape): void {
  if (!shape.every(d => d === 1 || d === null))
    throw new EngineError(`cond: the predicate must hold one element (a scalar), got shape [${shape.join(',')}]; reduce it first, e.g. x.sum().gt(0)`)
}

/**
 * `cond(pred, thenFn, elseFn)`: tf.cond / torch.cond. With tensors: eager, or recorded as one node
 * inside a trace. With a graph node: a static cond node (same as `g.cond`).
 */
export function cond(pred: Tensor, thenFn: () => Tensor | number, elseFn: () => Tensor | number): Tensor
export function cond(pred: GraphNode, thenFn: () => Operand, elseFn: () => Operand): GraphNode
export function cond(pred: Tensor | GraphNode, thenFn: () => Tensor | Operand, elseFn: () => Tensor | Operand): Tensor | GraphNode {
  if (pred instanceof GraphNode)
    return staticCond(pred.graph, pred, thenFn as () => Operand, elseFn as () => Operand)
  if (!(pred instanceof Tensor))
    throw new EngineError(`cond: the predicate must be a Tensor or a graph node, got ${String(pred)}`)
  checkPred(pred.shape)
  const fns = [thenFn, elseFn] as (() => Tensor | number)[]
  if (activeTracer())
    return tracedCond(pred, fns[0], fns[1])
  // Eager: the op reads its predicate itself (no TracerWarning: this is not a value leaving the engine).
  const out = (pred.data[0] !== 0 ? fns[0] : fns[1])()
  return typeof out === 'number' ? lift(out) : out
}
