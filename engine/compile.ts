/**
 * `compile(fn)`: torch.compile's model in miniature — graph capture from ordinary eager code, graph
 * breaks, guards and recompiles (TorchDynamo's part; the backend's code generation is not modelled).
 *
 * While the compiled function runs, its tensor ops are captured into a graph (a *segment*). Where the
 * code needs a concrete value — `t.item()`, a tensor used as a JS number or boolean (`if (+y.sum() > 0)`,
 * `x > 0`), `t.toArray()`, an explicit `graphBreak()` — the graph **breaks**: the segment ends, the code
 * gets the real value, and a new segment starts for the rest. Each segment is looked up in a cache
 * whose entries are **guarded** on what the graph assumed: its inputs' shapes, the values of the
 * numbers baked into it, and the ops themselves (which path the code took). No entry holds: compile it.
 *
 * Counting follows PyTorch (checked against torch 2.13 in tests/unit/engine/compile-reference.test.ts):
 * - the code after a break is its own graph, one per path the code takes there, compiled when first run;
 * - the first compile specialises on exact sizes and values ("static");
 * - when a guard fails on a size (or a baked-in number) of a graph compiled before, it is compiled once
 *   more with that dimension (or number) dynamic — PyTorch's automatic dynamic shapes — and later sizes
 *   reuse it. What was made dynamic is remembered per segment position, across the paths taken there.
 *
 * Where the engine deliberately differs from torch, and why:
 * - JS cannot pause a function and resume it from the middle the way Dynamo resumes Python bytecode, so
 *   every call runs the code, and the ops compute eagerly as they are captured; what `compile` adds is the
 *   capture, the guards and the cache — the part that decides when PyTorch compiles. A segment's identity
 *   (Dynamo's resume function) is its position among the call's breaks plus the ops it ran.
 * - PyTorch never makes a dimension of size 0 or 1 dynamic ("0/1 specialisation"); the engine does not
 *   model that.
 */
import type { GraphNode } from './graph'
import type { CompileEvent } from './hooks'
import type { Subgraph } from './ops/types'
import type { StaticShape } from './shape'
import { EngineError, formatShape } from './errors'
import { Graph } from './graph'
import { notify, withObserver } from './hooks'
import { attrsKeyOf } from './ops/attrs-key'
import { graphInputs } from './ops/sources'
import { fits } from './shape'
import { Tensor } from './tensor'
import { inputNames, Tracer } from './trace'

export interface CompileOptions {
  /** like `fullgraph=True`: the first graph break throws, with its reason */
  fullgraph?: boolean
  /** the arguments' names in the graphs; default `x`, or `x0, x1, …` */
  names?: readonly string[]
}

/** One compiled graph in the cache, with what it assumed. */
export interface CacheEntry {
  /** which segment of the function: 0 before the first break, 1 after it, … */
  segment: number
  graph: Graph
  /** plain sentences, e.g. `x.shape == [?]` or `a baked-in number == 3` */
  guards: string[]
}

/** What `compile` returns: call it like `fn`. */
export interface CompiledFunction<A extends unknown[], R> {
  (...args: A): R
  /** graphs compiled so far (what torch's counting backend counts) */
  readonly compileCount: number
  /** the compiled graphs in the order compiled (a copy) */
  readonly cache: readonly CacheEntry[]
}

/** What `explain` reports, like `torch._dynamo.explain(fn)(*inputs)`. */
export interface Explanation {
  graphCount: number
  graphBreakCount: number
  /** one plain sentence per break, in order */
  breakReasons: string[]
  graphs: Graph[]
}

const BREAK_REASONS = {
  item: '`.item()` needs a concrete number: the graph ends here',
  primitive: 'the code uses a tensor as a JS number or boolean (an `if` on a tensor, `+x`): it needs the value, so the graph ends here',
  toArray: '`.toArray()` needs the values: the graph ends here',
  graphBreak: 'an explicit graphBreak(): the graph ends here',
} as const

/** A capture-time record of one input or guarded number of a segment, for guards. */
interface Slot { node: GraphNode, shape: readonly number[], value?: number[] }

/** A segment compiled in this call: where each of its tensors is in the cached graph, to declare outputs. */
interface Produced { graph: Graph, nodes: Map<Tensor, GraphNode> }

interface Entry extends CacheEntry {
  /** the ops, in order, with their attrs and which earlier node or slot each input is: the path taken */
  fingerprint: string
  /** each slot: the static shape it accepts and, for a baked-in number, the value it assumed */
  accepts: { shape: StaticShape, value?: number[] }[]
  /** the concrete slots it was compiled for, to tell what changed on a guard failure */
  example: Slot[]
}

/** What a segment position remembers across calls: which dims / numbers have been seen to change. */
interface Dynamic { dims: Map<number, Set<number>>, numbers: Set<number> }

const breaking: CompileRun[] = []

/** Like `torch._dynamo.graph_break()`: ends the graph being captured here (outside compile, nothing happens). */
export function graphBreak(): void {
  breaking.at(-1)?.breakHere('graphBreak')
}

/** One call of a compiled function: the segment being captured and what it has read so far. */
class CompileRun {
  readonly tracer: Tracer
  private segment = 0
  readonly breaks: string[] = []
  readonly compiled: Entry[] = []
  /** tensors the code made during this call (its own constants) */
  private readonly made = new Set<Tensor>()
  /** numbers that came from outside the code's text: number arguments, values handed back at breaks */
  private readonly guardedNumbers = new Set<number>()
  /** segments compiled in this call: later segments and the result declare their outputs */
  private readonly produced: Produced[] = []
  private slots: Slot[] = []
  /** tensors of the segment being captured that are needed after it */
  private readonly pendingOutputs = new Set<Tensor>()

  constructor(private readonly state: CompileState, args: readonly unknown[]) {
    this.tracer = new Tracer(new Graph(), {
      outside: (t, g) => this.outside(t, g),
      valueRead: (t, how) => {
        this.declareOutput(t)
        t.data.forEach(v => this.guardedNumbers.add(v))
        this.breakHere(how)
      },
    })
    const names = inputNames(args.length, state.options.names)
    args.forEach((a, i) => {
      if (a instanceof Tensor)
        this.slots.push({ node: this.tracer.input(a, names[i]), shape: a.shape })
      else if (typeof a === 'number')
        this.guardedNumbers.add(a)
    })
  }

  run<R>(fn: () => R): R {
    breaking.push(this)
    try {
      const result = this.tracer.run(() => withObserver({ tensorCreated: t => this.made.add(t as Tensor) }, fn))
      for (const t of Array.isArray(result) ? result : [result]) {
        if (t instanceof Tensor)
          this.declareOutput(t)
      }
      this.close(null)
      return result
    }
    finally {
      breaking.pop()
    }
  }

  breakHere(why: keyof typeof BREAK_REASONS): void {
    const reason = BREAK_REASONS[why]
    if (this.state.options.fullgraph)
      throw new EngineError(`compile(fn, { fullgraph: true }): graph break in segment ${this.segment}: ${reason}`)
    event({ what: 'break', segment: this.segment, reason })
    this.close(reason)
    this.segment++
    this.slots = []
    this.tracer.restart(new Graph())
  }

  /**
   * A tensor from outside the segment: a number the code made (`x.mul(2)`, a value from `.item()`) or a
   * tensor made in the call is baked in as a constant, guarded on its value; anything else (an argument
   * used after a break, a closed-over weight) is an input, guarded on its shape.
   */
  private outside(t: Tensor, g: Graph): GraphNode {
    if (t.isConstant || this.made.has(t)) {
      const node = g.constant(t)
      // A number written in the code (the 2 of `x.mul(2)`) cannot change; one that came in can.
      if (t.size === 1 && this.guardedNumbers.has(t.data[0]))
        this.slots.push({ node, shape: t.shape, value: Array.from(t.data) })
      return node
    }
    this.declareOutput(t)
    const node = g.placeholder(`in${this.slots.length}`, t.shape)
    this.slots.push({ node, shape: t.shape })
    return node
  }

  /** Ends the segment: a cache hit, or a compile (with dynamic dims where an earlier one was too specific). */
  private close(reason: string | null): void {
    if (reason)
      this.breaks.push(reason)
    const captured = this.tracer.graph
    const pending = [...this.pendingOutputs]
    this.pendingOutputs.clear()
    if (!captured.nodes.some(n => n.kind === 'op'))
      return // nothing to compile: torch sends no empty graph to its backend either
    const entry = this.state.lookup(this.segment, captured, this.slots)
    if (!entry)
      return
    this.compiled.push(entry)
    // The cached graph's copy of each captured node is at the same position (specialise copies in order).
    const nodes = new Map([...this.tracer.recorded()].map(([t, n]) => [t, entry.graph.nodes[captured.nodes.indexOf(n)]]))
    const produced = { graph: entry.graph, nodes }
    this.produced.push(produced)
    for (const t of pending) addOutput(produced, t)
  }

  /** A tensor computed by a segment compiled in this call, and needed after it: an output of that graph. */
  private declareOutput(t: Tensor): void {
    const here = this.tracer.recorded().get(t)
    if (here && here.kind === 'op') {
      this.pendingOutputs.add(t)
      return
    }
    for (const p of this.produced) addOutput(p, t)
  }
}

function addOutput(p: Produced, t: Tensor): void {
  const n = p.nodes.get(t)
  if (n && n.kind === 'op' && !p.graph.outputs.includes(n))
    p.graph.outputs.push(n)
}

/** Everything a compiled function keeps between calls: its cache and what it learnt was dynamic. */
class CompileState {
  readonly entries: Entry[] = []
  private readonly dynamic = new Map<number, Dynamic>()

  constructor(readonly options: CompileOptions) {}

  /** The entry a captured segment hits, or a new one; returns the new one (null on a hit). */
  lookup(segment: number, captured: Graph, slots: Slot[]): Entry | null {
    const fingerprint = fingerprintOf(captured, slots)
    const samePath = this.entries.filter(e => e.segment === segment && e.fingerprint === fingerprint)
    const hit = samePath.find(e => e.accepts.every((a, i) => accepts(a, slots[i])))
    if (hit) {
      event({ what: 'hit', segment, reason: `guards hold: ${hit.guards.join(', ')}` })
      return null
    }
    const dyn = this.dynamicAt(segment)
    const previous = samePath.at(-1)
    let reason = 'first time this code runs here'
    if (previous) {
      const changed = learnDynamic(previous.example, slots, dyn)
      reason = `guard failed: ${changed.join(', ')}`
    }
    const { graph, accepts: accepted } = specialise(captured, slots, dyn)
    const entry: Entry = { segment, graph, guards: guardsOf(graph, accepted), fingerprint, accepts: accepted, example: slots }
    this.entries.push(entry)
    event({ what: previous ? 'recompile' : 'compile', segment, reason, guards: entry.guards })
    return entry
  }

  private dynamicAt(segment: number): Dynamic {
    let d = this.dynamic.get(segment)
    if (!d) {
      d = { dims: new Map(), numbers: new Set() }
      this.dynamic.set(segment, d)
    }
    return d
  }
}

function event(e: CompileEvent): void {
  notify(o => o.compiled?.(e))
}

/** The ops in order, each with attrs and where its inputs come from: equal fingerprints, equal code path. */
function fingerprintOf(g: Graph, slots: readonly Slot[]): string {
  const slotOf = new Map(slots.map((s, i) => [s.node, i]))
  const index = new Map(g.nodes.map((n, i) => [n, i]))
  const value = (n: GraphNode) => (n.op === 'constant' && n.value ? `=${Array.from(n.value.data).join(',')}` : '')
  return g.nodes.filter(n => !slotOf.has(n)).map(n =>
    `${n.op}${attrsKeyOf(n.attrs)}${value(n)}(${n.inputs.map(x => (slotOf.has(x) ? `s${slotOf.get(x)}` : `n${index.get(x)}`)).join(',')})`).join(' ')
}

function accepts(a: Entry['accepts'][number], slot: Slot | undefined): boolean {
  if (!slot || !fits(a.shape, slot.shape))
    return false
  return a.value === undefined || (slot.value !== undefined && a.value.every((v, i) => Object.is(v, slot.value![i])))
}

/** Marks what differs between the example an entry was compiled for and this call; says what changed. */
function learnDynamic(example: readonly Slot[], slots: readonly Slot[], dyn: Dynamic): string[] {
  const changed: string[] = []
  slots.forEach((s, i) => {
    const before = example[i]
    const name = s.node.name ?? s.node.label
    if (s.value && before.value && s.value.some((v, k) => !Object.is(v, before.value![k]))) {
      dyn.numbers.add(i)
      changed.push(`the number ${before.value.join(',')} is now ${s.value.join(',')}`)
    }
    s.shape.forEach((d, k) => {
      if (d !== before.shape[k]) {
        const dims = dyn.dims.get(i) ?? new Set()
        dyn.dims.set(i, dims.add(k))
        changed.push(`${name}.shape[${k}] was ${before.shape[k]}, now ${d}`)
      }
    })
  })
  return changed
}

/**
 * The graph to cache for a captured segment: its inputs' dims that have changed before become
 * unknown (`null`), and numbers that have changed become inputs of their own; everything else stays
 * as captured (static), guarded by what each slot accepts.
 */
function specialise(captured: Graph, slots: readonly Slot[], dyn: Dynamic): { graph: Graph, accepts: Entry['accepts'] } {
  const graph = new Graph()
  const map = new Map<GraphNode, GraphNode>()
  const slotOf = new Map(slots.map((s, i) => [s.node, i]))
  const accepted: Entry['accepts'] = []
  for (const n of captured.nodes) {
    const i = slotOf.get(n)
    let copy: GraphNode
    if (i === undefined) {
      // Op shapes are inferred again (so unknown dims flow through); constants keep their value.
      copy = graph.addNode({ op: n.op, inputs: n.inputs.map(x => map.get(x)!), attrs: n.attrs, shape: n.shape, value: n.value, name: n.name })
    }
    else if (slots[i].value === undefined || dyn.numbers.has(i)) {
      const shape = slots[i].shape.map((d, k) => (dyn.dims.get(i)?.has(k) ? null : d))
      copy = graph.placeholder(n.name ?? `s${i}`, shape)
      accepted[i] = { shape }
    }
    else {
      copy = graph.constant(n.value!)
      accepted[i] = { shape: slots[i].shape, value: slots[i].value }
    }
    map.set(n, copy)
  }
  return { graph, accepts: accepted }
}

function guardsOf(graph: Subgraph, accepted: Entry['accepts']): string[] {
  const inputs = graphInputs(graph)
  const guards = inputs.map(p => `${p.name}.shape == ${formatShape(p.shape)}`)
  for (const a of accepted) {
    if (a.value)
      guards.push(`a baked-in number == ${a.value.join(',')}`)
  }
  return guards
}

/**
 * Like `torch.compile(fn)`: returns a function with the same results, which captures graphs from the
 * code as it runs, breaks them where the code needs a value, and caches each graph under guards.
 */
export function compile<A extends unknown[], R>(fn: (...args: A) => R, options: CompileOptions = {}): CompiledFunction<A, R> {
  const state = new CompileState(options)
  const call = (...args: A): R => new CompileRun(state, args).run(() => fn(...args))
  return Object.defineProperties(call, {
    compileCount: { get: () => state.entries.length, enumerable: true },
    cache: { get: () => state.entries.map(({ segment, graph, guards }) => ({ segment, graph, guards })), enumerable: true },
  }) as CompiledFunction<A, R>
}

/** Like `torch._dynamo.explain(fn)(*inputs)`: compiles `fn` afresh, runs it once, and says what happened. */
export function explain<A extends unknown[]>(fn: (...args: A) => unknown, ...inputs: A): Explanation {
  const state = new CompileState({})
  const run = new CompileRun(state, inputs)
  run.run(() => fn(...inputs))
  return { graphCount: run.compiled.length, graphBreakCount: run.breaks.length, breakReasons: [...run.breaks], graphs: run.compiled.map(e => e.graph) }
}
