// Demo 7, torch.compile: the engine's compile() runs the slide's function four times (sizes 3, 3, 5, 7)
// and the step script shows what it did: graph 1 captured, the graph break at the `if` on a tensor,
// graph 2 for the branch taken, a cache hit, a guard failure that recompiles both graphs with the size
// dynamic, a reuse; then the fix with cond under fullgraph: one graph, no break. Every graph, guard,
// reason and count on the slide is the engine's own.
import type { CompileRecord, Graph, GraphSnapshot, Tensor } from '../engine/index'
import type { DemoScript, DemoStep, GraphGroup, NodeState } from './types'
import { compile, cond, explain, record, snapshot, tensor } from '../engine/index'
import { cached, foldConstants, lineOf, mergeSnapshots, unionSnapshots } from './replay'

/** The `demo` region of snippets/torch-compile-breaks.py, which the slide shows (a unit test keeps the two equal). */
export const CODE = [
  'def f(x):',
  '    y = x * 2',
  '    if y.sum() > 0:  # an if on a tensor: graph break',
  '        return y + 1',
  '    return y - 1',
  '',
  '',
  'counter = CompileCounter()  # a backend that counts graphs',
  'compiled = torch.compile(f, backend=counter)',
  'for n in [3, 3, 5, 7]:',
  '    compiled(torch.ones(n))',
  '    print(f"size {n}: {counter.frame_count} graphs compiled")',
]

export const SIZES = [3, 3, 5, 7]

/** The slide's f, in the engine: `+y.sum() > 0` is JS for Python's `if y.sum() > 0`. */
export function f(x: Tensor): Tensor {
  const y = x.mul(2)
  if (+y.sum() > 0)
    return y.add(1)
  return y.sub(1)
}

/** The fix: the decision stays in the graph. */
export function fixed(x: Tensor): Tensor {
  const y = x.mul(2)
  return cond(y.sum().gt(0), () => y.add(1), () => y.sub(1))
}

const ones = (n: number) => tensor(Array.from<number>({ length: n }).fill(1))

/** A graph as a group: ids prefixed, constants folded into their op (`× 2`). */
function picture(graph: Graph, prefix: string): GraphSnapshot {
  const s = foldConstants(snapshot(graph))
  return {
    nodes: s.nodes.map(n => ({ ...n, id: prefix + n.id })),
    edges: s.edges.map(e => ({ from: prefix + e.from, to: prefix + e.to })),
  }
}

const shapeOf = (g: Graph) => g.nodes.find(n => n.op === 'placeholder')!.shape

function build(): DemoScript {
  const compiled = compile(f)
  const calls = SIZES.map((n) => {
    const { events } = record(() => compiled(ones(n)))
    return { n, events: events.filter((e): e is CompileRecord => e.type === 'compile'), count: compiled.compileCount }
  })
  const breakReason = explain(f, ones(3)).breakReasons[0]
  const entries = compiled.cache
  const fullgraph = compile(fixed, { fullgraph: true })
  fullgraph(ones(3))
  const fixedGraph = fullgraph.cache[0].graph

  // Short labels, the box is narrow: #1 [3] is graph 1 compiled for size 3, [?] a dynamic size.
  const label = (k: number) => `#${entries[k].segment + 1} [${shapeOf(entries[k].graph).map(d => d ?? '?').join(',')}]`
  const groups: GraphGroup[] = [
    ...entries.map((_, k) => ({ id: `g${k}`, label: label(k), nodes: [] as string[] })),
    { id: 'fix', label: 'with cond', nodes: [] },
  ]
  const pictures = [...entries.map((e, k) => picture(e.graph, `g${k}.`)), picture(fixedGraph, 'fix.')]

  const steps: DemoStep[] = []
  const push = (line: number, shown: number[], fresh: number[], caption: string, facts: Record<string, string>, warning?: string) => {
    const s = structuredClone(mergeSnapshots(...shown.map(k => pictures[k])))
    const isFresh = (id: string) => fresh.some(k => id.startsWith(k === pictures.length - 1 ? 'fix.' : `g${k}.`))
    const states = Object.fromEntries(s.nodes.map(n => [n.id, (isFresh(n.id) ? 'new' : 'waiting') as NodeState]))
    steps.push({ line, snapshot: s, states, caption, facts, ...(warning ? { warning } : {}) })
  }
  const counts = (graphs: number, breaks: number, compiles: number) => ({ graphs: String(graphs), breaks: String(breaks), compiled: String(compiles) })
  const [first, second, third, fourth] = calls
  const guardOf = (e: CompileRecord | undefined) => e?.reason.replace(/^guard failed: /, '') ?? ''

  push(0, [], [], 'compiled = torch.compile(f): nothing is captured until it runs.', counts(0, 0, 0))
  push(lineOf(CODE, 'y = x * 2'), [0], [0], `Call 1, size ${first.n}: the ops run and are captured into graph 1, guarded on x.shape == [${first.n}].`, counts(1, 0, 0))
  push(lineOf(CODE, 'if y.sum() > 0'), [0], [], 'Graph break: the if needs the value of y.sum(). Graph 1 is compiled and runs; the value goes back to Python.', counts(1, 1, 1), breakReason)
  push(lineOf(CODE, 'return y + 1'), [0, 1], [1], 'The rest of f is graph 2, for the branch taken: y + 1.', counts(2, 1, first.count))
  push(lineOf(CODE, 'compiled(torch.ones(n))'), [0, 1], [], `Call 2, size ${second.n}: ${second.events.every(e => e.what === 'hit') ? 'every guard holds: both graphs come from the cache, nothing is compiled' : 'compiled again'}.`, counts(2, 1, second.count))
  push(lineOf(CODE, 'compiled(torch.ones(n))'), [0, 1, 2, 3], [2, 3], `Call 3, size ${third.n}: a guard fails (${guardOf(third.events.find(e => e.what === 'recompile'))}). Both graphs are recompiled with that size dynamic.`, counts(4, 1, third.count))
  push(lineOf(CODE, 'compiled(torch.ones(n))'), [0, 1, 2, 3], [], `Call 4, size ${fourth.n}: the dynamic graphs' guards hold (x.shape == [?]): no recompile.`, counts(4, 1, fourth.count))
  push(-1, pictures.map((_, k) => k), [pictures.length - 1], 'The fix: cond keeps the decision in the graph. fullgraph=True proves it: one graph, no break.', counts(1, 0, fullgraph.compileCount))

  const layout = unionSnapshots(steps.map(s => s.snapshot))
  for (const g of groups) g.nodes = layout.nodes.filter(n => n.id.startsWith(`${g.id}.`)).map(n => n.id)
  return { code: CODE, lang: 'python', steps, layout, groups }
}

export const compileDemo = cached(build)
