import type { GraphNode } from './graph'
import type { Observer } from './hooks'
import type { PassLogEntry } from './passes/work'
import type { Tensor } from './tensor'
import { withObserver as observe } from './hooks'

/** What `withObserver` listens with: the engine's hooks (engine/hooks.ts) with the engine's own types. */
export type EngineObserver = Observer<Tensor, GraphNode, PassLogEntry>

/**
 * Runs `fn` with `observer` listening to everything the engine does (how `record` and `trace` work;
 * the workshop's exercise 04 writes a tracer with it).
 */
export function withObserver<R>(observer: EngineObserver, fn: () => R): R {
  return observe(observer, fn)
}
