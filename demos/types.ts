// The step-script contract between demos/ (plain TS, engine-driven) and the slide components.
import type { GraphSnapshot } from '../engine/index'

/**
 * How a node is drawn at one step. new: appeared at this step · waiting: exists, no value yet ·
 * computed: has its value · gradient: its gradient arrived · removed: a pass deleted it ·
 * fused: made by merging nodes · frozen: a value or branch baked in by a trace.
 */
export type NodeState = 'new' | 'waiting' | 'computed' | 'gradient' | 'removed' | 'fused' | 'frozen'
export const NODE_STATES: readonly NodeState[] = ['new', 'waiting', 'computed', 'gradient', 'removed', 'fused', 'frozen']

/** gradient: a gradient flows back along it at this step · active: a value flows along it at this step */
export type EdgeState = 'gradient' | 'active'

/** A labelled box around some nodes (one graph among several drawn side by side). */
export interface GraphGroup {
  id: string
  label: string
  nodes: string[]
}

export interface DemoStep {
  /** 1-based line of `code` this step runs; 0 = none yet (all shown), -1 = code not in `code` (none highlighted) */
  line: number
  /** the graph as it stands after this step */
  snapshot: GraphSnapshot
  /** state of every node in `snapshot` */
  states: Record<string, NodeState>
  /** nodes that changed at this step without changing state (a value arrived): drawn emphasised */
  focus?: string[]
  /** state of edges that carry something at this step, keyed `from->to` */
  edges?: Record<string, EdgeState>
  caption: string
  /** a message the engine emitted at this step (a trace warning, …) */
  warning?: string
  /** extra facts shown beside the graph, e.g. `traces: 2` */
  facts?: Record<string, string>
  /** texts of the output lines printed by this step or earlier (demos/output.ts) */
  printed?: string[]
}

export interface DemoScript {
  /** the lines of code the slide shows next to the demo */
  code: string[]
  lang: string
  /** one entry per click state: steps[k] is shown at click k */
  steps: DemoStep[]
  /** every node that ever appears, for the layout (nodes never jump) */
  layout: GraphSnapshot
  groups?: GraphGroup[]
  /** a node that replaces others (fusion) → the nodes it replaces: the layout puts it beside the last */
  replaces?: Record<string, string[]>
}

export const edgeKey = (from: string, to: string): string => `${from}->${to}`
