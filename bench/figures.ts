// The shape of a benchmark result: figures (ours vs plain, with a target) and what was skipped.
import type { Summary } from './stats'
import { ratio, summarize } from './stats'

export type Section = 'build' | 'load' | 'navigate' | 'demos' | 'export' | 'workshop' | 'start'
export const SECTIONS: Section[] = ['build', 'load', 'navigate', 'demos', 'export', 'workshop', 'start']

export type Unit = 'ms' | 'bytes' | 'MiB' | 'count'

export interface Target {
  /** As the issue states it, e.g. "≤ 1.2× plain". */
  text: string
  /** Ratio ours/plain (median) must stay at or under this. */
  maxRatio?: number
  /** The figure (the `stat` of ours) must stay under (or at, for counts) this. */
  max?: number
  /** Which statistic of ours the target is about (default median). */
  stat?: keyof Summary
}

export interface Figure {
  section: Section
  key: string
  label: string
  unit: Unit
  ours: Summary
  plain?: Summary
  /** ours.median / plain.median */
  ratio?: number
  target?: Target
  met?: boolean
  /** For a missed target: why, from what was measured, and what it would take. */
  why?: string
  /** Show the 95th percentile too (a distribution where the tail matters). */
  tail?: boolean
  /** Anything a reader needs to read the figure right (how it was measured, what it includes). */
  note?: string
}

export interface Skip {
  section: Section
  what: string
  reason: string
}

export function figure(
  section: Section,
  key: string,
  label: string,
  unit: Unit,
  ours: number[],
  plain?: number[],
  target?: Target,
): Figure {
  const o = summarize(ours)
  const p = plain ? summarize(plain) : undefined
  const f: Figure = { section, key, label, unit, ours: o, plain: p, ratio: ratio(o.median, p?.median), target }
  if (target)
    f.met = meets(f, target)
  return f
}

/** Whether a figure meets its target; undefined when it cannot be told (a side is missing). */
export function meets(f: Figure, target: Target): boolean | undefined {
  const value = f.ours[target.stat ?? 'median']
  if (!Number.isFinite(value))
    return undefined
  let met = true
  if (target.maxRatio !== undefined) {
    const r = target.stat && f.plain ? ratio(value, f.plain[target.stat]) : f.ratio
    if (r === undefined)
      return undefined
    met &&= r <= target.maxRatio
  }
  if (target.max !== undefined)
    met &&= f.unit === 'count' ? value <= target.max : value < target.max
  return met
}
