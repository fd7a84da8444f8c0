// Demo 3, dynamic control flow: the same function with a data-dependent while loop, run eagerly on
// two inputs, records two different graphs (one doubling for [3, 4], five for [0.3, 0.4]).
import type { Tensor } from '../engine/index'
import type { DemoScript, DemoStep, GraphGroup, NodeState } from './types'
import { record, snapshot, tensor } from '../engine/index'
import { formatNumber, formatValue } from './format'
import { markPrinted } from './output'
import { cached, foldConstants, lineOf, mergeSnapshots, unionSnapshots } from './replay'

/** snippets/dynamic-control-flow.py, which the slide shows (a unit test keeps the two equal). */
export const CODE = [
  '# The loop count depends on the data: each call',
  '# records a different graph.',
  'import torch',
  '',
  'def grow(x):',
  '    steps = 0',
  '    while x.norm() < 10:   # Python loop, tensor test',
  '        x = x * 2',
  '        steps += 1',
  '    return x, steps',
  '',
  'for start in ([3.0, 4.0], [0.3, 0.4]):',
  '    t = torch.tensor(start)',
  '    out, steps = grow(t)',
  '    n0, n1 = t.norm().item(), out.norm().item()',
  '    print(f"norm {n0:.1f}: {steps} doublings -> {n1:.1f}")',
]

export const INPUTS = [[3, 4], [0.3, 0.4]] as const

const norm = (x: Tensor): number => x.pow(2).sum().pow(0.5).item()

interface Iteration { graph: ReturnType<typeof snapshot>, normBefore: number, value: Tensor }

/** grow(x) as on the slide, in the engine; `seen` gets the recorded graph after every loop iteration. */
function grow(start: Tensor, seen: (it: Iteration) => void): Tensor {
  let x = start
  for (let n = norm(x); n < 10; n = norm(x)) {
    x = x.mul(2)
    seen({ graph: foldConstants(snapshot(x)), normBefore: n, value: x })
  }
  return x
}

function build(): DemoScript {
  // Each call is its own program run: its ids are prefixed so both graphs can be drawn side by side.
  const runs = INPUTS.map((data, k) => {
    const iterations: Iteration[] = []
    // Inside a recording, ids restart at n1: the same run gives the same ids every time.
    const { result: [start, out] } = record(() => {
      const x = tensor([...data], { requiresGrad: true, name: 'x' })
      return [x, grow(x, it => iterations.push(it))] as const
    })
    const prefix = `${'ab'[k]}.`
    const rename = (g: Iteration['graph']) => ({
      nodes: g.nodes.map(n => ({ ...n, id: prefix + n.id })),
      edges: g.edges.map(e => ({ from: prefix + e.from, to: prefix + e.to })),
    })
    return { data, start: norm(start), end: norm(out), iterations: iterations.map(it => ({ ...it, graph: rename(it.graph) })) }
  })
  const groups: GraphGroup[] = runs.map((r, k) => ({ id: 'ab'[k], label: `grow(${formatValue([...r.data])})`, nodes: [] }))

  const steps: DemoStep[] = []
  const shown = runs.map(() => ({ nodes: [], edges: [] }) as Iteration['graph'])
  const push = (line: number, caption: string) => {
    const merged = structuredClone(mergeSnapshots(...shown))
    const before = steps.at(-1)?.snapshot.nodes.map(n => n.id) ?? []
    const states = Object.fromEntries(merged.nodes.map(n => [n.id, (before.includes(n.id) ? 'computed' : 'new') as NodeState]))
    steps.push({ line, snapshot: merged, states, caption })
  }
  push(0, 'One function, two inputs. Nothing has run yet.')
  runs.forEach((run, k) => {
    run.iterations.forEach((it, i) => {
      shown[k] = it.graph
      const last = i === run.iterations.length - 1
      const tail = last ? `; then norm ${formatNumber(run.end)}: stop.` : '.'
      push(lineOf(CODE, 'x = x * 2'), `Norm ${formatNumber(it.normBefore)} < 10: x * 2 runs (doubling ${i + 1})${tail}`)
    })
  })
  push(lineOf(CODE, 'print('), `Same code, two graphs: ${runs.map(r => r.iterations.length).join(' vs ')} multiplications, decided at run time.`)
  const layout = unionSnapshots(steps.map(s => s.snapshot))
  markPrinted(steps, CODE, [['print(f"norm', 'norm']])
  for (const g of groups) g.nodes = layout.nodes.filter(n => n.id.startsWith(`${g.id}.`)).map(n => n.id)
  return { code: CODE, lang: 'python', steps, layout, groups }
}

export const dynamicControlFlow = cached(build)
