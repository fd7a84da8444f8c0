// The six graph demos, each by the routeAlias of the slide it sits on: shared by the click-through
// tests (demos.spec.ts) and the handout check (export.spec.ts).
import type { DemoScript } from '../../demos/types'
import type { SlideMeta } from './deck'
import { defineByRun } from '../../demos/define-by-run'
import { defineThenRun } from '../../demos/define-then-run'
import { dynamicControlFlow } from '../../demos/dynamic-control-flow'
import { graphPasses } from '../../demos/graph-passes'
import { retracing } from '../../demos/retracing'
import { tracingTrap } from '../../demos/tracing-trap'

/** `values`: whether the demo's nodes draw their values. */
export const DEMOS: { alias: string, script: DemoScript, values: boolean }[] = [
  { alias: 'define-by-run', script: defineByRun(), values: true },
  { alias: 'define-then-run', script: defineThenRun(), values: true },
  { alias: 'dynamic-control-flow', script: dynamicControlFlow(), values: true },
  { alias: 'tracing-trap', script: tracingTrap(), values: true },
  { alias: 'graph-passes', script: graphPasses(), values: false },
  { alias: 'retracing', script: retracing(), values: false },
]

export function slideNo(slides: SlideMeta[], alias: string): number {
  const slide = slides.find(s => s.alias === alias)
  if (!slide)
    throw new Error(`no slide with routeAlias ${alias}`)
  return slide.no
}
