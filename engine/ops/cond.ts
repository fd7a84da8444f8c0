/**
 * The `cond` op, defined once like every other op: shape rule, forward (runs the taken branch only),
 * backward (a cond over gradient branches) and label. What a cond node holds, and how it maps to
 * ONNX `If` and TF's `If`/`StatelessIf`, is documented at the top of engine/cond.ts.
 */
import type { Graph, GraphNode } from '../graph'
import type { StaticShape } from '../shape'
import type { Attrs, NDArray, OpDef } from './types'
import { EngineError, formatShape } from '../errors'
import { quietly } from '../hooks'
import { ONNX_BOOL } from '../onnx/mapping'
import { nodesNeeded } from '../walk'

declare module './types' {
  interface Attrs {
    /** cond: the branch run when the predicate is non-zero (a Graph; see engine/cond.ts) */
    thenBranch?: Graph
    /** cond: the branch run when the predicate is zero */
    elseBranch?: Graph
  }
}

type BranchName = 'thenBranch' | 'elseBranch'

/** A branch's placeholders, in node order: they stand for the cond node's inputs 1..n. */
export function branchInputs(branch: Graph): GraphNode[] {
  return branch.nodes.filter(n => n.op === 'placeholder')
}

function branchOf(attrs: Attrs, which: BranchName): Graph {
  const g = attrs[which]
  if (!g || !Array.isArray(g.outputs) || g.outputs.length !== 1)
    throw new EngineError(`cond: attrs.${which} must be a Graph with exactly one declared output`)
  return g
}

function compatible(a: StaticShape, b: StaticShape) {
  return a.length === b.length && a.every((d, i) => d === null || b[i] === null || d === b[i])
}

function condShape([pred, ...captured]: readonly StaticShape[], attrs: Attrs): (number | null)[] {
  if (!pred || !pred.every(d => d === 1 || d === null))
    throw new EngineError(`cond: the predicate must hold one element (a scalar), got shape ${formatShape(pred ?? [])}`)
  const outs = (['thenBranch', 'elseBranch'] as const).map((which) => {
    const branch = branchOf(attrs, which)
    const inputs = branchInputs(branch)
    if (inputs.length !== captured.length)
      throw new EngineError(`cond: ${which} has ${inputs.length} placeholder(s) but the node passes it ${captured.length} value(s)`)
    inputs.forEach((p, i) => {
      if (!compatible(p.shape, captured[i]))
        throw new EngineError(`cond: input ${i + 1} has shape ${formatShape(captured[i])}, but ${which}'s placeholder '${p.label}' expects ${formatShape(p.shape)}`)
    })
    return branch.outputs[0].shape
  })
  const [a, b] = outs
  if (!compatible(a, b))
    throw new EngineError(`cond: the branches return different shapes, ${formatShape(a)} (then) and ${formatShape(b)} (else); both must return the same shape`)
  return a.map((d, i) => d ?? b[i])
}

// Gradient branches, built once per branch graph: for each input i, a graph with the branch's
// placeholders plus one for the upstream gradient, whose declared output is d(output)/d(input i).
const gradCache = new WeakMap<Graph, Graph[]>()

function gradientBranches(branch: Graph): Graph[] {
  let grads = gradCache.get(branch)
  if (!grads) {
    grads = quietly(() => {
      const g = branch.clone()
      const xs = branchInputs(g)
      const y = g.outputs[0]
      const names = new Set(g.nodes.map(n => n.name))
      let name = 'grad'
      for (let k = 1; names.has(name); k++) name = `grad_${k}`
      const dy = g.placeholder(name, y.shape)
      return g.gradients(y, xs, dy).map((dx) => {
        const copy = g.clone()
        copy.outputs = [copy.node(dx.id)]
        return copy
      })
    })
    gradCache.set(branch, grads)
  }
  return grads
}

/** A short summary of a branch for labels: the ops its output needs, e.g. `mul` or `sum→gt`. */
function summary(branch: Graph | undefined): string {
  const out = branch?.outputs[0]
  if (!branch || !out)
    return '?'
  const needed = nodesNeeded([out])
  const ops = branch.nodes.filter(n => needed.has(n) && n.kind !== 'input' && n.kind !== 'const' && n.kind !== 'param').map(n => n.label)
  if (ops.length === 0)
    return out.label
  return ops.length > 3 ? `${ops.slice(0, 2).join('→')}→…→${ops[ops.length - 1]}` : ops.join('→')
}

/**
 * Computes a branch's output from the values of its placeholders, only the nodes it needs, each with
 * its registry op (a nested cond recurses here). Plain arrays, no Tensors: nothing observable happens
 * inside a cond node but its result, as a Session shows one value per node.
 */
function runBranch(branch: Graph, inputs: readonly NDArray[], lookup: (name: string) => OpDef): NDArray {
  const values = new Map<GraphNode, NDArray>()
  branchInputs(branch).forEach((p, i) => values.set(p, inputs[i]))
  const needed = nodesNeeded(branch.outputs)
  for (const n of branch.nodes) {
    if (!needed.has(n) || values.has(n))
      continue
    if (n.op === 'constant' || n.op === 'variable') {
      values.set(n, n.value!)
      continue
    }
    const def = lookup(n.op)
    const args = n.inputs.map(x => values.get(x)!)
    def.shape(args.map(a => a.shape), n.attrs) // shape errors name the op, as in a Session
    values.set(n, def.forward(args, n.attrs))
  }
  const out = values.get(branch.outputs[0])!
  return { data: out.data.slice(), shape: [...out.shape] } // a copy: an identity branch must not alias its input
}

/**
 * cond(pred, ...captured) with attrs { thenBranch, elseBranch }: runs the branch the predicate picks
 * (non-zero: then) on the captured values; the other branch is never computed, as with tf.cond.
 * Takes the registry lookup rather than importing the registry (which registers it).
 */
export function condOp(lookup: (name: string) => OpDef): OpDef {
  return {
    name: 'cond',
    arity: -1,
    shape: condShape,
    forward: ([pred, ...captured], attrs) =>
      runBranch(branchOf(attrs, pred.data[0] !== 0 ? 'thenBranch' : 'elseBranch'), captured, lookup),
    // The gradient flows through the branch taken: a cond on the same predicate whose branches are
    // the two branches' gradients (what tf.cond's gradient does). The predicate gets none.
    backward: (b, { inputs: [pred, ...captured], grad, attrs }) => {
      const thenGrads = gradientBranches(branchOf(attrs, 'thenBranch'))
      const elseGrads = gradientBranches(branchOf(attrs, 'elseBranch'))
      return [null, ...captured.map((_, i) => b.cond(pred, [...captured, grad], { thenBranch: thenGrads[i], elseBranch: elseGrads[i] }))]
    },
    label: ({ thenBranch, elseBranch }) => `cond(then: ${summary(thenBranch)}, else: ${summary(elseBranch)})`,
    // ONNX If: the predicate as a one-element bool (non-zero is true, as here), each branch a subgraph.
    onnx: (e, { inputs: [pred, ...captured], attrs }) => e.node('If', [e.node('Cast', [e.node('Reshape', [pred, e.int64([])])], { to: ONNX_BOOL })], {
      then_branch: e.subgraph(branchOf(attrs, 'thenBranch'), captured, 'then'),
      else_branch: e.subgraph(branchOf(attrs, 'elseBranch'), captured, 'else'),
    }),
  }
}
