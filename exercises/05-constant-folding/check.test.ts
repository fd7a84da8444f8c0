// Checks for exercise 05: the folded graph computes the same outputs (engine's Session), holds no op whose
// inputs are all constants, keeps placeholders and variables as they are, and after pruning holds
// exactly the nodes the outputs need.
import type { Graph, GraphNode } from '../../engine/index'
import { describe, expect, it } from 'vitest'
import { Graph as GraphClass, optimize, Session } from '../../engine/index'
import { expectClose } from '../check-helpers'
import { foldConstants, optimizeGraph, pruneUnused } from './exercise'

/**
 * y = x * W * (2 * 3 + 1) + relu(-(2))  — the scale and the relu depend on no input: foldable.
 * A placeholder x, a variable W, and a branch nobody uses: tanh(x).
 */
function buildModel(): Graph {
  const g = new GraphClass()
  const x = g.placeholder('x', [3])
  const W = g.variable('W', [0.5, -1, 2])
  const two = g.constant(2, 'two')
  const scale = g.add(g.mul(two, g.constant(3, 'three')), 1)
  const y = g.add(g.mul(g.mul(x, W), scale), g.relu(g.neg(two)))
  g.tanh(x) // not an output: pruning drops it
  g.outputs = [y]
  return g
}

const feeds = { x: [1, -2, 0.5] }
const opsOf = (g: Graph) => g.nodes.filter(n => n.inputs.length > 0).map(n => n.op)
const foldableLeft = (g: Graph) => g.nodes.filter(n => n.inputs.length > 0 && n.inputs.every(i => i.op === 'constant'))
const show = (nodes: GraphNode[]) => nodes.map(n => `${n.op}(${n.inputs.map(i => i.label).join(', ')})`)

describe('foldConstants', () => {
  it('computes the same output as the original graph', () => {
    const g = buildModel()
    const folded = foldConstants(g)
    expect(folded.outputs.length, 'how many outputs the folded graph declares').toBe(1)
    expectClose(new Session(folded).run(folded.outputs[0], feeds), new Session(g).run(g.outputs[0], feeds), 'the folded graph\'s output')
  })

  it('leaves no op whose inputs are all constants', () => {
    expect(show(foldableLeft(foldConstants(buildModel()))), 'ops left with only constant inputs').toEqual([])
  })

  it('keeps the ops that depend on the placeholder x or the variable W (a variable can change: never fold it)', () => {
    expect(opsOf(foldConstants(buildModel())), 'the op nodes left after folding, in order').toEqual(['mul', 'mul', 'add', 'tanh'])
  })

  it('keeps placeholders and variables as they are', () => {
    const folded = foldConstants(buildModel())
    const sources = folded.nodes.filter(n => n.op === 'placeholder' || n.op === 'variable').map(n => `${n.op} ${n.name}`)
    expect(sources, 'placeholders and variables after folding').toEqual(['placeholder x', 'variable W'])
  })
})

describe('pruneUnused', () => {
  it('after folding, keeps exactly what the output needs', () => {
    const g = buildModel()
    const pruned = optimizeGraph(g)
    expect(pruned.nodes.map(n => n.label), 'the nodes left: x, W, the folded scale 7, relu(-2) folded to 0, three ops')
      .toEqual(['x', 'W', '7', 'mul', 'mul', '0', 'add'])
    expectClose(new Session(pruned).run(pruned.outputs[0], feeds), new Session(g).run(g.outputs[0], feeds), 'the optimized graph\'s output')
  })

  it('on its own, drops a branch nobody uses and keeps the rest', () => {
    const g = buildModel()
    const pruned = pruneUnused(g)
    expect(opsOf(pruned), 'the op nodes left by pruneUnused alone').toEqual(['mul', 'add', 'mul', 'mul', 'neg', 'relu', 'add'])
  })

  it('leaves the same nodes as the engine\'s own passes on another graph', () => {
    const g = new GraphClass()
    const x = g.placeholder('x', [2, 3])
    const W = g.variable('W', [[1, 0], [0, 1], [1, 1]])
    const k = g.mean(g.constant([1, 2, 3], 'k')) // 2, known before any run
    const loss = g.add(g.sum(g.mul(g.matmul(x, W), k)), g.exp(g.mul(k, 0)))
    g.outputs = [loss]
    const engine = optimize(g, { passes: ['constant-folding', 'prune'] }).graph
    const mine = optimizeGraph(g)
    expect(mine.nodes.map(n => n.label), 'the nodes left, compared with optimize(graph, { passes: [\'constant-folding\', \'prune\'] })')
      .toEqual(engine.nodes.map(n => n.label))
    const feeds2 = { x: [[1, 2, 3], [-1, 0.5, 2]] }
    expectClose(new Session(mine).run(mine.outputs[0], feeds2), new Session(g).run(loss, feeds2), 'the optimized graph\'s output')
  })
})
