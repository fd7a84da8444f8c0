// Exercise 14 · given code, shared by the starter and the solution: no need to change it.
// The break machinery: running a function and cutting what it does into graphs where the code needs a
// value is the engine's job (engine/compile.ts, through `explain`). What is left for you is what decides
// when PyTorch compiles: the guards and the cache.
import type { Tensor } from '../../engine/index'
import { explain } from '../../engine/index'

/** One graph captured from one call, as TorchDynamo has it just before it looks in its cache. */
export interface Segment {
  /** which graph of the call: 0 before the first graph break, 1 after it, … */
  position: number
  /** the ops it runs, in order (`mul → sum`): another branch of the code is another path */
  path: string
  /** each input's concrete shape, in order */
  shapes: number[][]
}

/** Runs `fn` once on `args` and returns the graphs it was cut into. */
export function capture(fn: (...args: Tensor[]) => unknown, args: Tensor[]): Segment[] {
  return explain(fn, ...args).graphs.map((graph, position) => ({
    position,
    path: graph.nodes.filter(n => n.kind === 'op').map(n => n.label).join(' → '),
    shapes: graph.nodes.filter(n => n.op === 'placeholder').map(p => p.shape as number[]),
  }))
}

/** What a cache must do: say, for each captured graph, whether it is reused, compiled, or compiled again. */
export interface GraphCache {
  lookup: (segment: Segment) => 'hit' | 'compile' | 'recompile'
  readonly compileCount: number
}

/** `torch.compile(fn)` on your cache: each call captures its graphs and looks each one up. */
export function compileWith<R>(cache: GraphCache, fn: (...args: Tensor[]) => R): (...args: Tensor[]) => R {
  return (...args) => {
    for (const segment of capture(fn, args)) cache.lookup(segment)
    return fn(...args)
  }
}
