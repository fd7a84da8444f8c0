import type { PassResult, Work, WorkNode } from './work'
import { formatShape } from '../errors'
import { attrsKey } from '../ops/attrs-key'
import { labelOf } from '../ops/registry'
import { isOpaque } from './work'

/**
 * Common-subexpression elimination: two nodes with the same op, the same inputs and the same attrs
 * compute the same value, so the later one is merged into the earlier (its users now read the earlier
 * one). Equal unnamed constants merge too, which is what lets `x + 1` and `x + 1` meet.
 * Placeholders and variables never merge: each is its own value.
 */
export function cse(w: Work): PassResult {
  const first = new Map<string, WorkNode>()
  const into = new Map<string, string>()
  const merged: PassResult['merged'] = []
  const said: string[] = []
  for (const n of w.nodes) {
    n.inputs = n.inputs.map(x => into.get(x) ?? x)
    const key = keyOf(n)
    if (key === null)
      continue
    const kept = first.get(key)
    if (kept?.name && n.name)
      continue // two names for one value: keep both, so either can still be fetched
    if (!kept) {
      first.set(key, n)
      continue
    }
    into.set(n.id, kept.id)
    merged.push({ from: n.id, into: kept.id })
    said.push(`merged ${n.id} into ${kept.id} (both ${n.inputs.length ? `${labelOf(kept)} of ${n.inputs.join(', ')}` : `the constant ${labelOf(kept)}`})`)
    // Keep what the removed node carried: a name to fetch it by, the gradients it stands for.
    kept.name ??= n.name
    kept.gradOf.push(...n.gradOf)
  }
  w.outputs = w.outputs.map(x => into.get(x) ?? x)
  w.remove(new Set(into.keys()))
  return {
    removed: [...into.keys()],
    created: [],
    merged,
    summary: said.length ? said.join('; ') : 'no repeated subexpressions',
  }
}

/** Equal keys mean equal values; null means never merge. */
function keyOf(n: WorkNode): string | null {
  if (n.op === 'constant')
    return n.name || !n.value ? null : `constant${formatShape(n.shape)}${Array.from(n.value.data, v => (Object.is(v, -0) ? '-0' : String(v))).join(',')}`
  if (n.inputs.length === 0 || isOpaque(n))
    return null
  return `${n.op}|${attrsKey(n.attrs)}|${n.inputs.join(',')}`
}
