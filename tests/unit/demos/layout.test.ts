// The layout of every demo's final graph (charts/): computed once, nothing overlaps, and every node
// of every step has its one place, so stepping never moves a node and costs no layout.
import { describe, expect, it } from 'vitest'
import { layoutDemo } from '../../../charts/demo-layout'
import { overlaps, segmentHitsBox } from '../../../charts/graph-layout'
import { titleRows } from '../../../charts/graph-text'
import { DEMO_SCRIPTS, DEMO_VIEWS, layoutOptions } from '../../../demos/index'

const demos = Object.entries(DEMO_SCRIPTS).map(([alias, build]) => {
  const view = DEMO_VIEWS[alias as keyof typeof DEMO_VIEWS]
  const script = build()
  const options = layoutOptions(view)
  return { alias, script, options, layout: layoutDemo(script, options), view }
})

describe.each(demos)('layout of $alias', ({ script, layout, options }) => {
  const boxes = Object.entries(layout.nodes)

  it('is computed once: the same object for every later call', () => {
    expect(layoutDemo(script, { ...options })).toBe(layout)
  })

  it('places every node any step shows', () => {
    for (const step of script.steps) {
      for (const n of step.snapshot.nodes) expect(layout.nodes[n.id], `${n.id} (${n.label})`).toBeDefined()
    }
  })

  it('has no two nodes overlapping', () => {
    for (const [i, [a, boxA]] of boxes.entries()) {
      for (const [b, boxB] of boxes.slice(i + 1)) expect(overlaps(boxA, boxB), `${a} and ${b}`).toBe(false)
    }
  })

  it('keeps badges inside their own node, clear of its text rows', () => {
    for (const [id, n] of boxes) {
      if (!n.badge)
        continue
      expect(n.badge.x, id).toBeGreaterThanOrEqual(0)
      expect(n.badge.x + n.badge.width, id).toBeLessThanOrEqual(n.width)
      expect(n.badge.y + n.badge.height, id).toBeLessThanOrEqual(n.height)
      expect(n.badge.y, id).toBeGreaterThanOrEqual(n.rows * 21)
    }
  })

  it('routes no edge through a node it does not join', () => {
    for (const [key, points] of Object.entries(layout.edges)) {
      const [from, to] = key.split('->')
      for (const [id, box] of boxes) {
        if (id === from || id === to)
          continue
        const hit = points.slice(1).some((q, k) => segmentHitsBox(points[k], q, box, 2))
        expect(hit, `edge ${key} crosses node ${id}`).toBe(false)
      }
    }
  })

  it('puts each group\'s nodes inside its box, and groups apart', () => {
    for (const g of layout.groups) {
      for (const id of script.groups?.find(x => x.id === g.id)?.nodes ?? []) {
        const n = layout.nodes[id]
        expect(n.x >= g.x && n.y >= g.y && n.x + n.width <= g.x + g.width && n.y + n.height <= g.y + g.height, `${id} in ${g.id}`).toBe(true)
      }
    }
    for (const [i, a] of layout.groups.entries()) {
      for (const b of layout.groups.slice(i + 1)) expect(overlaps(a, b), `${a.id} and ${b.id}`).toBe(false)
    }
  })
})

describe('room for the graph', () => {
  it('breaks a long title on two rows where the expression reads on', () => {
    expect(titleRows('s = exp(x) + exp(x)', 15)).toEqual(['s = exp(x)', '+ exp(x)'])
    expect(titleRows('fused(mul→exp→add→sub→relu)', 15)).toEqual(['fused(mul→exp→', 'add→sub→relu)'])
    expect(titleRows('cond(then: add, else: sub)', 15)).toEqual(['cond(then: add,', 'else: sub)'])
    expect(titleRows('y = relu(a - s)', 15)).toEqual(['y = relu(a - s)'])
  })

  it('puts the fused node below its inputs, in room the nodes it is shown with leave, and no wider', () => {
    const { script, layout } = demos.find(d => d.alias === 'graph-passes')!
    const [fused] = Object.keys(script.replaces ?? {})
    const box = layout.nodes[fused]
    const inputs = script.layout.edges.filter(e => e.to === fused).map(e => layout.nodes[e.from])
    for (const b of inputs) expect(box.y, 'below its inputs').toBeGreaterThan(b.y + b.height)
    const others = Object.entries(layout.nodes).filter(([id]) => id !== fused).map(([, b]) => b)
    expect(box.x + box.width).toBeLessThanOrEqual(Math.max(...others.map(b => b.x + b.width)))
  })

  it('packs compile-demo\'s graphs in columns: graph 2 under graph 1', () => {
    const { layout } = demos.find(d => d.alias === 'compile-demo')!
    const at = (id: string) => layout.groups.find(g => g.id === id)!
    expect(at('g1').x).toBe(at('g0').x)
    expect(at('g1').y).toBeGreaterThan(at('g0').y + at('g0').height)
    expect(at('g2').x).toBeGreaterThan(at('g0').x + at('g0').width)
  })
})
