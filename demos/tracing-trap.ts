// Demo 4, the tracing trap: trace f on a positive example, call the trace on a negative input, and
// the branch frozen at trace time gives the wrong answer (with the engine's TracerWarning); then the
// fix, cond, keeps the decision in the graph and the trace is right for both inputs.
import type { Graph, SnapshotNode, Tensor } from '../engine/index'
import type { DemoScript, DemoStep, GraphGroup, NodeState } from './types'
import { cond, record, Session, snapshot, tensor, trace } from '../engine/index'
import { formatValue } from './format'
import { labelSteps } from './labels'
import { markPrinted } from './output'
import { cached, lineOf, mergeSnapshots, unionSnapshots } from './replay'

/** The `core` region of snippets/trace-pitfall.py, which the slide shows (a unit test keeps the two equal). */
export const CODE = [
  'def f(x):',
  '    if x.sum() > 0:',
  '        return x * 2',
  '    return x - 100',
  '',
  '',
  'traced = torch.jit.trace(f, torch.ones(3))  # x > 0',
  'print("eager  f(neg):", f(neg))',
  'print("traced f(neg):", traced(neg))  # replays x * 2',
]

/** f as on the slide: a JS `if` on a value read out of the tensor. */
export const f = (x: Tensor): Tensor => (x.sum().item() > 0 ? x.mul(2) : x.sub(100))
/** the fix: the decision stays in the graph as a cond node */
export const fixed = (x: Tensor): Tensor => cond(x.sum().gt(0), () => x.mul(2), () => x.sub(100))
/** the fix as PyTorch spells it (the engine's cond above is the same call) */
export const FIX_CODE = 'torch.cond(x.sum() > 0, double, minus_100, (x,))'

const EXAMPLE = [1, 1, 1]
const NEG = [-1, -1, -1]

/** A cond node says which branch ran. */
function label(n: SnapshotNode): string {
  if (n.op === 'cond')
    return n.taken ? `cond → ${n.taken}` : 'cond'
  return n.label
}

/** A traced graph drawn as a group: ids prefixed, and its values when it ran on `input` (if given). */
function picture(graph: Graph, prefix: string, input?: number[]) {
  let values: Map<string, Tensor> | undefined
  if (input) {
    const session = new Session(graph)
    session.run(graph.outputs, { [graph.nodes[0].label]: input })
    values = session.lastValues
  }
  const s = snapshot(graph, values ? { values } : {})
  return {
    nodes: s.nodes.map(n => ({ ...n, id: prefix + n.id, label: label(n) })),
    edges: s.edges.map(e => ({ from: prefix + e.from, to: prefix + e.to })),
  }
}

function build(): DemoScript {
  const run = record(() => {
    const traced = trace(f, tensor(EXAMPLE))
    const eager = f(tensor(NEG))
    const wrong = traced(tensor(NEG))
    const tracedFix = trace(fixed, tensor(EXAMPLE))
    const right = tracedFix(tensor(NEG))
    return { traced, eager: eager.toArray(), wrong: wrong.toArray(), tracedFix, right: right.toArray() }
  })
  const { traced, tracedFix } = run.result
  // The engine's TracerWarning, first sentence (the rest explains it, as the caption does).
  // In PyTorch's words: the engine reads a JS number where the slide's `if` reads a Python boolean.
  const warning = run.events.find(e => e.type === 'warning')?.message.replace(/(?<=\.) .*$/s, '').replace('a JS number', 'a Python boolean')
  // The branch baked in: every op the traced graph's output needs (placeholders and constants aside).
  const frozen = new Set<string>()
  const mark = (n: Graph['nodes'][number]) => {
    if (n.kind === 'op' && !frozen.has(`t.${n.id}`)) {
      frozen.add(`t.${n.id}`)
      n.inputs.forEach(mark)
    }
  }
  traced.graph.outputs.forEach(mark)

  const groups: GraphGroup[] = [
    { id: 't', label: `traced f (example ${formatValue(EXAMPLE)})`, nodes: [] },
    { id: 'c', label: 'traced f with torch.cond', nodes: [] },
  ]
  const steps: DemoStep[] = []
  const push = (line: number, caption: string, parts: ReturnType<typeof picture>[], extra: Partial<DemoStep> = {}) => {
    const s = structuredClone(mergeSnapshots(...parts))
    const before = new Set(steps.at(-1)?.snapshot.nodes.map(n => n.id) ?? [])
    const states = Object.fromEntries(s.nodes.map(n => [n.id, (frozen.has(n.id) ? 'frozen' : !before.has(n.id) ? 'new' : n.value !== undefined ? 'computed' : 'waiting') as NodeState]))
    steps.push({ line, snapshot: s, states, caption, ...extra })
  }
  const tracedEmpty = picture(traced.graph, 't.')
  const tracedNeg = picture(traced.graph, 't.', NEG)
  const fixEmpty = picture(tracedFix.graph, 'c.')
  const fixNeg = picture(tracedFix.graph, 'c.', NEG)
  const warn = warning ? { warning } : {}

  push(0, 'f doubles x when its sum is positive, else subtracts 100.', [])
  push(lineOf(CODE, 'torch.jit.trace'), `Tracing runs f on ${formatValue(EXAMPLE)}: sum > 0, so only x * 2 is recorded.`, [tracedEmpty], warn)
  push(lineOf(CODE, 'f(neg)'), `Eager f(${formatValue(NEG)}) takes the other branch: ${formatValue(run.result.eager)}.`, [tracedEmpty], warn)
  push(lineOf(CODE, 'traced(neg)'), `The trace replays x * 2: ${formatValue(run.result.wrong)}, not ${formatValue(run.result.eager)}. No error.`, [tracedNeg], warn)
  push(0, `Fix: ${FIX_CODE}: one node holding both branches.`, [tracedNeg, fixEmpty])
  push(0, `cond picks the branch at run time: ${formatValue(run.result.right)}, right for any input.`, [tracedNeg, fixNeg])
  // the fix steps run code that is not in the snippet: no line is highlighted
  for (const s of steps.slice(-2)) s.line = -1
  const layout = unionSnapshots(steps.map(s => s.snapshot))
  labelSteps(steps, layout)
  // tracing itself prints the two warnings (first in the output)
  markPrinted(steps, CODE, [['torch.jit.trace(', 'Warning:'], ['print("eager', 'eager'], ['print("traced', 'traced']])
  for (const g of groups) g.nodes = layout.nodes.filter(n => n.id.startsWith(`${g.id}.`)).map(n => n.id)
  return { code: CODE, lang: 'python', steps, layout, groups }
}

export const tracingTrap = cached(build)
