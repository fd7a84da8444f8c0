// Demo 1, define-by-run (PyTorch style): each click runs the next line eagerly and the node it made
// appears with its value; backward() then sends gradients back one node at a time.
import type { DemoScript, DemoStep, NodeState } from './types'
import { tensor } from '../engine/index'
import { formatNumber } from './format'
import { labelSteps } from './labels'
import { markPrinted } from './output'
import { cached, lineOf, recordChunks, Replay, unionSnapshots } from './replay'
import { edgeKey } from './types'

/** snippets/define-by-run.py, which the slide shows (a unit test keeps the two equal). */
export const CODE = [
  '# Define-by-run: each line runs now and is recorded.',
  'import torch',
  '',
  'x = torch.tensor(2.0, requires_grad=True)',
  'a = x * x                 # computed now: 4.0',
  'y = a + 3 * x             # computed now: 10.0',
  'print("y =", y.item())    # a real number, mid-way',
  '',
  'y.backward()              # walk the record backwards',
  'print("dy/dx =", x.grad.item())',
]

function build(): DemoScript {
  const { result, chunks } = recordChunks((step) => {
    const x = step(() => tensor(2, { requiresGrad: true, name: 'x' }))
    const a = step(() => x.mul(x))
    // 3 * x as the slide writes it: the constant is the first operand
    const y = step(() => a.add(tensor(3, { name: '3' }).mul(x)))
    const yValue = y.item()
    step(() => y.backward())
    return { x, a, y, aValue: a.item(), yValue, grad: x.grad!.item() }
  })
  const [xEvents, aEvents, yEvents, backwardEvents] = chunks
  const { x, a, y } = result
  const replay = new Replay()
  const steps: DemoStep[] = []
  const computed = (fresh: string[] = []): Record<string, NodeState> =>
    Object.fromEntries(replay.snapshot().nodes.map(n => [n.id, fresh.includes(n.id) ? 'new' : n.grad !== undefined ? 'gradient' : 'computed']))
  const push = (line: number, caption: string, fresh: string[] = [], edges?: DemoStep['edges']) =>
    steps.push({ line, snapshot: replay.snapshot(), states: computed(fresh), caption, ...(edges ? { edges } : {}) })

  push(0, 'Nothing has run yet, so there is no graph.')
  push(lineOf(CODE, 'x = torch.tensor'), 'x is created now, with its value: a leaf that autograd will track.', replay.apply(xEvents))
  const aNew = replay.apply(aEvents)
  replay.name(a.id, 'a')
  push(lineOf(CODE, 'a = x * x'), `x * x runs at once: a = ${formatNumber(result.aValue)}. The mul node records its inputs.`, aNew)
  const yNew = replay.apply(yEvents)
  replay.name(y.id, 'y')
  push(lineOf(CODE, 'y = a + 3 * x'), `3 * x, then a + 3x: y = ${formatNumber(result.yValue)}, already a number.`, yNew)
  push(lineOf(CODE, 'y.item()'), `y.item() is ${formatNumber(result.yValue)}: values exist mid-computation, print or debug them.`)
  // backward(): one gradient event per node, outputs first; the edges into that node's consumers carried it.
  for (const e of backwardEvents) {
    replay.apply([e])
    if (e.type !== 'grad')
      continue
    const edges = Object.fromEntries(replay.consumers(e.id).map(to => [edgeKey(e.id, to), 'gradient' as const]))
    const caption = e.id === y.id
      ? 'backward() starts at y with gradient 1 and walks the recorded nodes in reverse.'
      : e.id === x.id
        ? `Both paths reach x and add up: dy/dx = 2x + 3 = ${formatNumber(result.grad)}.`
        : `Gradient ${formatNumber(e.grad as number)} flows back into {${e.id}}.`
    push(lineOf(CODE, 'y.backward()'), caption, [], edges)
  }
  push(lineOf(CODE, 'x.grad'), `x.grad = ${formatNumber(result.grad)}. The graph is thrown away; the next call records a new one.`)
  const layout = unionSnapshots(steps.map(s => s.snapshot))
  labelSteps(steps, layout)
  // captions name nodes as the graph now labels them (`3 * x`, `a`)
  const labels = new Map(layout.nodes.map(n => [n.id, n.label.replace(/ = .*/, '')]))
  for (const s of steps) s.caption = s.caption.replace(/\{(\w+)\}/g, (_, id: string) => labels.get(id) ?? id)
  markPrinted(steps, CODE, [['print("y ="', 'y ='], ['print("dy/dx', 'dy/dx']])
  return { code: CODE, lang: 'python', steps, layout }
}

export const defineByRun = cached(build)
