// The text a graph node shows, row by row: shared by the layout (which sizes boxes for it) and
// GraphView (which draws it), so a box is always big enough for what is drawn in it.
import type { SnapshotNode } from '../engine/index'
import { formatShape, formatValue } from '../demos/format'

export interface TextOptions {
  /** title and value on one line */
  compact: boolean
  /** draw values and gradients (the accessible name always lists them) */
  showValues: boolean
  /** a title longer than this many characters is drawn on two rows (a wide box widens a whole rank) */
  wrap?: number
}

export type Part = 'title' | 'value' | 'grad'
export interface TextPart { text: string, part: Part }

/** The node's name as the program calls it (demos give op nodes expression labels such as `a = x * x`). */
export function title(n: SnapshotNode): string {
  return n.label
}

/** `= 4`, `= [3, 4]`; with no value yet `= ?` and the shape when it is not a scalar. */
export function valueLine(n: SnapshotNode): string {
  if (n.value !== undefined)
    return `= ${formatValue(n.value)}`
  return n.shape.length === 0 ? '= ?' : `= ? ${formatShape(n.shape)}`
}

export function gradLine(n: SnapshotNode): string | undefined {
  return n.grad === undefined ? undefined : `grad ${formatValue(n.grad)}`
}

/**
 * A long title as two rows, split where the expression reads on: after an arrow or a comma, or
 * before an operator outside brackets (`s = exp(x)` / `+ exp(x)`), at the split whose longer row is shortest.
 */
export function titleRows(text: string, wrap = Infinity): string[] {
  if (text.length <= wrap)
    return [text]
  let best: [string, string] | undefined
  let depth = 0
  for (let i = 1; i < text.length; i++) {
    const c = text[i - 1]
    depth += c === '(' ? 1 : c === ')' ? -1 : 0
    const after = c === '→' || c === ','
    const before = depth === 0 && text[i] === ' ' && '+-*/'.includes(text[i + 1] ?? '')
    if (!after && !before)
      continue
    const pair: [string, string] = [text.slice(0, i).trim(), text.slice(i).trim()]
    if (!best || Math.max(...pair.map(p => p.length)) < Math.max(...best.map(p => p.length)))
      best = pair
  }
  return best ?? [text]
}

/** The text rows of a node, each a list of styled parts. */
export function rows(n: SnapshotNode, o: TextOptions): TextPart[][] {
  const heads = titleRows(title(n), o.wrap)
  const head: TextPart = { text: heads.at(-1)!, part: 'title' }
  const above = heads.slice(0, -1).map(text => [{ text, part: 'title' as const }])
  // a constant's label is its value already
  if (!o.showValues || n.kind === 'const')
    return [...above, [head]]
  const value: TextPart = { text: valueLine(n), part: 'value' }
  const out = [...above, ...(o.compact ? [[head, { text: ' ', part: 'value' as const }, value]] : [[head], [value]])]
  const grad = gradLine(n)
  return grad === undefined ? out : [...out, [{ text: grad, part: 'grad' }]]
}

export function lines(n: SnapshotNode, o: TextOptions): string[] {
  return rows(n, o).map(r => r.map(p => p.text).join(''))
}

/** One sentence per node for the accessible name: what a screen reader hears instead of the picture. */
export function describe(n: SnapshotNode, state: string): string {
  const value = n.value !== undefined ? `= ${formatValue(n.value)}` : 'no value'
  const grad = gradLine(n)
  const flag = state !== 'computed' && state !== 'waiting' ? ` (${state})` : ''
  return `${title(n)} ${value}${grad ? `, ${grad}` : ''}${flag}`
}
