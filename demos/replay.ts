// Rebuilds graph snapshots from the engine's recorded events, so a demo replays what the engine did
// (no maths here: values and gradients are the ones the engine reported).
import type { EngineEvent, GraphSnapshot, SnapshotNode } from '../engine/index'
import { record } from '../engine/index'

/** Runs `program` inside one recording; each `step(fn)` call's events land in their own chunk, in order. */
export function recordChunks<T>(program: (step: <R>(fn: () => R) => R) => T): { result: T, chunks: EngineEvent[][] } {
  const chunks: EngineEvent[][] = []
  // The outer recording gives one id scope (n1, n2, … across chunks); nested ones collect each chunk.
  const { result } = record(() => program((fn) => {
    const inner = record(fn)
    chunks.push(inner.events)
    return inner.result
  }))
  return { result, chunks }
}

/** Accumulates node, value and gradient events into a graph; other event kinds are ignored. */
export class Replay {
  private readonly nodes = new Map<string, SnapshotNode>()
  private readonly edges: { from: string, to: string }[] = []

  constructor(private readonly prefix = '') {}

  /** Applies events; returns the ids of nodes they created. */
  apply(events: readonly EngineEvent[]): string[] {
    const created: string[] = []
    for (const e of events) {
      if (e.type === 'node') {
        const id = this.prefix + e.id
        if (this.nodes.has(id))
          continue
        this.nodes.set(id, { id, op: e.op, label: e.label, shape: [...e.shape], kind: e.kind })
        // x * x reads x twice: one edge is enough to draw.
        for (const from of new Set(e.inputs)) this.edges.push({ from: this.prefix + from, to: id })
        created.push(id)
      }
      else if (e.type === 'value' || e.type === 'grad') {
        const node = this.nodes.get(this.prefix + e.id)
        if (node && e.type === 'value')
          node.value = e.value
        if (node && e.type === 'grad')
          node.grad = e.grad
      }
    }
    return created
  }

  has(id: string): boolean {
    return this.nodes.has(this.prefix + id)
  }

  /** Consumers of a node, by (prefixed) id. */
  consumers(id: string): string[] {
    return this.edges.filter(e => e.from === id).map(e => e.to)
  }

  /** Renames a node's label (e.g. `a` for the result of `x * x`), as the code on the slide calls it. */
  name(id: string, label: string): void {
    const node = this.nodes.get(this.prefix + id)
    if (node)
      node.label = label
  }

  snapshot(): GraphSnapshot {
    return structuredClone({ nodes: [...this.nodes.values()], edges: this.edges })
  }
}

/** Two or more snapshots as one (ids must already be distinct): several graphs drawn side by side. */
export function mergeSnapshots(...parts: GraphSnapshot[]): GraphSnapshot {
  return { nodes: parts.flatMap(p => p.nodes), edges: parts.flatMap(p => p.edges) }
}

/** Every node and edge of all snapshots, each once: the final picture the layout is computed on. */
export function unionSnapshots(snapshots: readonly GraphSnapshot[]): GraphSnapshot {
  const nodes = new Map<string, SnapshotNode>()
  const edges = new Map<string, { from: string, to: string }>()
  for (const s of snapshots) {
    for (const n of s.nodes) nodes.set(n.id, n)
    for (const e of s.edges) edges.set(`${e.from}->${e.to}`, e)
  }
  return structuredClone({ nodes: [...nodes.values()], edges: [...edges.values()] })
}

/** Caches a script: it is computed once, on first use, and is the same object afterwards. */
export function cached<T>(build: () => T): () => T {
  let value: T | undefined
  return () => (value ??= build())
}

const OP_SYMBOLS: Record<string, string> = { add: '+', sub: '−', mul: '×', div: '÷' }

/**
 * Draws a scalar constant used by a single arithmetic op inside that op (`× 2`) instead of as its own
 * node: long chains such as a loop's `x * 2` stay readable. Values and edges are otherwise untouched.
 */
export function foldConstants(s: GraphSnapshot): GraphSnapshot {
  const folded = new Set<string>()
  const nodes = s.nodes.map((n) => {
    const constants = s.edges.filter(e => e.to === n.id).map(e => s.nodes.find(c => c.id === e.from)!).filter(c => c.kind === 'const' && c.shape.length === 0 && s.edges.filter(e => e.from === c.id).length === 1)
    if (!OP_SYMBOLS[n.op] || constants.length !== 1)
      return n
    folded.add(constants[0].id)
    return { ...n, label: `${OP_SYMBOLS[n.op]} ${constants[0].label}` }
  })
  return { nodes: nodes.filter(n => !folded.has(n.id)), edges: s.edges.filter(e => !folded.has(e.from)) }
}

/** The 1-based number of the first line of `code` containing `needle` (steps name lines by content). */
export function lineOf(code: readonly string[], needle: string): number {
  const i = code.findIndex(l => l.includes(needle))
  if (i < 0)
    throw new Error(`demo code has no line containing '${needle}'`)
  return i + 1
}

/** The Slidev line-highlight ranges that follow a script's steps, one per click: `{all|4|5|none|…}`. */
export function highlightRanges(steps: readonly { line: number }[]): string {
  return `{${steps.map(s => (s.line === 0 ? 'all' : s.line < 0 ? 'none' : String(s.line))).join('|')}}`
}
