import { linearScale } from './scales'

export interface SharePoint {
  conference: string
  year: number
  share: number
  pytorch?: number
  tensorflow?: number
  note?: string
  source: string
}

export interface ShareSeries {
  id: string
  label: string
  method: string
  source: string
  points: SharePoint[]
}

export interface PlacedBar extends SharePoint {
  x: number
  y: number
  width: number
  height: number
}

export interface BarGroup {
  conference: string
  x: number
  width: number
}

export interface BarLayoutOptions {
  width: number
  height: number
  margin: { top: number, right: number, bottom: number, left: number }
  /** space between groups, as a fraction of a group's width */
  groupGap?: number
}

/** PyTorch's share of papers naming either framework, in percent, to one decimal. */
export function shareFromCounts(pytorch: number, tensorflow: number): number {
  const total = pytorch + tensorflow
  if (total === 0)
    throw new Error('No paper names either framework: the share is undefined')
  return Math.round((pytorch / total) * 1000) / 10
}

/** Groups the points by conference (in first-seen order) and lays out one bar per point, years in order. */
export function layoutBars(points: SharePoint[], options: BarLayoutOptions) {
  const { width, height, margin } = options
  const groupGap = options.groupGap ?? 0.25
  const conferences = [...new Set(points.map(p => p.conference))]
  const years = [...new Set(points.map(p => p.year))].sort((a, b) => a - b)
  const innerWidth = width - margin.left - margin.right
  const groupWidth = innerWidth / conferences.length
  const barSlots = years.length
  const usable = groupWidth * (1 - groupGap)
  const barWidth = usable / barSlots
  const y = linearScale([0, 100], [height - margin.bottom, margin.top])

  const groups: BarGroup[] = conferences.map((conference, i) => ({
    conference,
    x: margin.left + i * groupWidth + (groupWidth - usable) / 2,
    width: usable,
  }))
  const bars: PlacedBar[] = points.map((p) => {
    const group = groups[conferences.indexOf(p.conference)]
    // Slots are per year present in this group, so a conference with fewer years has no holes.
    const groupYears = points.filter(q => q.conference === p.conference).map(q => q.year).sort((a, b) => a - b)
    const offset = (barSlots - groupYears.length) * barWidth / 2
    const x = group.x + offset + groupYears.indexOf(p.year) * barWidth + barWidth * 0.08
    const top = y(p.share)
    return { ...p, x, y: top, width: barWidth * 0.84, height: y(0) - top }
  })
  const ticks = [0, 25, 50, 75, 100].map(value => ({ value, y: y(value) }))
  return { groups, bars, ticks, years, y }
}
