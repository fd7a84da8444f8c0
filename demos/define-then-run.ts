// Demo 2, define-then-run (TensorFlow 1 style): the clicks first build the whole graph, every node
// empty; then session.run feeds x and the values flow through in topological order, wave by wave.
import type { EngineEvent } from '../engine/index'
import type { DemoScript, DemoStep, GraphGroup, NodeState } from './types'
import { Graph, Session } from '../engine/index'
import { formatNumber } from './format'
import { dropSpelledConstants, labelSteps } from './labels'
import { markPrinted } from './output'
import { cached, lineOf, recordChunks, Replay, unionSnapshots } from './replay'
import { edgeKey } from './types'

/** snippets/define-then-run.py, which the slide shows (a unit test keeps the two equal). */
export const CODE = [
  '# Define-then-run (TF 1.x style): build, then run.',
  'import tensorflow as tf',
  '',
  'tf.compat.v1.disable_eager_execution()',
  'v1 = tf.compat.v1',
  '',
  'x = v1.placeholder(tf.float32, shape=(), name="x")',
  'y = x * x + 3.0 * x    # adds nodes, computes nothing',
  '(dy_dx,) = v1.gradients(y, [x])',
  'print(y)                     # a symbol, not a value',
  '',
  'with v1.Session() as sess:',
  '    out = sess.run([y, dy_dx], feed_dict={x: 2.0})',
  'print("y =", float(out[0]), "| dy/dx =", float(out[1]))',
]

/** Splits a session's value events into waves: each node in the first wave after all its inputs. */
function waves(events: readonly EngineEvent[], inputsOf: (id: string) => string[]): string[][] {
  const depth = new Map<string, number>()
  const out: string[][] = []
  for (const e of events) {
    if (e.type !== 'value')
      continue
    const d = Math.max(-1, ...inputsOf(e.id).map(i => depth.get(i) ?? -1)) + 1
    depth.set(e.id, d)
    ;(out[d] ??= []).push(e.id)
  }
  return out
}

function build(): DemoScript {
  const { result, chunks } = recordChunks((step) => {
    const g = new Graph()
    const x = step(() => g.placeholder('x', []))
    const y = step(() => g.add(g.mul(x, x), g.mul(3, x)))
    const [dx] = step(() => g.gradients(y, [x]))
    const [yVal, gVal] = step(() => new Session(g).run([y, dx], { x: 2 }))
    return { x, y, dx, yVal: yVal.item(), gVal: gVal.item() }
  })
  const [xEvents, yEvents, gradEvents, runEvents] = chunks
  const { y, dx } = result
  const replay = new Replay()
  const steps: DemoStep[] = []
  const states = (fresh: readonly string[] = []): Record<string, NodeState> =>
    Object.fromEntries(replay.snapshot().nodes.map(n => [n.id, fresh.includes(n.id) ? 'new' : n.value !== undefined ? 'computed' : 'waiting']))
  const push = (line: number, caption: string, fresh: readonly string[] = [], flow?: { focus: string[], edges: DemoStep['edges'] }) =>
    steps.push({ line, snapshot: replay.snapshot(), states: states(fresh), caption, ...flow })

  push(0, 'Nothing is described yet: the graph is empty.')
  push(lineOf(CODE, 'placeholder('), 'A placeholder: a node with a shape and no value.', replay.apply(xEvents))
  const yNew = replay.apply(yEvents)
  replay.name(y.id, 'y')
  push(lineOf(CODE, 'y = x * x'), `x * x + 3.0 * x adds ${yNew.length} nodes. Nothing is computed.`, yNew)
  const gradNew = replay.apply(gradEvents)
  replay.name(dx.id, 'dy/dx')
  push(lineOf(CODE, 'gradients('), `tf.gradients adds ${gradNew.length} more nodes: the backward pass is part of the graph.`, gradNew)
  push(lineOf(CODE, 'print(y)'), 'print(y) shows a symbol: y has a shape but no value yet.')

  const inputsOf = (id: string) => replay.snapshot().edges.filter(e => e.to === id).map(e => e.from)
  const flow = waves(runEvents, inputsOf)
  for (const [k, wave] of flow.entries()) {
    replay.apply(runEvents.filter(e => e.type === 'value' && wave.includes(e.id)))
    const edges = Object.fromEntries(wave.flatMap(id => inputsOf(id).map(from => [edgeKey(from, id), 'active' as const])))
    const caption = k === 0
      ? 'session.run feeds x = 2 into the placeholder.'
      : `Wave ${k + 1}: ${wave.length} node${wave.length > 1 ? 's' : ''} whose inputs are ready.`
    push(lineOf(CODE, 'sess.run('), caption, [], { focus: wave, edges })
  }
  const skipped = replay.snapshot().nodes.filter(n => n.value === undefined)
  push(lineOf(CODE, 'print("y ="'), `y = ${formatNumber(result.yVal)}, dy/dx = ${formatNumber(result.gVal)}.${skipped.length ? ` ${skipped.length} node${skipped.length > 1 ? 's' : ''} not needed for the fetches never ran.` : ''}`)
  const layout = unionSnapshots(steps.map(s => s.snapshot))
  labelSteps(steps, layout)
  dropSpelledConstants(steps, layout)
  // Two lanes: what the code wrote (forward) and what tf.gradients added (the seed 1 included).
  const backward = new Set([...gradNew, ...layout.nodes.filter(n => n.kind === 'grad').map(n => n.id)])
  const groups: GraphGroup[] = [
    { id: 'forward', label: 'forward: y', nodes: layout.nodes.filter(n => !backward.has(n.id)).map(n => n.id) },
    { id: 'gradient', label: 'added by tf.gradients', nodes: layout.nodes.filter(n => backward.has(n.id)).map(n => n.id) },
  ]
  markPrinted(steps, CODE, [['print(y)', 'Tensor('], ['print("y ="', 'y =']])
  return { code: CODE, lang: 'python', steps, layout, groups }
}

export const defineThenRun = cached(build)
