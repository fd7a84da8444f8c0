/**
 * The `cond` op, defined once like every other op: shape rule, forward (runs the taken branch only),
 * backward (a cond over gradient branches) and label. What a cond node holds, and how it maps to
 * ONNX `If` and TF's `If`/`StatelessIf`, is documented at the top of engine/cond.ts.
 */
import type { StaticShape } from '../shape'
import type { Attrs, NDArray, OpDef, Subgraph } from './types'
import { EngineError, formatShape } from '../errors'
import { evaluate } from '../evaluate'
import { fits, holdsOneElement } from '../shape'
import { nodesNeeded } from '../walk'
import { labelFrom } from './label'
import { ONNX_BOOL } from './onnx-mapping'
import { runOp } from './run'
import { graphInputs } from './sources'

declare module './types' {
  interface Attrs {
    /** cond: the branch run when the predicate is non-zero (a Graph; see engine/cond.ts) */
    thenBranch?: Subgraph
    /** cond: the branch run when the predicate is zero */
    elseBranch?: Subgraph
  }
}

type BranchName = 'thenBranch' | 'elseBranch'

function branchOf(attrs: Attrs, which: BranchName): Subgraph {
  const g = attrs[which]
  if (!g || !Array.isArray(g.outputs) || g.outputs.length !== 1)
    throw new EngineError(`cond: attrs.${which} must be a Graph with exactly one declared output`)
  return g
}

function condShape([pred, ...captured]: readonly StaticShape[], attrs: Attrs): (number | null)[] {
  if (!pred || !holdsOneElement(pred))
    throw new EngineError(`cond: the predicate must hold one element (a scalar), got shape ${formatShape(pred ?? [])}`)
  const outs = (['thenBranch', 'elseBranch'] as const).map((which) => {
    const branch = branchOf(attrs, which)
    const inputs = graphInputs(branch)
    if (inputs.length !== captured.length)
      throw new EngineError(`cond: ${which} has ${inputs.length} placeholder(s) but the node passes it ${captured.length} value(s)`)
    inputs.forEach((p, i) => {
      if (!fits(p.shape, captured[i]))
        throw new EngineError(`cond: input ${i + 1} has shape ${formatShape(captured[i])}, but ${which}'s placeholder '${p.name ?? p.id}' expects ${formatShape(p.shape)}`)
    })
    return branch.outputs[0].shape
  })
  const [a, b] = outs
  if (!fits(a, b))
    throw new EngineError(`cond: the branches return different shapes, ${formatShape(a)} (then) and ${formatShape(b)} (else); both must return the same shape`)
  return a.map((d, i) => d ?? b[i])
}

/** A short summary of a branch for labels: the ops its output needs, e.g. `mul` or `sum→gt`. */
function summary(branch: Subgraph | undefined, lookup: (name: string) => OpDef): string {
  const out = branch?.outputs[0]
  if (!branch || !out)
    return '?'
  const needed = nodesNeeded([out])
  const ops = branch.nodes.filter(n => needed.has(n) && !lookup(n.op).source).map(n => labelFrom(lookup(n.op), n))
  if (ops.length === 0)
    return labelFrom(lookup(out.op), out)
  return ops.length > 3 ? `${ops.slice(0, 2).join('→')}→…→${ops[ops.length - 1]}` : ops.join('→')
}

/**
 * Computes a branch's output from the values of its placeholders with the one interpreter, each
 * node with its registry op (a nested cond recurses here). Plain arrays, no Tensors: nothing
 * observable happens inside a cond node but its result, as a Session shows one value per node.
 */
function runBranch(branch: Subgraph, inputs: readonly NDArray[], lookup: (name: string) => OpDef): NDArray {
  const slot = new Map(graphInputs(branch).map((p, i) => [p, inputs[i]]))
  const own = (n: Subgraph['nodes'][number]) => n.value!
  const out = evaluate<NDArray>(branch, branch.outputs, { placeholder: p => slot.get(p)!, variable: own, constant: own }, (n, args) => runOp(lookup(n.op), args, n.attrs)).get(branch.outputs[0])!
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
      const thenGrads = b.branchGradients(branchOf(attrs, 'thenBranch'))
      const elseGrads = b.branchGradients(branchOf(attrs, 'elseBranch'))
      return [null, ...captured.map((_, i) => b.cond(pred, [...captured, grad], { thenBranch: thenGrads[i], elseBranch: elseGrads[i] }))]
    },
    label: ({ thenBranch, elseBranch }) => `cond(then: ${summary(thenBranch, lookup)}, else: ${summary(elseBranch, lookup)})`,
    // ONNX If: the predicate as a one-element bool (non-zero is true, as here), each branch a subgraph.
    onnx: (e, { inputs: [pred, ...captured], attrs }) => e.node('If', [e.node('Cast', [e.node('Reshape', [pred, e.int64([])])], { to: ONNX_BOOL })], {
      then_branch: e.subgraph(branchOf(attrs, 'thenBranch'), captured, 'then'),
      else_branch: e.subgraph(branchOf(attrs, 'elseBranch'), captured, 'else'),
    }),
  }
}
