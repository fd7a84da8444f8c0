import type { Graph } from '../graph'
import type { Attrs, NDArray, NodeKind, NodeLike } from '../ops/types'
import type { StaticShape } from '../shape'
import { attrsKey } from '../ops/attrs-key'
import { opNames } from '../ops/registry'

/** The graph passes, in their default order. */
export const PASS_NAMES = ['constant-folding', 'cse', 'prune', 'fusion'] as const
export type PassName = typeof PASS_NAMES[number]

/** A node a pass made: its new id, and the ids of the nodes it stands for. */
export interface CreatedNode { id: string, op: string, label: string, from: string[] }

/**
 * What one pass did, in plain JSON (slides animate it). `removed` lists every id gone after the pass
 * (merged and fused ones too); `merged` says which removed node became which survivor; `created`
 * lists new nodes and the ids they replace.
 */
export interface PassLogEntry {
  pass: PassName
  removed: string[]
  created: CreatedNode[]
  merged: { from: string, into: string }[]
  summary: string
}

/** What a pass function returns; `optimize` adds the pass name. */
export type PassResult = Omit<PassLogEntry, 'pass'>

/** A mutable node of the working copy; inputs are ids. */
export interface WorkNode {
  id: string
  op: string
  inputs: string[]
  attrs: Attrs
  shape: StaticShape
  kind: NodeKind
  name?: string
  value?: NDArray
  gradOf: string[]
}

/**
 * The graph being optimised: nodes in run order (inputs first), the outputs, and a source of fresh
 * ids that never reuse an id of the input graph. Passes rewrite it in place; the input Graph is untouched.
 */
export class Work {
  nodes: WorkNode[]
  outputs: string[]
  private next: number
  private readonly used: Set<string>

  constructor(g: Graph, outputs: readonly string[]) {
    this.nodes = g.nodes.map(n => ({
      id: n.id,
      op: n.op,
      inputs: n.inputs.map(x => x.id),
      attrs: n.attrs,
      shape: n.shape,
      kind: n.kind,
      name: n.name,
      value: n.value,
      gradOf: [...n.gradOf],
    }))
    this.outputs = [...outputs]
    this.used = new Set(this.nodes.map(n => n.id))
    this.next = this.nodes.reduce((m, n) => Math.max(m, Number(/^n(\d+)$/.exec(n.id)?.[1] ?? 0)), 0) + 1
  }

  freshId(): string {
    let id = `n${this.next++}`
    while (this.used.has(id)) id = `n${this.next++}`
    this.used.add(id)
    return id
  }

  byId(): Map<string, WorkNode> {
    return new Map(this.nodes.map(n => [n.id, n]))
  }

  /** How many times each node is used: as an input (once per edge) or as an output. */
  uses(): Map<string, number> {
    const count = new Map<string, number>()
    const use = (id: string) => count.set(id, (count.get(id) ?? 0) + 1)
    for (const n of this.nodes) n.inputs.forEach(use)
    this.outputs.forEach(use)
    return count
  }

  /** Points every use of `from` (inputs and outputs) at `to`. */
  redirect(from: string, to: string): void {
    for (const n of this.nodes) n.inputs = n.inputs.map(x => (x === from ? to : x))
    this.outputs = this.outputs.map(x => (x === from ? to : x))
  }

  remove(ids: ReadonlySet<string>): void {
    this.nodes = this.nodes.filter(n => !ids.has(n.id))
  }

  /** The working copy as a graph of linked nodes (same ids), for the interpreter and the walks. */
  linked(): { nodes: NodeLike[], outputs: NodeLike[] } {
    const byId = new Map<string, NodeLike>()
    const nodes = this.nodes.map((n) => {
      const node: NodeLike = { ...n, inputs: n.inputs.map(x => byId.get(x)!) }
      byId.set(n.id, node)
      return node
    })
    return { nodes, outputs: this.outputs.map(x => byId.get(x)!) }
  }
}

// Control flow holds subgraphs: passes treat it as one opaque step (no folding into, no merging).
const OPAQUE_OPS = new Set(['cond'])

/** An op the passes must not fold, merge or fuse: control flow, unknown ops, non-plain attrs. */
export function isOpaque(n: Pick<WorkNode, 'op' | 'attrs'>): boolean {
  return OPAQUE_OPS.has(n.op) || !opNames().includes(n.op) || attrsKey(n.attrs) === null
}

/** Short enough for a slide: 0.1 + 0.2 shows as 0.3. */
export function formatNumber(v: number): string {
  return String(Number(v.toPrecision(6)))
}
