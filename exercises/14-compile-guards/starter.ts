// Exercise 14 · Guards and the compile cache. You edit exercise.ts (made from this file); check it with
// `npm run workshop -- check 14`. torch.compile keeps every graph it compiled, each with guards: cheap
// checks that what the graph assumed still holds. A call reuses a graph whose guards hold; otherwise it
// compiles — and if only a size changed, compiles again with that size dynamic.
/* eslint-disable unused-imports/no-unused-vars -- the starter leaves these for you to use */
import type { GraphCache, Segment } from './given'

/** A compiled graph in the cache: where it sits, which path, and the input shapes it accepts (null: any size). */
export interface Entry {
  position: number
  path: string
  shapes: (number | null)[][]
}

/** Whether a captured segment may reuse `entry`: same place, same path, and every input shape fits. */
export function guardsHold(entry: Entry, segment: Segment): boolean {
  // TODO: true when the position and the path are the same, there are as many inputs, and each input's
  // shape fits the entry's: the same rank, and each dimension equal, or null in the entry (any size).
  return false
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
    // TODO: 1. 'hit' if the guards of some entry hold.
    // 2. Otherwise find the last entry with the same position and path. If there is one, its guards
    //    failed on a size: add `${input}:${dim}` to this position's dynamic set for every dimension that
    //    differs from that entry's shapes.
    // 3. Push an entry with the segment's shapes, each dimension in the position's dynamic set made
    //    null, and return 'recompile' if step 2 found an entry, else 'compile'.
    this.entries.push({ position: segment.position, path: segment.path, shapes: segment.shapes })
    return 'compile'
  }
}
