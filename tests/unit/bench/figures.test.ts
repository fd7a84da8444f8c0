import { describe, expect, it } from 'vitest'
import { figure } from '../../../bench/figures'
import { formatValue } from '../../../bench/report'

describe('bench targets', () => {
  it('compares medians for a ratio target', () => {
    const met = figure('load', 'x', 'x', 'ms', [110, 120, 130], [100, 100, 100], { text: '≤ 1.2× plain', maxRatio: 1.2 })
    expect(met.ratio).toBeCloseTo(1.2)
    expect(met.met).toBe(true)
    const missed = figure('load', 'x', 'x', 'ms', [110, 121, 130], [100, 100, 100], { text: '≤ 1.2× plain', maxRatio: 1.2 })
    expect(missed.met).toBe(false)
  })

  it('uses the named statistic on both sides, and an absolute limit too', () => {
    const ours = [10, 10, 10, 10, 10, 10, 10, 10, 10, 95]
    const plain = [10, 10, 10, 10, 10, 10, 10, 10, 10, 90]
    const target = { text: '≤ 1.2× plain and < 100 ms', maxRatio: 1.2, max: 100, stat: 'p95' as const }
    expect(figure('navigate', 'x', 'x', 'ms', ours, plain, target).met).toBe(true)
    expect(figure('navigate', 'x', 'x', 'ms', [...ours.slice(0, 9), 100], plain, target).met).toBe(false)
    expect(figure('navigate', 'x', 'x', 'ms', [...ours.slice(0, 9), 99], [...plain.slice(0, 9), 50], target).met).toBe(false)
  })

  it('allows a count to reach its limit, and cannot tell without a plain side', () => {
    expect(figure('demos', 'x', 'x', 'count', [0, 0], undefined, { text: '0', max: 0, stat: 'max' }).met).toBe(true)
    expect(figure('demos', 'x', 'x', 'count', [0, 1], undefined, { text: '0', max: 0, stat: 'max' }).met).toBe(false)
    expect(figure('build', 'x', 'x', 'ms', [5], undefined, { text: '≤ 1.5× plain', maxRatio: 1.5 }).met).toBeUndefined()
  })

  it('formats values by unit', () => {
    expect(formatValue(1534, 'ms')).toBe('1.53 s')
    expect(formatValue(87.4, 'ms')).toBe('87 ms')
    expect(formatValue(420 * 1024, 'bytes')).toBe('420 kB')
    expect(formatValue(5.9 * 1024 * 1024, 'bytes')).toBe('5.90 MB')
    expect(formatValue(Number.NaN, 'ms')).toBe('–')
  })
})
