import type { NDArray } from '../ops/types'
import type { PassResult, Work, WorkNode } from './work'
import { formatShape } from '../errors'
import { evaluate } from '../evaluate'
import { getOp, labelOf } from '../ops/registry'
import { runOp } from '../ops/run'
import { formatNumber, isOpaque } from './work'

const INFIX: Record<string, { sym: string, prec: number }> = {
  add: { sym: ' + ', prec: 1 },
  sub: { sym: ' - ', prec: 1 },
  mul: { sym: '·', prec: 2 },
  div: { sym: '/', prec: 2 },
}

/**
 * Constant folding: an op whose inputs are all constants is computed now, with the registry's forward,
 * and becomes a constant. Whole constant subexpressions fold at once (2·3 + 1 becomes 7); constants
 * used only by folded ops go with them. Variables are not constants (a session may assign them).
 */
export function constantFolding(w: Work): PassResult {
  const byId = w.byId()
  const folded = new Set<string>()
  // The one interpreter, run on what is known before the graph runs: constants. Everything fed or
  // assigned, and whatever depends on it, stays unknown (null).
  const graph = w.linked()
  const unknown = () => null
  const computed = evaluate<NDArray | null>(graph, graph.nodes, { placeholder: unknown, variable: unknown, constant: n => n.value ?? null }, (n, args) => {
    if (n.inputs.length === 0 || isOpaque(n) || args.includes(null))
      return null
    try {
      const value = runOp(getOp(n.op), args as NDArray[], n.attrs)
      folded.add(n.id)
      return value
    }
    catch {
      return null // it would fail at run time too; leave it there, where the session reports it
    }
  })
  const values = new Map([...computed].map(([n, v]) => [n.id, v]))

  // Who uses each node: a folded node used only by folded nodes needs no constant of its own.
  const users = new Map<string, string[]>()
  for (const n of w.nodes) {
    for (const x of n.inputs) users.set(x, [...(users.get(x) ?? []), n.id])
  }
  const isOutput = new Set(w.outputs)
  const absorbed = (id: string) => !isOutput.has(id) && (users.get(id) ?? []).length > 0 && users.get(id)!.every(u => folded.has(u))
  const removed = new Set([...folded, ...w.nodes.filter(n => n.op === 'constant' && !n.name && absorbed(n.id)).map(n => n.id)])

  const created: PassResult['created'] = []
  const said: string[] = []
  const replacement = new Map<string, WorkNode>()
  for (const n of w.nodes) {
    if (!folded.has(n.id) || absorbed(n.id))
      continue
    const value = values.get(n.id)!
    const c: WorkNode = { id: w.freshId(), op: 'constant', inputs: [], attrs: {}, shape: [...value.shape], kind: 'const', name: n.name, value, gradOf: n.gradOf }
    replacement.set(n.id, c)
    created.push({ id: c.id, op: 'constant', label: labelOf(c), from: subexpression(n, byId, folded).filter(id => removed.has(id)) })
    const result = value.data.length === 1 && value.shape.length === 0 ? `the constant ${formatNumber(value.data[0])}` : `a constant of shape ${formatShape(value.shape)}`
    said.push(`folded ${describe(n, byId, folded)} into ${result}`)
  }

  const removedInOrder = w.nodes.filter(n => removed.has(n.id)).map(n => n.id)
  w.nodes = w.nodes.flatMap(n => (replacement.has(n.id) ? [replacement.get(n.id)!] : removed.has(n.id) ? [] : [n]))
  for (const [from, c] of replacement) w.redirect(from, c.id)
  return {
    removed: removedInOrder,
    created,
    merged: [],
    summary: said.length ? said.join('; ') : 'nothing to fold: no op has only constant inputs',
  }
}

/** The ids of the folded subexpression ending at `n`, in run order: folded ops and their constants. */
function subexpression(n: WorkNode, byId: Map<string, WorkNode>, folded: ReadonlySet<string>): string[] {
  const seen = new Set<string>()
  const visit = (id: string) => {
    if (seen.has(id))
      return
    if (folded.has(id))
      byId.get(id)!.inputs.forEach(visit)
    seen.add(id)
  }
  visit(n.id)
  return [...seen]
}

/** The folded expression as a learner would write it: `2·3 + 1`, `exp(0)`. Long ones are summarised. */
function describe(n: WorkNode, byId: Map<string, WorkNode>, folded: ReadonlySet<string>): string {
  const text = (id: string): { s: string, prec: number } => {
    const m = byId.get(id)!
    if (!folded.has(id))
      return { s: m.op === 'constant' && m.value?.data.length === 1 && !m.name ? formatNumber(m.value.data[0]) : labelOf(m), prec: 3 }
    const infix = INFIX[m.op]
    if (!infix)
      return { s: `${labelOf(m)}(${m.inputs.map(x => text(x).s).join(', ')})`, prec: 3 }
    const [a, b] = m.inputs.map(text)
    // Parentheses where precedence needs them; the right side of - and / also when equal.
    const left = a.prec < infix.prec ? `(${a.s})` : a.s
    const right = b.prec < infix.prec || (b.prec === infix.prec && (m.op === 'sub' || m.op === 'div')) ? `(${b.s})` : b.s
    return { s: `${left}${infix.sym}${right}`, prec: infix.prec }
  }
  const s = text(n.id).s
  return s.length <= 60 ? s : `${labelOf(n)}(…), ${subexpression(n, byId, folded).length} nodes`
}
