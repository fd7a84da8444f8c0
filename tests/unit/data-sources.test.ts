import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { shareFromCounts } from '../../charts/bar-layout'
import { timelineEvents } from '../../charts/timeline-data'

const dataDir = join(import.meta.dirname, '../../data')
const files = readdirSync(dataDir).filter(f => f.endsWith('.json'))

/** Every object found inside an array, anywhere in the document: these are the data entries. */
function entries(value: unknown, path = '$'): { path: string, entry: Record<string, unknown> }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => {
      const here = `${path}[${i}]`
      const nested = entries(item, here)
      return item && typeof item === 'object' && !Array.isArray(item)
        ? [{ path: here, entry: item as Record<string, unknown> }, ...nested]
        : nested
    })
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => entries(v, `${path}.${k}`))
  return []
}

describe('data/*.json', () => {
  it('has data files', () => {
    expect(files).toContain('timeline.json')
    expect(files).toContain('conference-shares.json')
  })

  for (const file of files) {
    it(`${file}: every entry names a non-empty source`, () => {
      const doc: unknown = JSON.parse(readFileSync(join(dataDir, file), 'utf8'))
      const all = entries(doc)
      expect(all.length).toBeGreaterThan(0)
      const missing = all.filter(({ entry }) => typeof entry.source !== 'string' || entry.source.trim() === '')
      expect(missing.map(m => m.path)).toEqual([])
    })
  }
})

interface Point { conference: string, year: number, share: number, pytorch?: number, tensorflow?: number }
interface Series { id: string, label: string, method: string, points: Point[] }
const shares = JSON.parse(readFileSync(join(dataDir, 'conference-shares.json'), 'utf8')) as { series: Series[], caveats: unknown[] }

describe('conference shares', () => {
  it('keeps the 2019 and 2021 methods as separate, labelled series', () => {
    expect(shares.series.map(s => s.id)).toEqual(['2019', '2021'])
    for (const s of shares.series) {
      expect(s.label).toMatch(/method/)
      expect(s.method.length).toBeGreaterThan(40)
    }
    expect(shares.series[0].method).toMatch(/1a19299/)
    expect(shares.series[1].method).toMatch(/3ef0c7d/)
  })

  it('carries the caveats from the fact sheet', () => {
    expect(shares.caveats.length).toBeGreaterThanOrEqual(3)
  })

  const withCounts = shares.series.flatMap(s => s.points.filter(p => p.pytorch !== undefined && p.tensorflow !== undefined).map(p => ({ ...p, series: s.id })))
  it('gives counts for most 2019 points', () => {
    expect(withCounts.length).toBeGreaterThanOrEqual(15)
  })
  for (const p of withCounts) {
    it(`${p.series}: ${p.conference} ${p.year} recomputes from ${p.pytorch} vs ${p.tensorflow}`, () => {
      expect(shareFromCounts(p.pytorch!, p.tensorflow!)).toBeCloseTo(p.share, 1)
    })
  }

  it('has shares between 0 and 100 and one point per conference and year', () => {
    for (const s of shares.series) {
      const keys = s.points.map(p => `${p.conference}-${p.year}`)
      expect(new Set(keys).size).toBe(keys.length)
      for (const p of s.points) {
        expect(p.share).toBeGreaterThanOrEqual(0)
        expect(p.share).toBeLessThanOrEqual(100)
      }
    }
  })
})

describe('timeline', () => {
  // As the slides show it: dates and versions filled in from data/versions.json.
  const timeline = { events: timelineEvents }
  it('has unique ids, valid dates and known sides', () => {
    const ids = timeline.events.map(e => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const e of timeline.events) {
      expect(e.date).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)
      expect(['pytorch', 'tensorflow', 'other']).toContain(e.framework)
    }
  })
  it('dates PyTorch\'s public release to January 2017, not October 2016', () => {
    expect(timeline.events.find(e => e.id === 'pytorch-public')?.date).toBe('2017-01')
  })
})
