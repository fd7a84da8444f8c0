// Every graph demo of the talk, by the routeAlias of the slide it sits on: the one list GraphDemo, the
// tests and the benchmark read. Each entry builds (once, cached) its step script and says how it is drawn.
import type { DemoScript } from './types'
import { compileDemo } from './compile'
import { defineByRun } from './define-by-run'
import { defineThenRun } from './define-then-run'
import { dynamicControlFlow } from './dynamic-control-flow'
import { graphPasses } from './graph-passes'
import { retracing } from './retracing'
import { tracingTrap } from './tracing-trap'

export interface DemoView {
  direction: 'TB' | 'LR'
  /** title and value on one line */
  compact: boolean
  /** values drawn on the nodes */
  showValues: boolean
  /** accessible name of the graph */
  label: string
  /** the snippet output (snippets/<file>) whose lines appear as the steps print them */
  output?: string
  /** lanes (forward, then gradient) follow each other down the slide */
  stackLanes?: boolean
  /** node titles longer than this many characters take two rows */
  wrap?: number
  /** separate graphs (groups) packed in columns, one under the other, rather than in rows */
  pack?: 'rows' | 'columns'
}

const view = (v: Partial<DemoView> & Pick<DemoView, 'label'>): DemoView => ({ direction: 'TB', compact: false, showValues: true, ...v })

export const DEMO_SCRIPTS = {
  'define-by-run': defineByRun,
  'define-then-run': defineThenRun,
  'dynamic-control-flow': dynamicControlFlow,
  'tracing-trap': tracingTrap,
  'graph-passes': graphPasses,
  'retracing': retracing,
  'compile-demo': compileDemo,
} satisfies Record<string, () => DemoScript>

export type DemoAlias = keyof typeof DEMO_SCRIPTS

export const DEMO_VIEWS: Record<DemoAlias, DemoView> = {
  'define-by-run': view({ label: 'PyTorch autograd graph', output: 'define-by-run.out' }),
  'define-then-run': view({ label: 'TensorFlow 1 graph', compact: true, stackLanes: true, output: 'define-then-run.out' }),
  'dynamic-control-flow': view({ label: 'Recorded graphs', compact: true, output: 'dynamic-control-flow.out' }),
  'tracing-trap': view({ label: 'Traced graphs', compact: true, output: 'trace-pitfall.out' }),
  'graph-passes': view({ label: 'Captured graph', showValues: false, wrap: 15 }),
  'retracing': view({ label: 'tf.function cache', compact: true, showValues: false, output: 'retracing.out' }),
  // graph 2 under graph 1 (the order they run in), each recompiled pair beside, the fix on the right
  'compile-demo': view({ label: 'torch.compile graphs', compact: true, showValues: false, wrap: 15, pack: 'columns' }),
}

/**
 * The layout options of a demo's view (GraphDemo and the tests lay out with these): separate graphs
 * go in rows no wider, or columns no taller, than what the right half of a slide shows at full size.
 */
export function layoutOptions(v: DemoView) {
  return { direction: v.direction, compact: v.compact, showValues: v.showValues, stackLanes: v.stackLanes, wrap: v.wrap, pack: v.pack, maxWidth: 520, maxHeight: 440 }
}
