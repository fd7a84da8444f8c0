/**
 * `trace(fn, exampleInputs)`: torch.jit.trace in miniature (and the tracing half of tf.function).
 *
 * The tracer runs `fn` once, eagerly, on the examples and listens to the engine's hooks: every op
 * that runs becomes a node of a Graph whose placeholders are the inputs and whose declared `outputs`
 * are what `fn` returned. Plain JS never reaches the hooks, so an `if` on `x.sum().item()` is decided
 * once, during the trace, and only the branch taken is recorded: the trace is then silently wrong for
 * inputs that would take the other branch. Reading a value out of a traced tensor (`item()`,
 * `toArray()`, `+x`, `x > 0`) is therefore reported with PyTorch's TracerWarning. The fix is to keep
 * the decision in the graph: `cond(pred, thenFn, elseFn)` (engine/cond.ts), which the tracer records
 * as one node holding both branches: cond asks the observers first, and the tracer answers.
 *
 * The result replays the graph, op by op, through the same registry (with autograd, like a traced
 * TorchScript module), so it can be differentiated; shapes are fixed to the examples'.
 *
 * Input names come from the caller (`{ names }`), never from the function's source text, which a
 * minifier rewrites: by default `x` for one input, `x0, x1, …` for several.
 */
import type { GraphNode, RawBranch } from './graph'
import type { CondCall, Observer, ValueReadHow } from './hooks'
import type { TensorData } from './nested'
import type { NodeLike } from './ops/types'
import type { StaticShape } from './shape'
import { EngineError, formatShape } from './errors'
import { evaluate } from './evaluate'
import { assembleBranches, Graph } from './graph'
import { quietly, withObserver } from './hooks'
import { graphInputs } from './ops/sources'
import { fits } from './shape'
import { applyOp, lift, tensor, Tensor } from './tensor'
import { warn } from './warn'

/** One graph being built: the whole trace, or one branch of a cond inside it. */
interface Frame {
  graph: Graph
  /** the node each tensor seen so far became */
  nodes: Map<Tensor, GraphNode>
  /** in a branch: the tensors of enclosing frames it uses, each with its placeholder */
  captures: Map<Tensor, GraphNode>
}

const newFrame = (graph: Graph): Frame => ({ graph, nodes: new Map(), captures: new Map() })

/** Traces in progress, innermost last. */
const tracing: Tracer[] = []

/** The innermost trace in progress, if any: the one that records what runs now. */
function activeTracer(): Tracer | null {
  return tracing.at(-1) ?? null
}

// PyTorch's TracerWarning, with JS in place of Python.
function tracerWarning(what: string) {
  return `TracerWarning: Converting a tensor to a JS ${what} might cause the trace to be incorrect. We can't record the data flow of JS values, so this value will be treated as a constant in the future. This means that the trace might not generalize to other inputs!`
}

/** How a tracer treats what it cannot follow; the defaults are torch.jit.trace's. */
export interface TracerOptions {
  /** a tensor the trace did not see being made (a closed-over weight); default: frozen as a constant */
  outside?: (t: Tensor, graph: Graph) => GraphNode
  /** a value read out of a tensor (`item()`, `+x`, `toArray()`); default: PyTorch's TracerWarning */
  valueRead?: (t: Tensor, how: ValueReadHow) => void
}

export class Tracer {
  private frames: Frame[]

  constructor(public graph: Graph, private readonly options: TracerOptions = {}) {
    this.frames = [newFrame(graph)]
  }

  /** Goes on recording into a new graph; tensors of the old one become outside tensors. */
  restart(graph: Graph): void {
    this.graph = graph
    this.frames = [newFrame(graph)]
  }

  private get top(): Frame { return this.frames[this.frames.length - 1] }

  private readonly observer: Observer<Tensor, GraphNode, unknown> = {
    opApplied: ({ op, inputs, output, attrs }) => {
      if (activeTracer() !== this)
        return // a trace nested inside this one is recording; its result is replayed here later
      const frame = this.top
      quietly(() => frame.nodes.set(output, frame.graph.apply(op, inputs.map(t => this.nodeFor(t)), attrs)))
    },
    valueRead: (t, how) => {
      if (activeTracer() !== this)
        return
      if (this.options.valueRead)
        this.options.valueRead(t, how)
      else if (this.isTraced(t))
        warn(tracerWarning(how === 'toArray' ? 'array' : 'number'), t.id)
    },
    cond: call => (activeTracer() === this ? this.cond(call) : undefined),
  }

  /**
   * A cond inside the trace: BOTH branches run, each into a graph of its own (as TF's tracing runs
   * both branches of a converted `if`), and ONE cond node records them, so the traced function picks
   * the branch at run time and is right for every input (unlike a JS `if`).
   */
  private cond({ pred, thenFn, elseFn }: CondCall<Tensor>): Tensor {
    const { captures, thenBranch, elseBranch } = assembleBranches(this.branch(thenFn), this.branch(elseFn))
    // Running the op both computes the value (the taken branch) and lets the observer record one node.
    return applyOp('cond', [pred, ...captures], { thenBranch, elseBranch })
  }

  /** Makes `t` an input of the trace: a placeholder. */
  input(t: Tensor, name: string, shape: StaticShape = t.shape): GraphNode {
    const node = quietly(() => this.graph.placeholder(name, shape))
    this.frames[0].nodes.set(t, node)
    return node
  }

  /** Runs `fn` with this tracer listening. */
  run<R>(fn: () => R): R {
    tracing.push(this)
    try {
      return withObserver(this.observer, fn)
    }
    finally {
      tracing.pop()
    }
  }

  /**
   * The node standing for `t` in the current frame: the one it already is; else, in a branch, a
   * placeholder if an enclosing frame knows it (a captured value); else a constant (a tensor the
   * trace did not see being made, such as a closed-over weight: frozen, as torch.jit.trace does).
   */
  nodeFor(t: Tensor): GraphNode {
    const frame = this.top
    const known = frame.nodes.get(t)
    if (known)
      return known
    let outer: GraphNode | undefined
    for (let k = this.frames.length - 2; k >= 0 && !outer; k--) outer = this.frames[k].nodes.get(t)
    const node = quietly(() => {
      if (!outer)
        return this.options.outside && this.frames.length === 1 ? this.options.outside(t, frame.graph) : frame.graph.constant(t)
      const p = frame.graph.placeholder(freshName(frame.graph, outer.name ?? outer.id), outer.shape)
      frame.captures.set(t, p)
      return p
    })
    frame.nodes.set(t, node)
    return node
  }

  /** Runs one branch of a cond into a graph of its own (cond assembles the two into one node). */
  private branch(fn: () => Tensor | number): RawBranch<Tensor> {
    const frame = newFrame(new Graph())
    this.frames.push(frame)
    try {
      const out = fn()
      const t = typeof out === 'number' ? lift(out) : out
      if (!(t instanceof Tensor))
        throw new EngineError(`cond: a branch must return a Tensor (or a number), got ${String(out)}`)
      const output = this.nodeFor(t)
      const inputs = new Set(graphInputs(frame.graph))
      return { body: frame.graph.nodes.filter(n => !inputs.has(n)), output, captures: frame.captures }
    }
    finally {
      this.frames.pop()
    }
  }

  /** The node each tensor of the graph being recorded became (outside any cond branch). */
  recorded(): ReadonlyMap<Tensor, GraphNode> {
    return this.frames[0].nodes
  }

  /** Whether `t` carries traced data (so reading it out freezes something input-dependent). */
  private isTraced(t: Tensor): boolean {
    return this.frames.some((f) => {
      const n = f.nodes.get(t)
      return n !== undefined && n.kind !== 'const'
    })
  }
}

function freshName(g: Graph, base: string): string {
  const names = new Set(g.nodes.map(n => n.name))
  let name = base
  for (let k = 1; names.has(name); k++) name = `${base}_${k}`
  return name
}

/** Names for a graph's inputs: the caller's, else `x` for one input and `x0, x1, …` for several. */
export function inputNames(count: number, names?: readonly string[]): string[] {
  if (names && (names.length !== count || new Set(names).size !== count || names.some(n => typeof n !== 'string' || n === '')))
    throw new EngineError(`names: expected ${count} different non-empty name(s), one per input, got ${JSON.stringify(names)}`)
  return names ? [...names] : Array.from({ length: count }, (_, i) => (count === 1 ? 'x' : `x${i}`))
}

export interface TraceResult {
  graph: Graph
  /** whether fn returned an array (the replay then returns one too) */
  multi: boolean
}

/**
 * The tracing step shared by `trace` and `graphFunction`: tensor arguments become placeholders
 * (`shapes` may relax their static shapes), anything else is passed to `fn` as it is, so it is baked in.
 */
export function traceGraph(fn: (...args: never[]) => unknown, args: readonly unknown[], names: readonly string[], shapes?: readonly (StaticShape | undefined)[]): TraceResult {
  const graph = new Graph()
  const tracer = new Tracer(graph)
  args.forEach((a, i) => {
    if (a instanceof Tensor)
      tracer.input(a, names[i], shapes?.[i] ?? a.shape)
  })
  const out = tracer.run(() => (fn as (...xs: unknown[]) => unknown)(...args))
  const list = Array.isArray(out) ? out : [out]
  if (list.length === 0 || !list.every(t => t instanceof Tensor))
    throw new EngineError(`trace: the function must return a Tensor or an array of Tensors, got ${String(out)}`)
  graph.outputs = (list as Tensor[]).map(t => tracer.nodeFor(t))
  return { graph, multi: Array.isArray(out) }
}

/**
 * Runs a graph with declared outputs on eager tensors, one registry op per node, so autograd records
 * the replay (a traced function can be trained through). Only what the outputs need is computed.
 */
export function replay(graph: Graph, args: readonly Tensor[]): Tensor[] {
  const inputs = graphInputs(graph)
  if (args.length !== inputs.length)
    throw new EngineError(`traced function: takes ${inputs.length} input(s) (${inputs.map(p => `${p.label}: ${formatShape(p.shape)}`).join(', ')}), got ${args.length}`)
  const fed = new Map<NodeLike, Tensor>(inputs.map((p, i) => {
    const t = args[i]
    if (!fits(p.shape, t.shape))
      throw new EngineError(`traced function: input '${p.label}' has shape ${formatShape(t.shape)}, but the graph was traced for ${formatShape(p.shape)} (trace again for this shape, or use graphFunction)`)
    return [p, t]
  }))
  const frozen = (n: NodeLike) => new Tensor({ data: n.value!.data.slice(), shape: n.value!.shape }, { isConstant: true })
  const values = evaluate<Tensor, GraphNode>(graph, graph.outputs, {
    placeholder: p => fed.get(p)!,
    constant: frozen,
    variable: frozen,
  }, (n, xs) => applyOp(n.op, xs, n.attrs))
  return graph.outputs.map(o => values.get(o)!)
}

/** Options of `trace`. */
export interface TraceOptions {
  /** the inputs' names in the graph (its placeholders); default `x`, or `x0, x1, …` */
  names?: readonly string[]
}

/** What `trace` returns: call it like the original function; `.graph` is what it runs. */
export interface TracedFunction<R extends Tensor | Tensor[]> {
  (...inputs: (Tensor | TensorData)[]): R
  readonly graph: Graph
}

/**
 * Like `torch.jit.trace(fn, example_inputs)`: runs `fn` once on the examples, records the ops it ran,
 * and returns a function that replays that recording. JS control flow is not recorded (see the top).
 */
export function trace<R extends Tensor | Tensor[]>(fn: (...inputs: Tensor[]) => R, exampleInputs: Tensor | readonly Tensor[], options: TraceOptions = {}): TracedFunction<R> {
  const examples = exampleInputs instanceof Tensor ? [exampleInputs] : [...exampleInputs]
  if (!examples.every(t => t instanceof Tensor))
    throw new EngineError('trace: exampleInputs must be a Tensor or an array of Tensors')
  const { graph, multi } = traceGraph(fn, examples, inputNames(examples.length, options.names))
  const traced = (...inputs: (Tensor | TensorData)[]): R => {
    const outs = replay(graph, inputs.map(x => (x instanceof Tensor ? x : tensor(x))))
    return (multi ? outs : outs[0]) as R
  }
  return Object.assign(traced, { graph })
}
