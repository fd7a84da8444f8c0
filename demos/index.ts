// Every graph demo of the talk, by the routeAlias of the slide it sits on: the one list the tests and
// the benchmark walk. Each entry builds (once, cached) the step script its slide component draws.
import { compileDemo } from './compile'
import { defineByRun } from './define-by-run'
import { defineThenRun } from './define-then-run'
import { dynamicControlFlow } from './dynamic-control-flow'
import { graphPasses } from './graph-passes'
import { retracing } from './retracing'
import { tracingTrap } from './tracing-trap'

export const DEMO_SCRIPTS = {
  'define-by-run': defineByRun,
  'define-then-run': defineThenRun,
  'dynamic-control-flow': dynamicControlFlow,
  'tracing-trap': tracingTrap,
  'graph-passes': graphPasses,
  'retracing': retracing,
  'compile-demo': compileDemo,
}

export type DemoAlias = keyof typeof DEMO_SCRIPTS
