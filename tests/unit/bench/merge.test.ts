import type { Results } from '../../../bench/report'
import { expect, it } from 'vitest'
import { figure } from '../../../bench/figures'
import { mergeResults } from '../../../bench/merge'

function results(date: string, figures: Results['figures'], skips: Results['skips'] = []): Results {
  return {
    mode: 'full',
    date,
    durationS: 1,
    runs: 5,
    machine: { cpus: 2, cpuModel: 'x', memoryGiB: 1, os: 'x', node: '20', chromium: '156', loadAverage: [1, 1, 1], loadAverageAtEnd: [1, 1, 1] },
    versions: {},
    deck: { slides: 3, demos: [] },
    figures,
    skips,
    facts: {},
  }
}

it('replaces only the re-measured sections, keeps the section order, and says when', () => {
  const old = results('2026-01-01', [
    figure('build', 'build.wall', 'build', 'ms', [1]),
    figure('export', 'export.per-slide', 'export', 'ms', [1]),
    figure('workshop', 'workshop.ts', 'ts', 'ms', [1]),
  ], [{ section: 'export', what: 'export', reason: 'timed out' }])
  const fresh = results('2026-02-02', [figure('export', 'export.per-slide', 'export', 'ms', [2])])
  const merged = mergeResults(old, fresh, ['export'])
  expect(merged.figures.map(f => [f.key, f.ours.median])).toEqual([['build.wall', 1], ['export.per-slide', 2], ['workshop.ts', 1]])
  expect(merged.skips).toEqual([])
  expect(merged.date).toBe('2026-01-01')
  expect(merged.remeasured).toEqual([{ sections: ['export'], date: '2026-02-02', runs: 5, loadAverage: [1, 1, 1], loadAverageMax: undefined }])
})

it('drops an earlier re-measurement that the new one covers', () => {
  const base = results('2026-01-01', [figure('export', 'export.per-slide', 'export', 'ms', [1])])
  const once = mergeResults(base, results('2026-02-02', []), ['export'])
  const twice = mergeResults(once, results('2026-03-03', []), ['export', 'demos'])
  expect(twice.remeasured?.map(r => r.date)).toEqual(['2026-03-03'])
  const other = mergeResults(once, results('2026-03-03', []), ['demos'])
  expect(other.remeasured?.map(r => r.date)).toEqual(['2026-02-02', '2026-03-03'])
})
