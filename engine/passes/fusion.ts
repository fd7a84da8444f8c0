import type { FusedRef, FusedStep } from '../ops/fused'
import type { PassResult, Work, WorkNode } from './work'
import { getOp, labelOf } from '../ops/registry'
import { isOpaque } from './work'

/**
 * Elementwise fusion: a chain of elementwise ops whose intermediate results each have a single user
 * (and are not outputs) becomes one `fused` node running the chain as a small program, so the data
 * is walked once and no intermediate tensor is stored. Branches that meet (a·b + c·d) fuse too, as
 * long as every intermediate is used once. The program format is documented in ops/fused.ts.
 */
export function fusion(w: Work): PassResult {
  const byId = w.byId()
  const users = new Map<string, Set<string>>()
  for (const n of w.nodes) {
    for (const x of n.inputs) users.set(x, (users.get(x) ?? new Set()).add(n.id))
  }
  const isOutput = new Set(w.outputs)
  const fusable = (n: WorkNode) => n.op !== 'fused' && !isOpaque(n) && getOp(n.op).elementwise === true
  // An input joins its user's group when that user is its only one. Named nodes and gradient
  // results stay visible, since callers may fetch them.
  const joins = (x: WorkNode, user: string) => fusable(x) && !isOutput.has(x.id) && !x.name && x.gradOf.length === 0 && users.get(x.id)?.size === 1 && users.get(x.id)!.has(user)

  // Grow groups from the last node backwards, so each group is rooted at its final op.
  const taken = new Set<string>()
  const groups: WorkNode[][] = []
  for (let i = w.nodes.length - 1; i >= 0; i--) {
    const root = w.nodes[i]
    if (taken.has(root.id) || !fusable(root))
      continue
    const members = new Set([root.id])
    const queue = [root]
    while (queue.length) {
      const m = queue.pop()!
      for (const x of m.inputs.map(id => byId.get(id)!)) {
        if (!members.has(x.id) && !taken.has(x.id) && joins(x, m.id)) {
          members.add(x.id)
          queue.push(x)
        }
      }
    }
    members.forEach(id => taken.add(id))
    if (members.size > 1)
      groups.push(w.nodes.filter(n => members.has(n.id)))
  }
  groups.reverse() // report in run order

  const removed: string[] = []
  const created: PassResult['created'] = []
  const said: string[] = []
  for (const group of groups) {
    const root = group[group.length - 1]
    const node = fuse(group, w.freshId())
    const ids = group.map(n => n.id)
    w.nodes = w.nodes.flatMap(n => (n === root ? [node] : ids.includes(n.id) ? [] : [n]))
    w.redirect(root.id, node.id)
    removed.push(...ids)
    created.push({ id: node.id, op: 'fused', label: labelOf(node), from: ids })
    said.push(`fused ${group.map(n => n.op).join(' → ')} (${ids.join(', ')}) into one node ${node.id}: one pass over the data instead of ${group.length}`)
  }
  return {
    removed,
    created,
    merged: [],
    summary: said.length ? said.join('; ') : 'nothing to fuse: no chain of elementwise ops with single-use intermediates',
  }
}

/** The fused node for a group (in run order, the root last): outside inputs in order of first use. */
function fuse(group: readonly WorkNode[], id: string): WorkNode {
  const stepOf = new Map(group.map((n, k) => [n.id, k]))
  const inputs: string[] = []
  const steps: FusedStep[] = group.map((n) => {
    const args = n.inputs.map((x): FusedRef => {
      const k = stepOf.get(x)
      if (k !== undefined)
        return { step: k }
      if (!inputs.includes(x))
        inputs.push(x)
      return { input: inputs.indexOf(x) }
    })
    return Object.keys(n.attrs).length ? { op: n.op, args, attrs: n.attrs, from: n.id } : { op: n.op, args, from: n.id }
  })
  const root = group[group.length - 1]
  return { id, op: 'fused', inputs, attrs: { program: { steps } }, shape: root.shape, kind: root.kind, name: root.name, gradOf: root.gradOf }
}
