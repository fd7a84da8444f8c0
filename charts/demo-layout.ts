// A demo's layout, computed once on its final graph and kept: every click of the slide reuses it, so
// stepping costs no layout and nodes never move.
import type { DemoScript, NodeState } from '../demos/types'
import type { GraphLayout, LayoutOptions } from './graph-layout'
import { layoutGraph } from './graph-layout'

/** States drawn with a badge (the other states differ by outline alone). */
export const BADGES: Partial<Record<NodeState, string>> = { new: 'NEW', removed: 'REMOVED', fused: 'FUSED', frozen: 'FROZEN' }

export type DemoLayoutOptions = Omit<LayoutOptions, 'groups' | 'badged' | 'samples'>

const cache = new WeakMap<DemoScript, Map<string, GraphLayout>>()

/** The nodes that carry a badge at some step. */
export function badgedNodes(script: DemoScript): Set<string> {
  return new Set(script.steps.flatMap(s => Object.entries(s.states).filter(([, st]) => BADGES[st]).map(([id]) => id)))
}

export function layoutDemo(script: DemoScript, o: DemoLayoutOptions): GraphLayout {
  const key = JSON.stringify(o)
  let byOptions = cache.get(script)
  if (!byOptions)
    cache.set(script, byOptions = new Map())
  let layout = byOptions.get(key)
  if (!layout) {
    layout = layoutGraph(script.layout, { ...o, groups: script.groups, badged: badgedNodes(script), samples: script.steps.map(s => s.snapshot) })
    byOptions.set(key, layout)
  }
  return layout
}
