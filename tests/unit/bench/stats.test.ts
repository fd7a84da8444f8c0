import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { median, percentile, ratio, summarize } from '../../../bench/stats'

describe('bench stats', () => {
  it('takes nearest-rank percentiles', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    expect(percentile(values, 50)).toBe(5)
    expect(percentile(values, 95)).toBe(10)
    expect(percentile(values, 90)).toBe(9)
    expect(percentile(values, 0)).toBe(1)
    expect(percentile([42], 95)).toBe(42)
    expect(percentile([], 50)).toBeNaN()
    expect(() => percentile(values, 101)).toThrow(RangeError)
  })

  it('interpolates the median of an even list and does not reorder its input', () => {
    const values = [4, 1, 3, 2]
    expect(median(values)).toBe(2.5)
    expect(values).toEqual([4, 1, 3, 2])
    expect(median([3, 1, 2])).toBe(2)
  })

  it('summarizes min, median, max and percentiles, ignoring values that are not finite', () => {
    expect(summarize([3, Number.NaN, 1, 2, Infinity])).toEqual({ n: 3, min: 1, median: 2, max: 3, p50: 2, p95: 3 })
    expect(summarize([]).n).toBe(0)
    expect(summarize([]).median).toBeNaN()
  })

  it('keeps every statistic between min and max, with p50 ≤ p95', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (values) => {
      const s = summarize(values)
      expect(s.min).toBeLessThanOrEqual(s.median)
      expect(s.median).toBeLessThanOrEqual(s.max)
      expect(s.p50).toBeLessThanOrEqual(s.p95)
      expect(values).toContain(s.p95)
    }))
  })

  it('gives a ratio only when both sides are there', () => {
    expect(ratio(150, 100)).toBe(1.5)
    expect(ratio(150, undefined)).toBeUndefined()
    expect(ratio(150, 0)).toBeUndefined()
    expect(ratio(Number.NaN, 100)).toBeUndefined()
  })
})
