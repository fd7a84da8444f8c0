// ONNX export and inspection: a separate entry from engine/index.ts, so that code which only builds
// and runs graphs (the deck) never loads onnx-proto and protobufjs.
export { toOnnx } from './export'
export type { OnnxExportOptions } from './export'
export { inspectOnnx } from './inspect'
export type { OnnxSummary, OnnxValueSummary } from './inspect'
export { ONNX_IR_VERSION, ONNX_OPSET } from './model'
