/**
 * `graphFunction(fn)`: tf.function in miniature. The first call traces `fn` into a Graph (engine/
 * trace.ts); later calls with the same input signature reuse it, and a new signature traces again.
 *
 * The signature is what TF keys its cache on: each tensor argument's shape (not its values), and each
 * plain JS number by VALUE, as TF treats Python scalars: the number is baked into the graph as a
 * constant, so `f(x, 1)`, `f(x, 2)`, … trace once per number. Passing `tensor(2)` instead keeps one
 * graph. Like TF, frequent retracing is reported: "5 out of the last 5 calls … triggered retracing".
 * JS side effects in `fn` (console.log, pushing to an array) happen only while tracing, as in TF.
 */
import type { Graph } from './graph'
import type { StaticShape } from './shape'
import { EngineError, formatShape } from './errors'
import { fits } from './shape'
import { Tensor } from './tensor'
import { inputNames, replay, traceGraph } from './trace'
import { warn } from './warn'

export type GraphFunctionArg = Tensor | number

type SignatureItem = { shape: StaticShape } | { value: number }

export interface GraphFunctionOptions {
  /** the name in warnings; defaults to fn.name */
  name?: string
  /** the arguments' names, in the graph and the cache keys; default `x`, or `x0, x1, …` */
  names?: readonly string[]
  /**
   * Like `tf.function(reduce_retracing=True)`: when a tensor's shape differs from an earlier trace
   * with the same structure, trace once with those dimensions unknown (`null`) and reuse that graph.
   */
  reduceRetracing?: boolean
}

/** What `graphFunction` returns: call it like `fn`. */
export interface GraphFunction<A extends GraphFunctionArg[], R extends Tensor | Tensor[]> {
  (...args: A): R
  /** how many times `fn` was traced (TF: `f.experimental_get_tracing_count()`) */
  readonly traceCount: number
  /** the traced graphs by signature, e.g. `(x: Tensor[3], n=2)`, in tracing order (a read-only copy) */
  readonly cache: ReadonlyMap<string, Graph>
}

interface Entry {
  signature: SignatureItem[]
  graph: Graph
  multi: boolean
}

// TF's _FrequentTracingDetector (tensorflow/python/eager/polymorphic_function): warn when at least
// THRESHOLD of the calls in the recent history (about MAX_CALL_HISTORY calls) traced, at most twice.
const MAX_CALL_HISTORY = 10
const THRESHOLD = 5
const MAX_WARNINGS = 2

class RetracingDetector {
  private callCount = 0
  private callsPerTracing: number[] = []
  private warnings = 0

  /** Returns [traces, calls] when it is time to warn. */
  calledWithTracing(): [number, number] | null {
    this.callCount++
    this.callsPerTracing.push(1)
    while (this.callsPerTracing.length && this.callCount - this.callsPerTracing[0] > MAX_CALL_HISTORY)
      this.callCount -= this.callsPerTracing.shift()!
    if (this.warnings >= MAX_WARNINGS || this.callsPerTracing.length < THRESHOLD)
      return null
    this.warnings++
    return [this.callsPerTracing.length, this.callCount]
  }

  calledWithoutTracing(): void {
    if (!this.callsPerTracing.length)
      this.callsPerTracing = [0]
    this.callsPerTracing[this.callsPerTracing.length - 1]++
    this.callCount++
  }
}

function retracingWarning(traces: number, calls: number, name: string) {
  return `${traces} out of the last ${calls} calls to <function ${name}> triggered graphFunction retracing. `
    + 'Tracing is expensive and the excessive number of tracings could be due to (1) creating graphFunction '
    + 'repeatedly in a loop, (2) passing tensors with different shapes, (3) passing JS numbers instead of '
    + 'tensors. For (1), please define your graphFunction outside of the loop. For (2), graphFunction has '
    + 'a reduceRetracing: true option that can avoid unnecessary retracing. For (3), pass tensors, e.g. '
    + 'tensor(2) rather than 2 (as TF advises in tensorflow.org/guide/function#controlling_retracing).'
}

function signatureOf(args: readonly unknown[]): SignatureItem[] {
  return args.map((a, i) => {
    if (a instanceof Tensor)
      return { shape: [...a.shape] }
    if (typeof a === 'number')
      return { value: a }
    throw new EngineError(`graphFunction: argument ${i + 1} must be a Tensor or a number, got ${String(a)}`)
  })
}

function keyOf(signature: readonly SignatureItem[], names: readonly string[]): string {
  return `(${signature.map((s, i) => ('shape' in s ? `${names[i]}: Tensor${formatShape(s.shape)}` : `${names[i]}=${s.value}`)).join(', ')})`
}

function sameStructure(a: SignatureItem, b: SignatureItem) {
  return 'shape' in a ? 'shape' in b && a.shape.length === b.shape.length : 'value' in b && Object.is(a.value, b.value)
}

/** Whether a (possibly relaxed) traced signature accepts a call's concrete signature. */
function accepts(traced: readonly SignatureItem[], call: readonly SignatureItem[]): boolean {
  return traced.length === call.length && traced.every((t, i) => {
    const c = call[i]
    return sameStructure(t, c) && (!('shape' in t) || fits(t.shape, (c as { shape: StaticShape }).shape))
  })
}

/** reduceRetracing: dimensions that differ from an earlier trace of the same structure become unknown. */
function relax(call: SignatureItem[], earlier: readonly Entry[]): SignatureItem[] {
  const like = earlier.find(e => e.signature.length === call.length && e.signature.every((s, i) => sameStructure(s, call[i])))
  if (!like)
    return call
  return call.map((c, i) => {
    const s = like.signature[i]
    return 'shape' in c && 'shape' in s ? { shape: c.shape.map((d, k) => (s.shape[k] === d ? d : null)) } : c
  })
}

/**
 * Like `@tf.function`: returns a function that traces `fn` once per input signature and otherwise
 * runs the cached graph. Read `traceCount` and `cache` to see it at work.
 */
export function graphFunction<A extends GraphFunctionArg[], R extends Tensor | Tensor[]>(fn: (...args: A) => R, options: GraphFunctionOptions = {}): GraphFunction<A, R> {
  const name = options.name ?? (fn.name || 'anonymous')
  const entries = new Map<string, Entry>()
  const detector = new RetracingDetector()
  let traceCount = 0

  const call = (...args: A): R => {
    const signature = signatureOf(args)
    const names = inputNames(args.length, options.names)
    let entry = entries.get(keyOf(signature, names))
      ?? (options.reduceRetracing ? [...entries.values()].find(e => accepts(e.signature, signature)) : undefined)
    if (entry) {
      detector.calledWithoutTracing()
    }
    else {
      const spec = options.reduceRetracing ? relax(signature, [...entries.values()].reverse()) : signature
      const shapes = spec.map(s => ('shape' in s ? s.shape : undefined))
      entry = { signature: spec, ...traceGraph(fn, args, names, shapes) }
      entries.set(keyOf(spec, names), entry)
      traceCount++
      const due = detector.calledWithTracing()
      if (due)
        warn(retracingWarning(due[0], due[1], name))
    }
    const outs = replay(entry.graph, args.filter((a): a is Tensor => a instanceof Tensor))
    return (entry.multi ? outs : outs[0]) as R
  }

  return Object.defineProperties(call, {
    traceCount: { get: () => traceCount, enumerable: true },
    cache: { get: () => new Map([...entries].map(([k, e]) => [k, e.graph])), enumerable: true },
  }) as GraphFunction<A, R>
}
