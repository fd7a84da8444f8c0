import { linearScale, toFractionalYear } from './scales'

export type Framework = 'pytorch' | 'tensorflow' | 'other'

export interface TimelineEvent {
  id: string
  date: string
  framework: Framework
  label: string
  detail: string
  source: string
}

export interface PlacedEvent extends TimelineEvent {
  /** x of the mark on the axis */
  x: number
  /** 0, 1, 2 … counted away from the axis */
  lane: number
  side: 'above' | 'below'
  /** left edge and width of the label box */
  labelLeft: number
  labelWidth: number
  anchor: 'start' | 'end'
}

export interface TimelineOptions {
  width: number
  /** first and last year shown (inclusive) */
  fromYear: number
  toYear: number
  lanesPerSide: number
  /** horizontal padding inside the SVG */
  padding?: number
  /** least distance between two marks' centres (default 16) */
  markGap?: number
  /** width in px of an event's label box (default: an estimate for a 14px title over a 12.5px date) */
  measure?: (event: TimelineEvent) => number
}

export interface TimelineLayout {
  events: PlacedEvent[]
  ticks: { year: number, x: number }[]
  scale: (fractionalYear: number) => number
}

/** Keeps the events dated within [fromYear, toYear], restricted to `ids` when given, in date order. */
export function selectEvents(events: TimelineEvent[], fromYear: number, toYear: number, ids?: string[]): TimelineEvent[] {
  const wanted = ids ? new Set(ids) : null
  return events
    .filter((e) => {
      const year = Number(e.date.slice(0, 4))
      return year >= fromYear && year <= toYear && (!wanted || wanted.has(e.id))
    })
    .sort((a, b) => toFractionalYear(a.date) - toFractionalYear(b.date))
}

/** Bold 14px titles average about 8.6px a glyph in Inter, 12.5px secondary lines about 6.9px; plus a margin. */
export function estimateLabelWidth(event: TimelineEvent, secondary: string[] = [event.date]): number {
  return Math.max(event.label.length * 8.6, ...secondary.map(t => t.length * 6.9)) + 8
}

/**
 * Moves marks that would touch apart, keeping their order: each run of marks closer than `gap` is
 * spread `gap` apart around the mean of its true positions, and runs that then touch merge. The
 * labels still give the exact dates; a mark moves at most a few days' worth of axis.
 */
export function dodgeMarks(xs: number[], gap: number, min = -Infinity, max = Infinity): number[] {
  let runs: { from: number, xs: number[] }[] = []
  xs.forEach((x, i) => runs.push({ from: i, xs: [x] }))
  const place = (r: { xs: number[] }) => {
    const mean = r.xs.reduce((a, b) => a + b, 0) / r.xs.length
    const half = (r.xs.length - 1) * gap / 2
    const start = Math.min(Math.max(mean - half, min), max - 2 * half)
    return r.xs.map((_, i) => start + i * gap)
  }
  for (let merged = true; merged;) {
    merged = false
    const next: typeof runs = []
    for (const run of runs) {
      const prev = next.at(-1)
      if (prev && place(prev).at(-1)! + gap > place(run)[0]) {
        prev.xs.push(...run.xs)
        merged = true
      }
      else {
        next.push({ from: run.from, xs: [...run.xs] })
      }
    }
    runs = next
  }
  return runs.flatMap(place)
}

interface Slot { side: 'above' | 'below', lane: number }

/**
 * Places each event on the axis and its label in a lane, alternating above and below the axis, nearest
 * lanes first. Events are placed right to left, so clustered events climb a staircase whose stems never
 * cross another label: a lane is free when the label overlaps no label in it, no nearer label on the
 * same side covers this event's stem, and no farther stem runs through this label.
 */
export function layoutTimeline(events: TimelineEvent[], options: TimelineOptions): TimelineLayout {
  const { width, fromYear, toYear, lanesPerSide } = options
  const padding = options.padding ?? 16
  const measure = options.measure ?? estimateLabelWidth
  const scale = linearScale([fromYear, toYear + 1], [padding, width - padding])
  const slots: Slot[] = []
  for (let lane = 0; lane < lanesPerSide; lane++)
    slots.push({ side: 'above', lane }, { side: 'below', lane })
  const gap = 10
  const placed: PlacedEvent[] = []

  // Marks 16 px apart at least (they are 14 px wide): none may touch another.
  const ascending = [...events].sort((a, b) => toFractionalYear(a.date) - toFractionalYear(b.date))
  const dodged = dodgeMarks(ascending.map(e => scale(toFractionalYear(e.date))), options.markGap ?? 16, padding, width - padding)
  const markX = new Map(ascending.map((e, i) => [e.id, dodged[i]]))

  const sorted = [...ascending].reverse()
  for (const event of sorted) {
    const x = markX.get(event.id)!
    const labelWidth = Math.ceil(measure(event))
    const anchor: 'start' | 'end' = x + labelWidth > width - 2 ? 'end' : 'start'
    const labelLeft = anchor === 'start' ? x - 4 : x + 4 - labelWidth
    const labelRight = labelLeft + labelWidth
    const conflicts = (slot: Slot): number => placed.filter(p => p.side === slot.side && (
      (p.lane === slot.lane && p.labelLeft < labelRight + gap && labelLeft < p.labelLeft + p.labelWidth + gap)
      || (p.lane < slot.lane && p.labelLeft - 3 <= x && x <= p.labelLeft + p.labelWidth + 3)
      || (p.lane > slot.lane && labelLeft - 3 <= p.x && p.x <= labelRight + 3)
    )).length
    // Every lane is busy: take the one with the fewest conflicts.
    const slot = slots.find(s => conflicts(s) === 0)
      ?? slots.reduce((best, s) => conflicts(s) < conflicts(best) ? s : best)
    placed.push({ ...event, x, lane: slot.lane, side: slot.side, labelLeft, labelWidth, anchor })
  }
  placed.reverse()

  const ticks = []
  for (let year = fromYear; year <= toYear + 1; year++)
    ticks.push({ year, x: scale(year) })
  return { events: placed, ticks, scale }
}

/** True when two labels in the same lane overlap: the layout should never produce this while lanes suffice. */
export function labelsOverlap(a: PlacedEvent, b: PlacedEvent): boolean {
  return a.side === b.side && a.lane === b.lane
    && a.labelLeft < b.labelLeft + b.labelWidth && b.labelLeft < a.labelLeft + a.labelWidth
}

/** True when the stem of `a` (from the axis out to its lane) runs through the label of `b`. */
export function stemCrossesLabel(a: PlacedEvent, b: PlacedEvent): boolean {
  return a !== b && a.side === b.side && b.lane < a.lane
    && b.labelLeft < a.x && a.x < b.labelLeft + b.labelWidth
}
