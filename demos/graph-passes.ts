// Demo 5, graph passes: a captured graph goes through constant folding, CSE, dead-node pruning and
// elementwise fusion, one pass per click, as `optimize` logs them. Each step draws the graph before
// the pass with what it removed (faded) and what it created, then the next step shows the result.
import type { GraphSnapshot, PassLogEntry } from '../engine/index'
import type { DemoScript, DemoStep, NodeState } from './types'
import { Graph, optimize, PASS_NAMES, Session, snapshot } from '../engine/index'
import { formatValue } from './format'
import { labelSteps } from './labels'
import { cached, lineOf, unionSnapshots } from './replay'

/** The program whose graph is optimised, as shown beside the demo (engine API, TS). */
export const CODE = [
  'const x = g.placeholder(\'x\', [2])',
  'const a = g.mul(x, g.mul(2, 3))       // 2·3: constant',
  'const s = g.add(g.exp(x), g.exp(x))   // exp(x) twice',
  'g.log(x)                              // nobody uses it',
  'const y = g.relu(g.sub(a, s))',
  'optimize(g, { outputs: [y] })',
]

export const INPUT = [1, 2]

const PASS_TITLES: Record<string, string> = {
  'constant-folding': 'Constant folding',
  'cse': 'Common subexpressions',
  'prune': 'Dead-node pruning',
  'fusion': 'Fusion',
}

/** The log's summary with node ids (not shown on the slide) replaced by the labels that are. */
function readable(summary: string, s: GraphSnapshot): string {
  const label = new Map(s.nodes.map(n => [n.id, n.label]))
  return summary
    .replace(/ \((?:n\d+, )*n\d+\)/g, '') // "(n5, n6, n8)": the chain is already spelled out
    .replace(/\bn\d+\b/g, id => label.get(id) ?? id)
    .replace(/(\S+) \(\1\)/g, '$1') // "log (log)"
    .replace(/one node fused\([^)]*\)/, 'one fused node')
    .replace(/merged (\S+) into \1 \(both (\w+) of (\w+)\)/, 'two $2($3) became one') // CSE: "merged exp into exp (both exp of x)"
}

function captured(): Graph {
  const g = new Graph()
  const x = g.placeholder('x', [2])
  const a = g.mul(x, g.mul(g.constant(2), g.constant(3)))
  const s = g.add(g.exp(x), g.exp(x))
  g.log(x)
  g.outputs = [g.relu(g.sub(a, s))]
  return g
}

/** The graph after the first k passes, with the values a session computes for INPUT. */
function after(g: Graph, k: number): { snapshot: GraphSnapshot, log: PassLogEntry[], output: string } {
  const { graph, log } = optimize(g, { passes: PASS_NAMES.slice(0, k) })
  const session = new Session(graph)
  const [out] = session.run(graph.outputs, { x: INPUT })
  return { snapshot: snapshot(graph, { values: session.lastValues }), log, output: formatValue(out.toArray()) }
}

function build(): DemoScript {
  const g = captured()
  const stages = PASS_NAMES.map((_, k) => after(g, k + 1))
  const start = after(g, 0)
  const steps: DemoStep[] = []
  const replaces: Record<string, string[]> = {}
  const line = lineOf(CODE, 'optimize(')
  const baseStates = (s: GraphSnapshot) =>
    Object.fromEntries(s.nodes.map(n => [n.id, (n.op === 'fused' ? 'fused' : 'computed') as NodeState]))
  steps.push({
    line: 0,
    snapshot: start.snapshot,
    states: baseStates(start.snapshot),
    caption: `As captured: ${start.snapshot.nodes.length} nodes; y(${formatValue(INPUT)}) = ${start.output}.`,
    facts: { nodes: String(start.snapshot.nodes.length) },
  })
  let before = start
  for (const [k, stage] of stages.entries()) {
    const entry = stage.log[k]
    // Before and after in one picture: what the pass removed stays, faded, for this step.
    const both = unionSnapshots([before.snapshot, stage.snapshot])
    const states = baseStates(both)
    for (const id of entry.removed) states[id] = 'removed'
    for (const c of entry.created) states[c.id] = c.op === 'fused' ? 'fused' : 'new'
    for (const c of entry.created.filter(c => c.op === 'fused')) replaces[c.id] = c.from
    steps.push({
      line,
      snapshot: both,
      states,
      caption: `${PASS_TITLES[entry.pass]}: ${readable(entry.summary, both)}.`,
      facts: { pass: `${k + 1}/${PASS_NAMES.length} ${PASS_TITLES[entry.pass].toLowerCase()}`, nodes: `${before.snapshot.nodes.length} → ${stage.snapshot.nodes.length}` },
    })
    before = stage
  }
  steps.push({
    line,
    snapshot: before.snapshot,
    states: baseStates(before.snapshot),
    caption: `${start.snapshot.nodes.length} nodes became ${before.snapshot.nodes.length}; y(${formatValue(INPUT)}) is still ${before.output}.`,
    facts: { nodes: `${start.snapshot.nodes.length} → ${before.snapshot.nodes.length}` },
  })
  const layout = unionSnapshots(steps.map(s => s.snapshot))
  // the names the code gives (const a = …, const s = …, const y = …), on the graph as captured
  const first = steps[0].snapshot
  const names = { mul: 'a', add: 's', relu: 'y' } as Record<string, string>
  const named = new Map(first.nodes.filter(n => names[n.op] && first.edges.some(e => e.to === n.id && first.nodes.find(x => x.id === e.from)!.kind !== 'const')).map(n => [n.id, names[n.op]]))
  for (const s of [...steps.map(st => st.snapshot), layout]) {
    for (const n of s.nodes) n.label = named.get(n.id) ?? n.label
  }
  labelSteps(steps, layout, first)
  return { code: CODE, lang: 'ts', steps, layout, replaces }
}

export const graphPasses = cached(build)
