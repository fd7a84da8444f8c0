// Exercise 14 · Guards and the compile cache (reference solution).
import type { GraphCache, Segment } from '../../exercises/14-compile-guards/given'

/** A compiled graph in the cache: where it sits, which path, and the input shapes it accepts (null: any size). */
export interface Entry {
  position: number
  path: string
  shapes: (number | null)[][]
}

/** Whether a captured segment may reuse `entry`: same place, same path, and every input shape fits. */
export function guardsHold(entry: Entry, segment: Segment): boolean {
  return entry.position === segment.position
    && entry.path === segment.path
    && entry.shapes.length === segment.shapes.length
    && entry.shapes.every((shape, i) => shape.length === segment.shapes[i].length && shape.every((d, k) => d === null || d === segment.shapes[i][k]))
}

/** torch.compile's cache: static first, then, where a size changed, dynamic. */
export class Cache implements GraphCache {
  readonly entries: Entry[] = []
  /** for each position, the `input:dim` pairs seen to change (they are compiled dynamic from then on) */
  private readonly dynamic = new Map<number, Set<string>>()

  get compileCount(): number {
    return this.entries.length
  }

  lookup(segment: Segment): 'hit' | 'compile' | 'recompile' {
    if (this.entries.some(e => guardsHold(e, segment)))
      return 'hit'
    const dynamic = this.dynamic.get(segment.position) ?? new Set<string>()
    this.dynamic.set(segment.position, dynamic)
    const previous = this.entries.findLast(e => e.position === segment.position && e.path === segment.path)
    if (previous) {
      segment.shapes.forEach((shape, i) => shape.forEach((d, k) => {
        if (previous.shapes[i]?.[k] !== d)
          dynamic.add(`${i}:${k}`)
      }))
    }
    this.entries.push({
      position: segment.position,
      path: segment.path,
      shapes: segment.shapes.map((shape, i) => shape.map((d, k) => (dynamic.has(`${i}:${k}`) ? null : d))),
    })
    return previous ? 'recompile' : 'compile'
  }
}
