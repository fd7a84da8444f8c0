// Helpers shared by the TypeScript exercises' checks (exercises/NN-slug/check.test.ts). Not part of any
// exercise: participants never edit this file. Failures read "label: expected X, got Y" in the runner.
import type { NDArray, Tensor } from '../engine/index'
import { expect } from 'vitest'

/** Six decimals are plenty to show; -0 shows as 0. */
function rounded(values: ArrayLike<number>): number[] {
  return Array.from(values, v => Math.round(v * 1e6) / 1e6 + 0)
}

/** Checks shape and values of `got` against `want` (element-wise, absolute or relative tolerance). */
export function expectClose(got: NDArray | null | undefined, want: { data: ArrayLike<number>, shape: readonly number[] }, label: string, tol = 1e-6): void {
  expect(got == null ? `nothing (${got})` : 'a tensor', label).toBe('a tensor')
  expect([...got!.shape], `${label}: the shape`).toEqual([...want.shape])
  const close = Array.from(want.data).every((w, i) => Math.abs(got!.data[i] - w) <= tol * Math.max(1, Math.abs(w)))
  if (!close) {
    const a = rounded(got!.data)
    const b = rounded(want.data)
    // Same at six decimals but still too far apart: show every digit.
    expect(String(a) === String(b) ? Array.from(got!.data) : a, label).toEqual(String(a) === String(b) ? Array.from(want.data) : b)
  }
}

/** Flattens nested arrays (a JSON fixture's tensors) into data and shape. */
export function fromNested(x: unknown): { data: number[], shape: number[] } {
  const shape: number[] = []
  for (let level = x; Array.isArray(level); level = level[0]) shape.push(level.length)
  const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v as number])
  return { data: flat(x), shape }
}

/** A small seeded random generator (mulberry32), so a failing check fails the same way every time. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Random values in [-2, 2) shaped as nested arrays. */
export function randomNested(rand: () => number, shape: readonly number[]): number | unknown[] {
  if (shape.length === 0)
    return rand() * 4 - 2
  return Array.from({ length: shape[0] }, () => randomNested(rand, shape.slice(1)))
}

/**
 * The gradient of `f` with respect to `t` by central finite differences: nudge each element by ±h and
 * see how `f` changes. `f` must read `t` afresh on each call (it is nudged in place and restored).
 */
export function numericGrad(f: () => number, t: Tensor, h = 1e-6): { data: Float64Array, shape: readonly number[] } {
  const out = new Float64Array(t.data.length)
  for (let i = 0; i < out.length; i++) {
    const keep = t.data[i]
    t.data[i] = keep + h
    const up = f()
    t.data[i] = keep - h
    const down = f()
    t.data[i] = keep
    out[i] = (up - down) / (2 * h)
  }
  return { data: out, shape: t.shape }
}
