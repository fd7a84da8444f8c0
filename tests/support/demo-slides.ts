// The six graph demos (demos/index.ts), each with its step script and whether its nodes draw their
// values: shared by the click-through tests (demos.spec.ts) and the handout check (export.spec.ts).
import type { DemoAlias } from '../../demos/index'
import type { DemoScript } from '../../demos/types'
import type { SlideMeta } from './deck'
import { DEMO_SCRIPTS } from '../../demos/index'

/** The demos whose slides draw the graph without values (graph passes, the cache of traces). */
const WITHOUT_VALUES = new Set<DemoAlias>(['graph-passes', 'retracing'])

export const DEMOS: { alias: DemoAlias, script: DemoScript, values: boolean }[] = (Object.keys(DEMO_SCRIPTS) as DemoAlias[])
  .map(alias => ({ alias, script: DEMO_SCRIPTS[alias](), values: !WITHOUT_VALUES.has(alias) }))

export function slideNo(slides: SlideMeta[], alias: string): number {
  const slide = slides.find(s => s.alias === alias)
  if (!slide)
    throw new Error(`no slide with routeAlias ${alias}`)
  return slide.no
}
