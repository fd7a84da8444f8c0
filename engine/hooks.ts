/**
 * The engine's observation hooks: the seam that `record`, `trace` and `graphFunction` listen through.
 *
 * Every eager op, leaf creation, graph node, session evaluation, gradient and read-out of a value
 * (`item()`, `toArray()`) calls `notify`, which hands it to each active observer. A tracer pushes an
 * observer with `withObserver`, builds graph nodes from `opApplied`, and can warn "value frozen as a
 * constant" from `valueRead`. The backward pass's own arithmetic runs `quietly`, so observers see the
 * gradients it produces (`gradComputed`) rather than its internal ops.
 *
 * This file sits below the Tensor and Graph classes, so it names their types as parameters: the
 * public `EngineObserver` (engine/observer.ts) fills them in.
 */
import type { Attrs } from './ops/types'

/** How a value left a tensor: `item()`, `toArray()`, or the tensor used as a JS number or boolean (`+x`, `x > 0`). */
export type ValueReadHow = 'item' | 'toArray' | 'primitive'

/** What `compile` did with a segment of captured code (plain data; `record` turns it into an event). */
export interface CompileEvent {
  what: 'break' | 'compile' | 'recompile' | 'hit'
  /** which segment: 0 before the first graph break, 1 after it, … */
  segment: number
  /** why: the graph break's reason, the first run, the guard that failed, or the guards that held */
  reason: string
  /** the new graph's guards (compile, recompile) */
  guards?: string[]
}

/** A call that an observer may take over: `cond` asks whether a tracer records it (see engine/cond.ts). */
export interface CondCall<T> { pred: T, thenFn: () => T | number, elseFn: () => T | number }

// Methods, not function properties: an observer written for the concrete types (Tensor, GraphNode)
// must be accepted where the engine holds observers of unknown types (method parameters are bivariant).
/* eslint-disable ts/method-signature-style */
export interface Observer<T, N, P> {
  /** a leaf tensor was made: `tensor(...)`, or a number lifted into an op (`isConstant`) */
  tensorCreated?(t: T): void
  /** an eager op ran (always reported, even under noGrad or when no history is kept) */
  opApplied?(e: { op: string, inputs: readonly T[], output: T, attrs: Attrs }): void
  /** a static graph node was added */
  nodeCreated?(n: N): void
  /** a session computed (or was fed, or read) a node's value */
  nodeEvaluated?(n: N, value: T): void
  /** a gradient was computed, for the eager tensor or graph node with this id */
  gradComputed?(id: string, grad: T): void
  /** a value left a tensor as plain numbers: a tracer cannot follow it any further */
  valueRead?(t: T, how: ValueReadHow): void
  /** something worth telling the learner (a tracer's "value frozen as a constant", …) */
  warning?(message: string, id?: string): void
  /** a graph pass (`optimize`) rewrote nodes */
  pass?(entry: P): void
  /** `compile` compiled a segment, compiled it again, or found it in its cache */
  compiled?(e: CompileEvent): void
  /** an eager `cond` is about to pick a branch: a tracer returns the recorded result instead */
  cond?(call: CondCall<T>): T | undefined
}
/* eslint-enable ts/method-signature-style */

type AnyObserver = Observer<unknown, unknown, unknown>

const observers: AnyObserver[] = []
let quiet = 0

export function withObserver<R>(observer: AnyObserver, fn: () => R): R {
  observers.push(observer)
  try {
    return fn()
  }
  finally {
    observers.splice(observers.lastIndexOf(observer), 1)
  }
}

/** Tells every observer; `always` also reaches them from inside `quietly` (for results such as gradients). */
export function notify(call: (o: AnyObserver) => void, always = false): void {
  if (quiet === 0 || always) {
    for (const o of [...observers]) call(o)
  }
}

/** The answer of the innermost observer that answers (the innermost trace in progress), if any. */
export function ask<R>(question: (o: AnyObserver) => R | undefined): R | undefined {
  for (let i = observers.length - 1; i >= 0; i--) {
    const answer = question(observers[i])
    if (answer !== undefined)
      return answer
  }
  return undefined
}

export function quietly<R>(fn: () => R): R {
  quiet++
  try {
    return fn()
  }
  finally {
    quiet--
  }
}

// Eager tensor ids: `n1, n2, …` afresh inside each outermost `record`, so running the same program
// again gives the same ids; `t1, t2, …` (never reused) outside a recording.
let globalCount = 0
let scope: { count: number } | null = null

export function newTensorId(): string {
  return scope ? `n${++scope.count}` : `t${++globalCount}`
}

export function withIdScope<R>(fn: () => R): R {
  if (scope)
    return fn()
  scope = { count: 0 }
  try {
    return fn()
  }
  finally {
    scope = null
  }
}

let gradEnabled = true

export function isGradEnabled(): boolean {
  return gradEnabled
}

/** Runs `fn` with autograd off (like `torch.no_grad()`): results keep no history and need no grad. */
export function noGrad<R>(fn: () => R): R {
  const before = gradEnabled
  gradEnabled = false
  try {
    return fn()
  }
  finally {
    gradEnabled = before
  }
}
