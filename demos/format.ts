// Compact text for numbers, small tensors and shapes, as drawn on graph nodes and in captions.
import type { TensorData } from '../engine/index'

export function formatNumber(x: number): string {
  if (Number.isNaN(x))
    return 'NaN'
  if (!Number.isFinite(x))
    return x > 0 ? '∞' : '-∞'
  if (Object.is(x, -0) || x === 0)
    return '0'
  const abs = Math.abs(x)
  if (abs >= 1e5 || abs < 1e-3)
    return x.toExponential(1).replace('e+', 'e')
  // At most 3 significant decimals, without trailing zeros: 0.3333 → 0.333, 10 → 10, 2.5 → 2.5.
  return String(Number(x.toPrecision(abs >= 100 ? 5 : 3)))
}

/** A scalar as a number; a small tensor as a short list; a big one as its first values and a count. */
export function formatValue(value: TensorData, maxItems = 4): string {
  if (typeof value === 'number')
    return formatNumber(value)
  const flat = (value as unknown[]).flat(Infinity as 1) as number[]
  const nested = (value as unknown[]).some(Array.isArray)
  if (!nested && flat.length <= maxItems)
    return `[${flat.map(formatNumber).join(', ')}]`
  if (nested && flat.length <= maxItems)
    return JSON.stringify(mapNested(value, formatNumber)).replace(/"/g, '').replace(/,/g, ', ')
  return `[${flat.slice(0, maxItems - 1).map(formatNumber).join(', ')}, … ${flat.length} values]`
}

function mapNested(v: TensorData, f: (x: number) => string): unknown {
  return typeof v === 'number' ? f(v) : (v as TensorData[]).map(x => mapNested(x, f))
}

/** `[]` for a scalar, `[2, 3]`, `[?, 3]` for unknown dimensions. */
export function formatShape(shape: readonly (number | null)[]): string {
  return `[${shape.map(d => (d === null ? '?' : String(d))).join(', ')}]`
}
