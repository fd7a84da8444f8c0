/**
 * The engine's observation hooks: internal, but the seam that `record` uses now and `trace` will use.
 *
 * Every eager op, leaf creation, graph node, session evaluation, gradient and read-out of a value
 * (`item()`, `toArray()`) calls `notify`, which hands it to each active observer. A tracer pushes an
 * observer with `withObserver`, builds graph nodes from `opApplied`, and can warn "value frozen as a
 * constant" from `valueRead`. The backward pass's own arithmetic runs `quietly`, so observers see the
 * gradients it produces (`gradComputed`) rather than its internal ops.
 */
import type { GraphNode } from './graph'
import type { Attrs } from './ops/types'
import type { PassLogEntry } from './passes/work'
import type { Tensor } from './tensor'

export interface EngineObserver {
  /** a leaf tensor was made: `tensor(...)`, or a number lifted into an op (`isConstant`) */
  tensorCreated?: (t: Tensor) => void
  /** an eager op ran (always reported, even under noGrad or when no history is kept) */
  opApplied?: (e: { op: string, inputs: readonly Tensor[], output: Tensor, attrs: Attrs }) => void
  /** a static graph node was added */
  nodeCreated?: (n: GraphNode) => void
  /** a session computed (or was fed, or read) a node's value */
  nodeEvaluated?: (n: GraphNode, value: Tensor) => void
  /** a gradient was computed, for the eager tensor or graph node with this id */
  gradComputed?: (id: string, grad: Tensor) => void
  /** a value left a tensor as plain numbers: a tracer cannot follow it any further */
  valueRead?: (t: Tensor, how: 'item' | 'toArray') => void
  /** something worth telling the learner (a tracer's "value frozen as a constant", …) */
  warning?: (message: string, id?: string) => void
  /** a graph pass (`optimize`) rewrote nodes */
  pass?: (entry: PassLogEntry) => void
}

const observers: EngineObserver[] = []
let quiet = 0

export function withObserver<R>(observer: EngineObserver, fn: () => R): R {
  observers.push(observer)
  try {
    return fn()
  }
  finally {
    observers.splice(observers.lastIndexOf(observer), 1)
  }
}

/** Tells every observer; `always` also reaches them from inside `quietly` (for results such as gradients). */
export function notify(call: (o: EngineObserver) => void, always = false): void {
  if (quiet === 0 || always) {
    for (const o of [...observers]) call(o)
  }
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
