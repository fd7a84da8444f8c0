// Demo 6, retracing: graphFunction (tf.function) traces once per input signature. Six different JS
// numbers are six signatures: six traces, six graphs in the cache (and the engine's retracing
// warning); the same six values as tensors share one signature: one trace, one graph.
import type { Graph, GraphSnapshot, Tensor } from '../engine/index'
import type { DemoScript, DemoStep, GraphGroup, NodeState } from './types'
import { graphFunction, record, snapshot, tensor } from '../engine/index'
import { labelSteps } from './labels'
import { markPrinted } from './output'
import { cached, foldConstants, lineOf, mergeSnapshots, unionSnapshots } from './replay'

/** The `calls` region of snippets/retracing.py, which the slide shows (a unit test keeps the two equal). */
export const CODE = [
  '@tf.function',
  'def scale(x, factor):',
  '    global traces',
  '    traces += 1  # Python code: runs only when tracing',
  '    return x * factor',
  '',
  '',
  'x = tf.ones(3)',
  'for k in range(6):',
  '    scale(x, k)  # a new Python int each time',
  'print("traces with python ints:", traces)',
  '',
  'traces = 0',
  'fresh = tf.function(scale.python_function)',
  'for k in range(6):',
  '    fresh(x, tf.constant(float(k)))  # a tensor',
  'print("traces with tensors    :", traces)',
]

export const FACTORS = [0, 1, 2, 3, 4, 5]

const scale = (x: Tensor, factor: Tensor | number): Tensor => x.mul(factor)

/** A cached graph as a group, ids prefixed. */
function picture(graph: Graph, prefix: string): GraphSnapshot {
  const s = foldConstants(snapshot(graph))
  return {
    nodes: s.nodes.map(n => ({ ...n, id: prefix + n.id })),
    edges: s.edges.map(e => ({ from: prefix + e.from, to: prefix + e.to })),
  }
}

/** The warning's first sentence, in TensorFlow's words (the engine calls tf.function graphFunction). */
const firstSentence = (message: string) => message.replace(/(?<=\.) .*$/s, '').replace('graphFunction', 'tf.function')

function build(): DemoScript {
  const withInts = graphFunction(scale, { name: 'scale', names: ['x', 'factor'] })
  const withTensors = graphFunction(scale, { name: 'scale', names: ['x', 'factor'] })
  const x = tensor([1, 1, 1])
  // One recording per call (its warning events) and whether the call traced (the counter grew).
  const call = (kind: 'int' | 'tensor', k: number) => {
    const fn = kind === 'int' ? withInts : withTensors
    const before = fn.traceCount
    const { events } = record(() => (kind === 'int' ? withInts(x, k) : withTensors(x, tensor(k))))
    return { kind, k, events, traced: fn.traceCount > before }
  }
  const calls = [...FACTORS.map(k => call('int', k)), ...FACTORS.map(k => call('tensor', k))]
  const graphs = { int: [...withInts.cache.values()], tensor: [...withTensors.cache.values()] }
  const groups: GraphGroup[] = [
    ...graphs.int.map((_, i) => ({ id: `i${i}`, label: `k=${FACTORS[i]}`, nodes: [] as string[] })),
    ...graphs.tensor.map((_, i) => ({ id: `t${i}`, label: 'k as a tensor', nodes: [] as string[] })),
  ]
  const shown: GraphSnapshot[] = []
  const steps: DemoStep[] = []
  const push = (line: number, caption: string, facts: Record<string, string>, warning?: string) => {
    const s = structuredClone(mergeSnapshots(...shown))
    const before = new Set(steps.at(-1)?.snapshot.nodes.map(n => n.id) ?? [])
    const states = Object.fromEntries(s.nodes.map(n => [n.id, (before.has(n.id) ? 'waiting' : 'new') as NodeState]))
    steps.push({ line, snapshot: s, states, caption, facts, ...(warning ? { warning } : {}) })
  }
  push(0, 'scale is a tf.function: each new input signature traces a new graph.', { traces: '0', cache: '0 graphs' })
  const intLine = lineOf(CODE, 'scale(x, k)')
  let traced = 0
  for (const c of calls.filter(c => c.kind === 'int')) {
    if (c.traced)
      shown.push(picture(graphs.int[traced++], `i${traced - 1}.`))
    const warning = c.events.find(e => e.type === 'warning')
    const what = c.traced ? `a new signature: trace ${traced}, with ${c.k} baked in as a constant` : 'a signature seen before: no trace'
    push(intLine, `scale(x, ${c.k}): ${what}.`, { traces: String(traced), cache: `${traced} graph${traced > 1 ? 's' : ''}` }, warning?.type === 'warning' ? firstSentence(warning.message) : undefined)
  }
  push(lineOf(CODE, 'python ints'), `${withInts.traceCount} calls with Python ints: ${withInts.traceCount} traces, ${withInts.cache.size} graphs.`, { traces: String(withInts.traceCount), cache: `${withInts.cache.size} graphs` })
  const tensorLine = lineOf(CODE, 'fresh(x, tf.constant')
  const tensorCalls = calls.filter(c => c.kind === 'tensor')
  shown.push(...graphs.tensor.map((g, i) => picture(g, `t${i}.`)))
  push(tensorLine, `With a tensor, factor is an input of the graph: the first call traces (${tensorCalls[0].traced ? 'trace 1' : 'no trace'}).`, { 'traces (tensors)': String(tensorCalls.slice(0, 1).filter(c => c.traced).length), 'cache': '1 graph' })
  const reused = tensorCalls.slice(1).filter(c => !c.traced).length
  push(tensorLine, `The other ${FACTORS.length - 1} calls: ${reused} reuse that graph, same signature (a scalar tensor).`, { 'traces (tensors)': String(withTensors.traceCount), 'cache': `${withTensors.cache.size} graph`, 'calls': String(FACTORS.length) })
  push(lineOf(CODE, 'with tensors'), `Same six values: ${withInts.traceCount} traces with Python ints, ${withTensors.traceCount} with tensors.`, { 'traces (ints)': String(withInts.traceCount), 'traces (tensors)': String(withTensors.traceCount) })
  const layout = unionSnapshots(steps.map(s => s.snapshot))
  labelSteps(steps, layout)
  markPrinted(steps, CODE, [['python ints', 'python ints'], ['with tensors', 'with tensors']])
  for (const g of groups) g.nodes = layout.nodes.filter(n => n.id.startsWith(`${g.id}.`)).map(n => n.id)
  return { code: CODE, lang: 'python', steps, layout, groups }
}

export const retracing = cached(build)
