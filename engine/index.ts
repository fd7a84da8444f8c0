// The teaching engine's public API. Names mirror PyTorch / TensorFlow (see DESIGN.md's table).
// Ops live once in ops/registry.ts (each an OpDef: shape rule, forward, backward written against a
// GradBuilder, onnx slot). Eager tensors (eager.ts, autograd.ts), graphs (graph.ts, session.ts) and
// symbolic gradients (gradients.ts) all dispatch through it.
// The observer seam, hooks.ts (`withObserver(observer, fn)`, `EngineObserver`: opApplied, tensorCreated,
// valueRead on item()/toArray(), warning, …): what trace()/graphFunction and `record` listen with. Public
// so a tracer can be written outside the engine (the workshop's exercise 04).
export { cond } from './cond'
export { tensor } from './eager'
export { EngineError, formatShape } from './errors'
export { Graph, GraphNode } from './graph'
export type { NodeKind, NodeSpec, Operand } from './graph'
export { graphFunction } from './graph-function'
export type { GraphFunction, GraphFunctionArg, GraphFunctionOptions } from './graph-function'
export { noGrad, withObserver } from './hooks'
export type { EngineObserver } from './hooks'
export type { NestedArray, TensorData } from './nested'
export { toOnnx } from './onnx/export'
export type { OnnxExportOptions } from './onnx/export'
export { inspectOnnx } from './onnx/inspect'
export type { OnnxSummary, OnnxValueSummary } from './onnx/inspect'
export { GradBuilder } from './ops/builder'
export type { FusedProgram, FusedRef, FusedStep } from './ops/fused'
export { getOp, opNames } from './ops/registry'
export type { Attrs, BackwardContext, NDArray, OnnxAttr, OnnxContext, OnnxEmitter, OnnxMapping, OpDef } from './ops/types'
export { optimize } from './passes/optimize'
export type { OptimizeOptions, OptimizeResult } from './passes/optimize'
export { PASS_NAMES } from './passes/work'
export type { CreatedNode, PassLogEntry, PassName } from './passes/work'
export { record } from './record'
export type { EngineEvent, GradEvent, NodeEvent, PassEvent, ValueEvent, WarningEvent } from './record'
export { Session } from './session'
export type { Feeds, FeedValue, Fetch } from './session'
export type { Shape, StaticShape } from './shape'
export { snapshot } from './snapshot'
export type { GraphSnapshot, SnapshotNode, SnapshotOptions } from './snapshot'
export { Tensor } from './tensor'
export { trace } from './trace'
export type { TracedFunction } from './trace'
