// Small, dependency-free scale helpers shared by the SVG charts.

/** Maps a numeric domain linearly onto a pixel range. */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain
  const [r0, r1] = range
  const span = d1 - d0
  if (span === 0)
    return () => (r0 + r1) / 2
  return value => r0 + ((value - d0) / span) * (r1 - r0)
}

/** A date string with known precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export interface PartialDate {
  year: number
  month?: number
  day?: number
}

const RE_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

export function parseDate(text: string): PartialDate {
  const match = RE_DATE.exec(text)
  if (!match)
    throw new Error(`Not a YYYY, YYYY-MM or YYYY-MM-DD date: "${text}"`)
  const [, y, m, d] = match
  return { year: Number(y), month: m ? Number(m) : undefined, day: d ? Number(d) : undefined }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * A date as a fractional year. A month-only date sits mid-month and a year-only date mid-year,
 * so a mark never claims more precision than the source gives.
 */
export function toFractionalYear(text: string): number {
  const { year, month, day } = parseDate(text)
  if (month === undefined)
    return year + 0.5
  const start = Date.UTC(year, 0, 1)
  const length = Date.UTC(year + 1, 0, 1) - start
  const dayOfMonth = day ?? (daysInMonth(year, month) + 1) / 2
  const at = Date.UTC(year, month - 1, 1) + (dayOfMonth - 1) * 86_400_000
  return year + (at - start) / length
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Human date at the source's precision: "9 Nov 2015", "Jan 2017" or "2018". */
export function formatDate(text: string): string {
  const { year, month, day } = parseDate(text)
  if (month === undefined)
    return String(year)
  const name = MONTHS[month - 1]
  return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`
}
