// The few steps that tell a demo's story on paper, where nobody clicks: the handout prints each demo
// as a strip of these (scripts/handout/), not its final state alone.
import type { DemoAlias } from './index'
import type { DemoScript } from './types'

/**
 * The step that makes each demo's point, read from its captions: the moment a reader must see between
 * the first thing that happens and the end.
 */
export const POINT_STEPS: Record<DemoAlias, number> = {
  'define-by-run': 4, // y.item() is 10: values exist mid-computation
  'define-then-run': 4, // print(y) shows a symbol: the whole graph, gradients included, and no value yet
  'dynamic-control-flow': 3, // the second input's loop still growing its graph as it runs: the data decides how far
  'tracing-trap': 3, // the trace replays x * 2 on a negative input: a wrong answer, no error
  'graph-passes': 4, // fusion: five ops become one node
  'retracing': 7, // six calls with Python ints, six traces
  'compile-demo': 2, // the graph break: the if needs a value, so the graph ends there
}

/**
 * First, point, final, in order. "First" is step 1, the first click: step 0 is the code before
 * anything ran (an empty or unchanged graph), which the other two frames show as well.
 */
export function keySteps(alias: DemoAlias, script: DemoScript): number[] {
  const last = script.steps.length - 1
  return [...new Set([Math.min(1, last), POINT_STEPS[alias], last])].sort((a, b) => a - b)
}
