// @vitest-environment happy-dom
import type { TimelineEvent } from '../../charts/timeline-layout'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { layoutBars, shareFromCounts } from '../../charts/bar-layout'
import { formatDate, linearScale, toFractionalYear } from '../../charts/scales'
import { timelineEvents } from '../../charts/timeline-data'
import { dodgeMarks, estimateLabelWidth, labelsOverlap, layoutTimeline, selectEvents, stemCrossesLabel } from '../../charts/timeline-layout'
import AdoptionChart from '../../components/AdoptionChart.vue'
import Timeline from '../../components/Timeline.vue'
import shares from '../../data/conference-shares.json'

const events: TimelineEvent[] = timelineEvents

describe('scales', () => {
  it('maps a domain linearly onto a range', () => {
    const s = linearScale([0, 100], [200, 0])
    expect(s(0)).toBe(200)
    expect(s(50)).toBe(100)
    expect(s(100)).toBe(0)
  })
  it('places dates at their precision', () => {
    expect(toFractionalYear('2017')).toBe(2017.5)
    expect(toFractionalYear('2017-01-01')).toBe(2017)
    const midJanuary = toFractionalYear('2017-01')
    expect(midJanuary).toBeGreaterThan(2017.03)
    expect(midJanuary).toBeLessThan(2017.05)
    expect(toFractionalYear('2015-11-09')).toBeLessThan(toFractionalYear('2015-12'))
  })
  it('formats dates no more precisely than given', () => {
    expect(formatDate('2015-11-09')).toBe('9 Nov 2015')
    expect(formatDate('2017-01')).toBe('Jan 2017')
    expect(formatDate('2018')).toBe('2018')
    expect(() => formatDate('Jan 2017')).toThrow(/YYYY/)
  })
})

describe('timeline layout', () => {
  const slices: [number, number, string[]?][] = [[2015, 2017], [2018, 2020], [2023, 2026, ['pytorch-2-0', 'keras-3', 'litert', 'torchserve-limited', 'transformers-drops-tf', 'executorch-1-0', 'pytorch-latest']]]
  for (const [from, to, ids] of slices) {
    for (const details of [false, true]) {
      it(`${from}–${to}${ids ? ' (subset)' : ''}${details ? ', with details' : ''}: labels apart and inside, no stem through a label`, () => {
        const selected = selectEvents(events, from, to, ids)
        // Measured as the component measures: formatted date, and the detail line when shown.
        const measure = (e: TimelineEvent) => estimateLabelWidth(e, details ? [formatDate(e.date), e.detail] : [formatDate(e.date)])
        const { events: placed } = layoutTimeline(selected, { width: 860, fromYear: from, toYear: to, lanesPerSide: 3, measure })
        expect(placed).toHaveLength(selected.length)
        for (const a of placed) {
          expect(a.labelLeft).toBeGreaterThanOrEqual(0)
          expect(a.labelLeft + a.labelWidth).toBeLessThanOrEqual(860)
          for (const b of placed) {
            if (a !== b)
              expect(labelsOverlap(a, b), `${a.id} / ${b.id}`).toBe(false)
            expect(stemCrossesLabel(a, b), `${a.id} stem through ${b.id}`).toBe(false)
          }
        }
      })
    }
  }
  it('moves touching marks apart, in order, and leaves lone marks where they are', () => {
    const xs = [10, 100, 104, 106, 300, 311]
    const out = dodgeMarks(xs, 16)
    expect(out[0]).toBe(10)
    for (let i = 1; i < out.length; i++)
      expect(out[i] - out[i - 1]).toBeGreaterThanOrEqual(16 - 1e-9)
    expect((out[1] + out[2] + out[3]) / 3).toBeCloseTo((100 + 104 + 106) / 3)
    expect(dodgeMarks([0, 1], 16, 0)).toEqual([0, 16])
  })
  for (const [from, to, ids] of slices) {
    it(`${from}–${to}: no two marks closer than 16 px`, () => {
      const { events: placed } = layoutTimeline(selectEvents(events, from, to, ids), { width: 860, fromYear: from, toYear: to, lanesPerSide: 3 })
      const xs = placed.map(p => p.x).sort((a, b) => a - b)
      for (let i = 1; i < xs.length; i++)
        expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(16 - 1e-9)
    })
  }
  it('selects by year range and ids, in date order', () => {
    const selected = selectEvents(events, 2018, 2018)
    expect(selected.map(e => e.id)).toEqual(['pytorch-1-0-preview', 'jax-first-commit', 'pytorch-1-0'])
    expect(selectEvents(events, 2015, 2026, ['tf-2-0', 'tf-open-source']).map(e => e.id)).toEqual(['tf-open-source', 'tf-2-0'])
  })
})

describe('bar layout', () => {
  it('computes PyTorch\'s share from counts and refuses an empty conference', () => {
    expect(shareFromCounts(82, 120)).toBe(40.6)
    expect(shareFromCounts(1091, 208)).toBe(84)
    expect(() => shareFromCounts(0, 0)).toThrow(/undefined/)
  })
  it('draws taller bars for larger shares, inside the plot', () => {
    const points = shares.series[0].points
    const { bars, groups } = layoutBars(points, { width: 860, height: 300, margin: { top: 20, right: 10, bottom: 40, left: 40 } })
    expect(bars).toHaveLength(points.length)
    expect(groups.map(g => g.conference)).toContain('CVPR')
    const cvpr18 = bars.find(b => b.conference === 'CVPR' && b.year === 2018)!
    const cvpr19 = bars.find(b => b.conference === 'CVPR' && b.year === 2019)!
    expect(cvpr19.height).toBeGreaterThan(cvpr18.height)
    for (const b of bars) {
      expect(b.x).toBeGreaterThanOrEqual(40)
      expect(b.x + b.width).toBeLessThanOrEqual(850)
      expect(b.y + b.height).toBeCloseTo(260)
    }
  })
})

describe('<Timeline>', () => {
  it('draws one mark per event in range and a text alternative with a row for each', () => {
    const wrapper = mount(Timeline, { props: { from: 2015, to: 2017, caption: 'Origins' } })
    const expected = events.filter(e => Number(e.date.slice(0, 4)) <= 2017)
    expect(wrapper.findAll('[data-mark]')).toHaveLength(expected.length)
    expect(wrapper.find('figcaption').text()).toContain('Origins')
    const table = wrapper.find('table')
    expect(table.classes()).toContain('kit-sr-only')
    expect(table.findAll('th').map(th => th.text())).toContain('Source')
    const rows = table.findAll('tbody tr')
    expect(rows).toHaveLength(expected.length)
    expect(rows[0].text()).toContain('9 Nov 2015')
    // Shape, not colour alone, tells the frameworks apart.
    expect(wrapper.findAll('circle[data-mark]').length).toBeGreaterThan(0)
    expect(wrapper.findAll('rect[data-mark]').length).toBeGreaterThan(0)
    expect(wrapper.find('svg').attributes('aria-hidden')).toBe('true')
  })
  it('honours an id subset and the details switch', () => {
    const wrapper = mount(Timeline, { props: { from: 2015, to: 2026, ids: ['tf-2-0', 'pytorch-1-0'], details: true } })
    expect(wrapper.findAll('[data-mark]')).toHaveLength(2)
    expect(wrapper.findAll('text.detail')).toHaveLength(2)
  })
})

describe('<AdoptionChart>', () => {
  for (const series of shares.series) {
    it(`series ${series.id}: one bar per data point, values and a table as text alternative`, () => {
      const wrapper = mount(AdoptionChart, { props: { series: series.id as '2019' | '2021' } })
      expect(wrapper.findAll('[data-point]')).toHaveLength(series.points.length)
      expect(wrapper.findAll('text.value')).toHaveLength(series.points.length)
      const rows = wrapper.findAll('table.kit-sr-only tbody tr')
      expect(rows).toHaveLength(series.points.length)
      expect(wrapper.find('table caption').text()).toContain(series.label)
      expect(wrapper.find('figcaption').text()).toContain(series.method.slice(0, 30))
    })
  }
  it('rejects an unknown series', () => {
    expect(() => mount(AdoptionChart, { props: { series: '2030' as '2019' } })).toThrow(/2030/)
  })
})
