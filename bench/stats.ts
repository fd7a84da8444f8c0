// Summaries of repeated measurements: the benchmark reports medians, spreads and tail percentiles.

export interface Summary {
  n: number
  min: number
  median: number
  max: number
  p50: number
  p95: number
}

/** Nearest-rank percentile (p in 0..100) of an unsorted list; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length)
    return Number.NaN
  if (p < 0 || p > 100)
    throw new RangeError(`percentile ${p} is outside 0..100`)
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]
}

/** Median with interpolation between the two middle values of an even-sized list. */
export function median(values: readonly number[]): number {
  if (!values.length)
    return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function summarize(values: readonly number[]): Summary {
  const finite = values.filter(Number.isFinite)
  return {
    n: finite.length,
    min: finite.length ? Math.min(...finite) : Number.NaN,
    median: median(finite),
    max: finite.length ? Math.max(...finite) : Number.NaN,
    p50: percentile(finite, 50),
    p95: percentile(finite, 95),
  }
}

/** ours / plain, or undefined when either side is missing or the floor is zero. */
export function ratio(ours: number | undefined, plain: number | undefined): number | undefined {
  if (ours === undefined || plain === undefined || !Number.isFinite(ours) || !Number.isFinite(plain) || plain === 0)
    return undefined
  return ours / plain
}
