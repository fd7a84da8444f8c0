// A demo's layout, computed once on its final graph and kept: every click of the slide reuses it, so
// stepping costs no layout and nodes never move.
import type { DemoScript, NodeState } from '../demos/types'
import type { GraphLayout, LayoutOptions } from './graph-layout'
import { layoutGraph } from './graph-layout'

/** States drawn with a badge (the other states differ by outline alone). */
export const BADGES: Partial<Record<NodeState, string>> = { new: 'NEW', removed: 'REMOVED', fused: 'FUSED', frozen: 'FROZEN' }

export type DemoLayoutOptions = Omit<LayoutOptions, 'groups' | 'badged' | 'samples' | 'replaces'>

const cache = new WeakMap<DemoScript, Map<string, GraphLayout>>()

/** The nodes that carry a badge at some step, with the letters of the longest one each shows. */
export function badgedNodes(script: DemoScript): Map<string, number> {
  const out = new Map<string, number>()
  for (const [id, st] of script.steps.flatMap(s => Object.entries(s.states))) {
    const badge = BADGES[st]
    if (badge)
      out.set(id, Math.max(out.get(id) ?? 0, badge.length))
  }
  return out
}

export function layoutDemo(script: DemoScript, o: DemoLayoutOptions): GraphLayout {
  const key = JSON.stringify(o)
  let byOptions = cache.get(script)
  if (!byOptions)
    cache.set(script, byOptions = new Map())
  let layout = byOptions.get(key)
  if (!layout) {
    layout = layoutGraph(script.layout, { ...o, groups: script.groups, replaces: script.replaces, badged: badgedNodes(script), samples: script.steps.map(s => s.snapshot) })
    byOptions.set(key, layout)
  }
  return layout
}
