// Small helpers the op files use to fill their `onnx` slot. No protobuf here: op files stay light,
// and the exporter (export.ts, model.ts) is the only code that touches onnx-proto.
import type { OnnxMapping } from '../ops/types'

/** TensorProto.DataType.FLOAT: the engine computes in float64, but its models are exported as float32. */
export const ONNX_FLOAT = 1

/** TensorProto.DataType.BOOL: what If's condition and comparisons' results are. */
export const ONNX_BOOL = 9

/** An op that is exactly one ONNX operator with the same inputs and no attributes (Add, Relu, MatMul, …). */
export function onnxOp(opType: string): OnnxMapping {
  return (e, { inputs }) => e.node(opType, inputs)
}

/** A comparison: the ONNX operator gives booleans, the engine 0/1 floats, hence the Cast. */
export function onnxCompare(opType: 'Greater' | 'Less' | 'GreaterOrEqual' | 'LessOrEqual' | 'Equal'): OnnxMapping {
  return (e, { inputs }) => e.node('Cast', [e.node(opType, inputs)], { to: ONNX_FLOAT })
}
