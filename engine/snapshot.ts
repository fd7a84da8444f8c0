import type { TensorData } from './nested'
import type { Attrs, NodeKind, Subgraph } from './ops/types'
import { Graph } from './graph'
import { tensorKind, tensorLabel } from './kinds'
import { toNested } from './nested'
import { labelOf } from './ops/registry'
import { Tensor } from './tensor'
import { inputsFirst } from './walk'

export interface SnapshotNode {
  id: string
  op: string
  label: string
  shape: (number | null)[]
  kind: NodeKind
  value?: TensorData
  grad?: TensorData
  /** a cond node's two branch graphs, drawn small inside or beside it */
  branches?: { then: GraphSnapshot, else: GraphSnapshot }
  /** a cond node whose predicate value is known: the branch that ran */
  taken?: 'then' | 'else'
}

/** A plain picture of a graph (eager history or static), for drawing and replaying. */
export interface GraphSnapshot {
  nodes: SnapshotNode[]
  edges: { from: string, to: string }[]
}

export interface SnapshotOptions {
  /** values by node id, e.g. `session.lastValues` (eager snapshots carry their own values) */
  values?: ReadonlyMap<string, Tensor>
  /** gradients by node id, e.g. collected from `record` events, for nodes that do not keep `.grad` */
  grads?: ReadonlyMap<string, Tensor>
}

const plain = (t: Tensor): TensorData => toNested(t.data, t.shape)

/**
 * Turns an eager result (walking the history autograd recorded) or a static Graph into a snapshot.
 * Nodes come inputs-first; ids are the tensors' / nodes' own ids.
 */
export function snapshot(from: Tensor | readonly Tensor[] | Graph, options: SnapshotOptions = {}): GraphSnapshot {
  return from instanceof Graph ? graphSnapshot(from, options) : eagerSnapshot(from instanceof Tensor ? [from] : from, options)
}

function graphSnapshot(g: Subgraph, { values, grads }: SnapshotOptions): GraphSnapshot {
  const gradNodeOf = new Map<string, string>()
  for (const n of g.nodes) {
    for (const id of n.gradOf ?? []) gradNodeOf.set(id, n.id)
  }
  return {
    nodes: g.nodes.map((n) => {
      const node: SnapshotNode = { id: n.id, op: n.op, label: labelOf(n), shape: [...n.shape], kind: n.kind }
      addBranches(node, n.attrs, values?.get(n.inputs[0]?.id ?? ''))
      const value = values?.get(n.id)
      if (value)
        node.value = plain(value)
      const grad = grads?.get(n.id) ?? values?.get(gradNodeOf.get(n.id) ?? '')
      if (grad)
        node.grad = plain(grad)
      return node
    }),
    edges: g.nodes.flatMap(n => n.inputs.map(x => ({ from: x.id, to: n.id }))),
  }
}

/** A cond node carries its branches as nested snapshots, and which one ran when the predicate is known. */
function addBranches(node: SnapshotNode, attrs: Attrs, pred: Tensor | undefined): void {
  if (node.op !== 'cond' || !attrs.thenBranch || !attrs.elseBranch)
    return
  node.branches = { then: graphSnapshot(attrs.thenBranch, {}), else: graphSnapshot(attrs.elseBranch, {}) }
  if (pred)
    node.taken = pred.data[0] !== 0 ? 'then' : 'else'
}

function eagerSnapshot(roots: readonly Tensor[], { grads }: SnapshotOptions): GraphSnapshot {
  const order = inputsFirst(roots)
  // Ids are unique per recording; tensors from two recordings could clash, so keep snapshot ids unique.
  const ids = new Map<Tensor, string>()
  const used = new Set<string>()
  for (const t of order) {
    let id = t.id
    for (let k = 2; used.has(id); k++) id = `${t.id}~${k}`
    used.add(id)
    ids.set(t, id)
  }
  return {
    nodes: order.map((t) => {
      const node: SnapshotNode = { id: ids.get(t)!, op: t.op, label: tensorLabel(t), shape: [...t.shape], kind: tensorKind(t), value: plain(t) }
      addBranches(node, t.attrs, t.inputs[0])
      const grad = t.grad ?? grads?.get(t.id)
      if (grad)
        node.grad = plain(grad)
      return node
    }),
    edges: order.flatMap(t => t.inputs.map(x => ({ from: ids.get(x)!, to: ids.get(t)! }))),
  }
}
