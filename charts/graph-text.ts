// The text a graph node shows, row by row: shared by the layout (which sizes boxes for it) and
// GraphView (which draws it), so a box is always big enough for what is drawn in it.
import type { SnapshotNode } from '../engine/index'
import { formatShape, formatValue } from '../demos/format'

export interface TextOptions {
  /** title and value on one line */
  compact: boolean
  /** draw values and gradients (the accessible name always lists them) */
  showValues: boolean
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

/** The text rows of a node, each a list of styled parts. */
export function rows(n: SnapshotNode, o: TextOptions): TextPart[][] {
  const head: TextPart = { text: title(n), part: 'title' }
  // a constant's label is its value already
  if (!o.showValues || n.kind === 'const')
    return [[head]]
  const value: TextPart = { text: valueLine(n), part: 'value' }
  const out = o.compact ? [[head, { text: ' ', part: 'value' as const }, value]] : [[head], [value]]
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
