// @vitest-environment happy-dom
// Every chart carries its data as a visually hidden table: one row per bar or event, from data/*.json.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { timelineEvents } from '../../../charts/timeline-data'
import AdoptionChart from '../../../components/AdoptionChart.vue'
import Timeline from '../../../components/Timeline.vue'
import shares from '../../../data/conference-shares.json'

function table(wrapper: ReturnType<typeof mount>) {
  const t = wrapper.get('table.kit-sr-only')
  return {
    caption: t.get('caption').text(),
    columns: t.findAll('th').map(th => th.text()),
    rows: t.findAll('tbody tr').map(tr => tr.findAll('td').map(td => td.text())),
  }
}

describe('chart text alternatives', () => {
  for (const series of shares.series) {
    it(`the ${series.id} adoption chart lists every conference and share`, () => {
      const t = table(mount(AdoptionChart, { props: { series: series.id as '2019' | '2021' } }))
      expect(t.columns).toEqual(['Conference', 'Year', 'PyTorch share', 'Papers, PyTorch vs TensorFlow', 'Note'])
      expect(t.rows).toHaveLength(series.points.length)
      for (const [i, p] of series.points.entries())
        expect(t.rows[i].slice(0, 3)).toEqual([p.conference, String(p.year), `${p.share}%`])
    })
  }

  it('the timeline lists each event in its range with its source', () => {
    const t = table(mount(Timeline, { props: { from: 2015, to: 2017, caption: 'Origins' } }))
    expect(t.caption).toContain('Origins')
    expect(t.columns).toEqual(['Date', 'Event', 'Side', 'Detail', 'Source'])
    const inRange = timelineEvents.filter(e => Number(e.date.slice(0, 4)) >= 2015 && Number(e.date.slice(0, 4)) <= 2017)
    expect(t.rows.map(r => r[1])).toEqual(expect.arrayContaining(inRange.map(e => e.label)))
    expect(t.rows).toHaveLength(inRange.length)
    for (const row of t.rows)
      expect(row[4], `source of ${row[1]}`).not.toBe('')
  })
})
