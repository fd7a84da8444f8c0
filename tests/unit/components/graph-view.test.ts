// @vitest-environment happy-dom
import type { GraphSnapshot } from '../../../engine/index'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { layoutGraph } from '../../../charts/graph-layout'
import GraphView from '../../../components/GraphView.vue'

const final: GraphSnapshot = {
  nodes: [
    { id: 'n1', op: 'tensor', label: 'x', shape: [], kind: 'param', value: 2, grad: 7 },
    { id: 'n2', op: 'mul', label: 'a', shape: [], kind: 'op', value: 4 },
    { id: 'n3', op: 'add', label: 'add', shape: [2], kind: 'op' },
  ],
  edges: [{ from: 'n1', to: 'n2' }, { from: 'n1', to: 'n2' }, { from: 'n2', to: 'n3' }],
}
const opts = { direction: 'TB', compact: false, showValues: true } as const
const layout = layoutGraph(final, { ...opts, badged: new Set(['n1', 'n2', 'n3']) })
const partial: GraphSnapshot = { nodes: final.nodes.slice(0, 2).map(n => ({ ...n, grad: undefined })), edges: final.edges.slice(0, 2) }

function setReducedMotion(matches: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: matches && query.includes('reduce'), media: query, addEventListener: () => {}, removeEventListener: () => {} }))
}

afterEach(() => vi.unstubAllGlobals())

describe('graphView', () => {
  it('marks every node and edge for tests and checks', () => {
    setReducedMotion(false)
    const w = mount(GraphView, { props: { snapshot: final, layout, states: { n1: 'gradient', n2: 'new', n3: 'removed' } } })
    const nodes = w.findAll('[data-node]')
    expect(nodes.map(n => n.attributes('data-node'))).toEqual(['n1', 'n2', 'n3'])
    expect(nodes.map(n => n.attributes('data-op'))).toEqual(['tensor', 'mul', 'add'])
    expect(nodes.map(n => n.attributes('data-state'))).toEqual(['gradient', 'new', 'removed'])
    // x * x draws one edge, not two
    expect(w.findAll('[data-edge]').map(e => e.attributes('data-edge'))).toEqual(['n1->n2', 'n2->n3'])
  })

  it('shows values, gradients and shapes, and defaults states from what is known', () => {
    setReducedMotion(false)
    const w = mount(GraphView, { props: { snapshot: final, layout } })
    const text = (id: string) => w.find(`[data-node="${id}"]`).text()
    expect(text('n1')).toContain('= 2')
    expect(text('n1')).toContain('grad 7')
    expect(text('n2')).toMatch(/a\s*= 4/)
    expect(text('n3')).toContain('= ? [2]')
    expect(w.find('[data-node="n3"]').attributes('data-state')).toBe('waiting')
    expect(w.find('[data-node="n2"]').attributes('data-state')).toBe('computed')
  })

  it('draws only what it is given: no node without a place, no layout of its own', () => {
    setReducedMotion(false)
    const w = mount(GraphView, { props: { snapshot: final, layout: layoutGraph(partial, opts) } })
    expect(w.findAll('[data-node]').map(n => n.attributes('data-node'))).toEqual(['n1', 'n2'])
    expect(w.attributes('viewBox')).toBe(Object.values(layoutGraph(partial, opts).viewBox).join(' '))
  })

  it('puts a badge inside its own node, below the text, and only on nodes sized for one', () => {
    setReducedMotion(false)
    const w = mount(GraphView, { props: { snapshot: final, layout: layoutGraph(final, { ...opts, badged: new Set(['n2']) }), states: { n1: 'new', n2: 'new' } } })
    expect(w.find('[data-node="n1"] .gv-badge').exists()).toBe(false)
    const badge = w.find('[data-node="n2"] .gv-badge')
    expect(badge.text()).toBe('NEW')
    const y = Number(/translate\([\d.]+,([\d.]+)\)/.exec(badge.attributes('transform')!)![1])
    const lastText = Math.max(...w.findAll('[data-node="n2"] .gv-text').map(t => Number(t.attributes('y'))))
    expect(y).toBeGreaterThan(lastText)
  })

  it('tells states apart without colour: badge text, outline style, struck title', () => {
    setReducedMotion(false)
    const w = mount(GraphView, { props: { snapshot: final, layout, states: { n1: 'frozen', n2: 'fused', n3: 'removed' } } })
    expect(w.find('[data-node="n1"] .gv-badge').text()).toBe('FROZEN')
    expect(w.find('[data-node="n2"] .gv-badge').text()).toBe('FUSED')
    expect(w.findAll('[data-node="n2"] rect.gv-inner')).toHaveLength(1) // double outline
    expect(w.find('[data-node="n3"] .gv-badge').text()).toBe('REMOVED')
    expect(w.find('[data-node="n1"]').classes()).toContain('gv-node--frozen')
  })

  it('keeps each node in place while the graph grows (layout from the final graph)', () => {
    setReducedMotion(false)
    const before = mount(GraphView, { props: { snapshot: partial, layout } })
    const after = mount(GraphView, { props: { snapshot: final, layout } })
    for (const id of ['n1', 'n2'])
      expect(before.find(`[data-node="${id}"]`).attributes('transform')).toBe(after.find(`[data-node="${id}"]`).attributes('transform'))
    expect(before.findAll('[data-node]')).toHaveLength(2)
    expect(before.attributes('viewBox')).toBe(after.attributes('viewBox'))
  })

  it('has an accessible name that lists the nodes', () => {
    setReducedMotion(false)
    const w = mount(GraphView, { props: { snapshot: final, layout, label: 'Eager graph' } })
    expect(w.attributes('role')).toBe('img')
    expect(w.attributes('aria-label')).toMatch(/^Eager graph: 3 nodes\. x = 2, grad 7; a = 4; add no value/)
  })

  it('animates only when asked and when the user has not asked for reduced motion', async () => {
    setReducedMotion(false)
    expect(mount(GraphView, { props: { snapshot: final, layout } }).attributes('data-animate')).toBe('on')
    expect(mount(GraphView, { props: { snapshot: final, layout, animate: false } }).attributes('data-animate')).toBe('off')
    setReducedMotion(true)
    const reduced = mount(GraphView, { props: { snapshot: final, layout } })
    await reduced.vm.$nextTick()
    expect(reduced.attributes('data-animate')).toBe('off')
    expect(reduced.find('.gv-nodes').element.tagName.toLowerCase()).toBe('g')
  })
})
