// Node labels in the program's own words: `a = x * x`, `3 * x`, `exp(x)`, instead of bare op names,
// built from each op's inputs. Names the code gives (a, y, dy/dx) are kept and prefix the expression.
import type { GraphSnapshot, SnapshotNode } from '../engine/index'
import type { DemoStep } from './types'

const INFIX: Record<string, { sym: string, prec: number }> = {
  add: { sym: '+', prec: 1 },
  sub: { sym: '-', prec: 1 },
  mul: { sym: '*', prec: 2 },
  div: { sym: '/', prec: 2 },
  gt: { sym: '>', prec: 0 },
  lt: { sym: '<', prec: 0 },
}
/** an input is spelled out inside another node's label only while it is this short */
const MAX_INNER = 9
/** `name = expression` only while it fits a box; beyond, the name alone */
const MAX_NAMED = 20
const NAME = /^[a-z_][\w/]*$/i

const isOp = (n: SnapshotNode) => n.kind === 'op' || n.kind === 'grad'
/** a name the program gave (a, y, dy/dx), as opposed to the op's own name */
const named = (n: SnapshotNode) => isOp(n) && n.label !== n.op && NAME.test(n.label)

export function expressionLabels(s: GraphSnapshot): Map<string, string> {
  const byId = new Map(s.nodes.map(n => [n.id, n]))
  const inputs = (id: string) => s.edges.filter(e => e.to === id).map(e => byId.get(e.from)!).filter(Boolean)
  const memo = new Map<string, { text: string, prec: number }>()
  /** nodes whose expression spells an input by its bare op name (too long to spell out) */
  const vague = new Set<string>()
  function expr(n: SnapshotNode): { text: string, prec: number } {
    const known = memo.get(n.id)
    if (known)
      return known
    let out = { text: n.label, prec: 9 }
    const args = inputs(n.id)
    const infix = INFIX[n.op]
    if (isOp(n) && !(n.label !== n.op && !named(n))) {
      // x * x reads x twice but has one edge
      const operands = infix && args.length === 1 ? [args[0], args[0]] : args
      const inner = operands.map(a => ref(a, n.id))
      if (infix && inner.length === 2) {
        const wrap = (a: { text: string, prec: number }, right: boolean) =>
          // a right operand of the same precedence is bracketed too: x * (2 * 3) reads as the code does
          a.prec < infix.prec || (right && a.prec === infix.prec) ? `(${a.text})` : a.text
        out = { text: `${wrap(inner[0], false)} ${infix.sym} ${wrap(inner[1], true)}`, prec: infix.prec }
      }
      else if (inner.length) {
        out = { text: `${n.op}(${inner.map(a => a.text).join(', ')})`, prec: 9 }
      }
    }
    memo.set(n.id, out)
    return out
  }
  /** how a node is spelled inside another's label */
  function ref(n: SnapshotNode, parent: string): { text: string, prec: number } {
    if (!isOp(n) || named(n))
      return { text: n.label, prec: 9 }
    const e = expr(n)
    if (e.text.length <= MAX_INNER)
      return e
    vague.add(parent)
    return { text: n.op, prec: 9 }
  }
  const labels = new Map<string, string>()
  for (const n of s.nodes) {
    if (!isOp(n) || (n.label !== n.op && !named(n)))
      continue
    const e = expr(n).text
    const full = `${n.label} = ${e}`
    labels.set(n.id, named(n) ? (full.length <= MAX_NAMED && !vague.has(n.id) ? full : n.label) : e)
  }
  return labels
}

/**
 * Relabels every step's snapshot and the layout graph with the expression labels of `source` (by
 * default the layout graph; a graph that passes rewrite is labelled as first captured).
 */
export function labelSteps(steps: readonly DemoStep[], layout: GraphSnapshot, source: GraphSnapshot = layout): void {
  const labels = expressionLabels(source)
  for (const s of [...steps.map(st => st.snapshot), layout]) {
    for (const n of s.nodes) n.label = labels.get(n.id) ?? n.label
  }
}

/**
 * Drops the scalar constants that every consumer's label already spells (`3 * x`, `1 * 3`): on a
 * graph with its gradient, their edges would cross the whole drawing.
 */
export function dropSpelledConstants(steps: readonly DemoStep[], layout: GraphSnapshot): GraphSnapshot {
  const spelled = new Set(layout.nodes.filter(c => c.kind === 'const' && c.shape.length === 0
    && layout.edges.filter(e => e.from === c.id).every(e => INFIX[layout.nodes.find(n => n.id === e.to)!.op])).map(c => c.id))
  const drop = (s: GraphSnapshot) => {
    s.nodes = s.nodes.filter(n => !spelled.has(n.id))
    s.edges = s.edges.filter(e => !spelled.has(e.from))
  }
  for (const st of steps) {
    drop(st.snapshot)
    for (const id of spelled) delete st.states[id]
    if (st.focus)
      st.focus = st.focus.filter(id => !spelled.has(id))
  }
  drop(layout)
  return layout
}
