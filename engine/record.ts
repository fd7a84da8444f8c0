import type { CompileEvent } from './hooks'
import type { TensorData } from './nested'
import type { NodeKind } from './ops/types'
import type { PassLogEntry } from './passes/work'
import type { Tensor } from './tensor'
import { withIdScope } from './hooks'
import { tensorKind, tensorLabel } from './kinds'
import { toNested } from './nested'
import { withObserver } from './observer'

/** A node was created: an eager op ran (or a leaf was made), or a static graph node was added. */
export interface NodeEvent {
  type: 'node'
  mode: 'eager' | 'static'
  id: string
  op: string
  label: string
  shape: (number | null)[]
  /** ids of the input nodes, in order */
  inputs: string[]
  kind: NodeKind
}
/** A value was computed (eager: when the op ran; static: when a session evaluated the node). */
export interface ValueEvent { type: 'value', id: string, value: TensorData }
/** The gradient with respect to node `id` was computed (eager backward, or a session running a `gradients` node). */
export interface GradEvent { type: 'grad', id: string, grad: TensorData }
export interface WarningEvent { type: 'warning', id?: string, message: string }
/** A graph pass of `optimize` ran: which nodes it removed, merged and created (see PassLogEntry). */
export type PassEvent = { type: 'pass' } & PassLogEntry
/** `compile` compiled a segment of captured code, compiled it again after a guard failed, or reused it. */
export type CompileRecord = { type: 'compile' } & CompileEvent
/** Plain, JSON-serialisable. */
export type EngineEvent = NodeEvent | ValueEvent | GradEvent | WarningEvent | PassEvent | CompileRecord

const plain = (t: Tensor): TensorData => toNested(t.data, t.shape)

/**
 * Runs `fn` and returns what it returned plus every engine event, in order. Eager ids restart at `n1`
 * for each (outermost) recording, so replaying the same program gives the same ids.
 */
export function record<R>(fn: () => R): { result: R, events: EngineEvent[] } {
  const events: EngineEvent[] = []
  const announced = new Set<Tensor>()
  const announce = (t: Tensor, inputs: readonly Tensor[]) => {
    // A tensor made before the recording started shows up as a leaf the first time it is used.
    for (const x of inputs) {
      if (!announced.has(x))
        announce(x, [])
    }
    announced.add(t)
    events.push({ type: 'node', mode: 'eager', id: t.id, op: t.op, label: tensorLabel(t), shape: [...t.shape], inputs: inputs.map(x => x.id), kind: tensorKind(t) })
    events.push({ type: 'value', id: t.id, value: plain(t) })
  }
  return withIdScope(() => withObserver({
    tensorCreated: t => announce(t, []),
    opApplied: ({ inputs, output }) => announce(output, inputs),
    nodeCreated: n => events.push({ type: 'node', mode: 'static', id: n.id, op: n.op, label: n.label, shape: [...n.shape], inputs: n.inputs.map(x => x.id), kind: n.kind }),
    nodeEvaluated: (n, v) => events.push({ type: 'value', id: n.id, value: plain(v) }),
    gradComputed: (id, g) => events.push({ type: 'grad', id, grad: plain(g) }),
    pass: entry => events.push({ type: 'pass', ...entry }),
    compiled: e => events.push({ type: 'compile', ...structuredClone(e) }),
    warning: (message, id) => events.push(id === undefined ? { type: 'warning', message } : { type: 'warning', id, message }),
  }, () => ({ result: fn(), events })))
}
