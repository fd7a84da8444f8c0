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
  /** average glyph width in px, to estimate label widths */
  charWidth?: number
}

export interface TimelineLayout {
  events: PlacedEvent[]
  ticks: { year: number, x: number }[]
  scale: (fractionalYear: number) => number
}

/** Keeps events whose date lies in [fromYear, toYear]; `ids`, when given, also selects and orders nothing else. */
export function selectEvents(events: TimelineEvent[], fromYear: number, toYear: number, ids?: string[]): TimelineEvent[] {
  const wanted = ids ? new Set(ids) : null
  return events
    .filter((e) => {
      const year = Number(e.date.slice(0, 4))
      return year >= fromYear && year <= toYear && (!wanted || wanted.has(e.id))
    })
    .sort((a, b) => toFractionalYear(a.date) - toFractionalYear(b.date))
}

/**
 * Places each event on the axis and puts its label in the first lane (alternating above and below the
 * axis, nearest first) where it does not overlap the previous label of that lane.
 */
export function layoutTimeline(events: TimelineEvent[], options: TimelineOptions): TimelineLayout {
  const { width, fromYear, toYear, lanesPerSide } = options
  const padding = options.padding ?? 16
  const charWidth = options.charWidth ?? 7
  const scale = linearScale([fromYear, toYear + 1], [padding, width - padding])
  const laneOrder: { side: 'above' | 'below', lane: number }[] = []
  for (let lane = 0; lane < lanesPerSide; lane++)
    laneOrder.push({ side: 'above', lane }, { side: 'below', lane })
  const rightEdge = new Map<string, number>()
  const gap = 10

  const placed = events.map((event) => {
    const x = scale(toFractionalYear(event.date))
    const labelWidth = Math.ceil(Math.max(event.label.length, event.date.length + 3) * charWidth) + 8
    const anchor: 'start' | 'end' = x + labelWidth > width - 2 ? 'end' : 'start'
    const labelLeft = anchor === 'start' ? x - 4 : x + 4 - labelWidth
    const free = laneOrder.find(l => (rightEdge.get(`${l.side}${l.lane}`) ?? -Infinity) + gap <= labelLeft)
    // Every lane is busy: fall back to the one that frees up first.
    const slot = free ?? laneOrder.reduce((best, l) =>
      (rightEdge.get(`${l.side}${l.lane}`) ?? 0) < (rightEdge.get(`${best.side}${best.lane}`) ?? 0) ? l : best)
    rightEdge.set(`${slot.side}${slot.lane}`, labelLeft + labelWidth)
    return { ...event, x, lane: slot.lane, side: slot.side, labelLeft, labelWidth, anchor }
  })

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
