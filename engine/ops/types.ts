import type { Shape, StaticShape } from '../shape'

/** The raw data an op's forward works on: a flat row-major Float64Array and its shape. Tensors are NDArrays. */
export interface NDArray {
  readonly data: Float64Array
  readonly shape: Shape
}

/** Every attribute any op takes. Plain JSON values only, so graphs can be copied, shown and exported. */
export interface Attrs {
  /** sum, mean, numel, expandLike: the reduced axis (normalised to 0..rank-1); absent = all axes */
  axis?: number
  keepdims?: boolean
  /** pow: the constant exponent */
  exponent?: number
  /** reshape: the target shape, one entry may be -1 */
  shape?: readonly number[]
  /** transpose: the permutation; absent = reverse the axes */
  perm?: readonly number[]
  /** fused: the elementwise ops it runs (format documented in ops/fused.ts) */
  program?: FusedProgram
}

/** input = placeholder, param = variable, const = constant, op = an op node, grad = added by `gradients` */
export type NodeKind = 'input' | 'param' | 'const' | 'op' | 'grad'

/**
 * A graph node as the layers below the Graph class see it (the interpreter, the cond op, the ONNX
 * mapping): structural, so they need not import the class. GraphNode implements it.
 */
export interface NodeLike {
  readonly id: string
  readonly op: string
  readonly inputs: readonly NodeLike[]
  readonly attrs: Attrs
  readonly shape: StaticShape
  readonly kind: NodeKind
  readonly name?: string
  /** a constant's value, or a variable's initial value */
  readonly value?: NDArray
  /** ids of the nodes whose gradient this node is (set by `gradients`) */
  readonly gradOf?: readonly string[]
}

/** A graph as the layers below the Graph class see it (cond's branches): nodes in run order, declared outputs. */
export interface Subgraph {
  readonly nodes: readonly NodeLike[]
  readonly outputs: readonly NodeLike[]
}

/** What a label is made from: a node's op, attrs and, for constants, its value and shape. */
export type LabelSource = Pick<NodeLike, 'op' | 'attrs' | 'shape' | 'name' | 'value'>

/**
 * Where a source op (no inputs) gets its value while a graph runs. Each mode says it its own way: a
 * Session from its feeds and variable store, a replay from the call's arguments, the ONNX exporter
 * as value names.
 */
export interface Env<V> {
  placeholder: (node: NodeLike) => V
  variable: (node: NodeLike) => V
  constant: (node: NodeLike) => V
}

/** A fused node's program (format documented in ops/fused.ts). */
export type FusedRef = { input: number } | { step: number }

export interface FusedStep {
  op: string
  args: FusedRef[]
  attrs?: Attrs
  from?: string
}

export interface FusedProgram {
  steps: FusedStep[]
}

/** An operand: a value of the mode (a Tensor, a graph node), or a number that becomes a constant. */
export type Operand<V> = V | number

/** One call of an operation, ready to run. */
export interface OpCall<V> { op: string, inputs: Operand<V>[], attrs: Attrs }

export interface Operations<V> {
  add: (a: Operand<V>, b: Operand<V>) => V
  sub: (a: Operand<V>, b: Operand<V>) => V
  mul: (a: Operand<V>, b: Operand<V>) => V
  div: (a: Operand<V>, b: Operand<V>) => V
  neg: (a: Operand<V>) => V
  /** a constant exponent */
  pow: (a: Operand<V>, exponent: number) => V
  exp: (a: Operand<V>) => V
  log: (a: Operand<V>) => V
  matmul: (a: Operand<V>, b: Operand<V>) => V
  relu: (a: Operand<V>) => V
  tanh: (a: Operand<V>) => V
  sigmoid: (a: Operand<V>) => V
  /** over every element, or one axis (negative counts from the end); keepdims keeps it as size 1 */
  sum: (a: Operand<V>, axis?: number, keepdims?: boolean) => V
  mean: (a: Operand<V>, axis?: number, keepdims?: boolean) => V
  /** one dimension may be -1 */
  reshape: (a: Operand<V>, shape: readonly number[]) => V
  /** no perm: reverse the axes */
  transpose: (a: Operand<V>, perm?: readonly number[]) => V
  // Comparisons (torch.gt, tf.greater, …): 0/1 values with no gradient, so a predicate can stay in the graph.
  gt: (a: Operand<V>, b: Operand<V>) => V
  lt: (a: Operand<V>, b: Operand<V>) => V
  ge: (a: Operand<V>, b: Operand<V>) => V
  le: (a: Operand<V>, b: Operand<V>) => V
  eq: (a: Operand<V>, b: Operand<V>) => V
}

export type OperationName = keyof Operations<unknown>

/** The same operations as methods whose receiver is the first operand: `x.add(y)` for `add(x, y)`. */
export type OperationMethods<V> = {
  [K in OperationName]: Operations<V>[K] extends (a: never, ...rest: infer R) => infer Out ? (...rest: R) => Out : never
}

/**
 * The vocabulary backward rules are written in (GradBuilder, ops/builder.ts): every public operation,
 * plus what gradients need besides. In eager mode `T` is a Tensor and each call computes; in static
 * mode `T` is a graph node and each call adds a node.
 */
export interface GradOps<T> extends Operations<T> {
  shape: (x: Operand<T>) => StaticShape
  /** a cond node (see engine/cond.ts): cond's gradient is itself a cond over gradient branches */
  cond: (pred: T, inputs: readonly T[], attrs: Attrs) => T
  /** for each input of a cond branch, a graph computing its gradient */
  branchGradients: (branch: Subgraph) => Subgraph[]
  reshapeLike: (a: T, like: T) => T
  /** how many elements a reduction over `axis` (or all) of `a` combines, as a scalar */
  numel: (a: T, axis?: number) => T
  /** spread `a` (a reduction of `like`, or anything broadcastable to it) back out to `like`'s shape */
  expandLike: (a: T, like: T, axis?: number, keepdims?: boolean) => T
  /** sum a gradient back down to the shape of the operand it flows to (undoing broadcasting) */
  unbroadcast: (grad: T, like: T) => T
}

export interface BackwardContext<T> {
  inputs: readonly T[]
  output: T
  /** the upstream gradient, shaped like `output` */
  grad: T
  attrs: Attrs
}

/**
 * One op, defined once. Eager tensors, static graph builders and symbolic gradients all use this.
 * `backward` gets a builder `b` whose ops either compute (eager) or add graph nodes (static); that is
 * how one rule serves both modes. It returns one gradient per input, or null where there is none.
 */
export interface OpDef {
  name: string
  /** how many inputs; -1: any number (fused, cond) */
  arity: number
  /** a source op (placeholder, variable, constant): no inputs; running the graph reads its value from the Env */
  source?: keyof Env<unknown>
  /** the node kind it makes in a graph (default 'op') */
  kind?: NodeKind
  /** each output element depends only on the matching (broadcast) input elements: fusable */
  elementwise?: boolean
  /** output shape from input shapes; throws an EngineError naming the op and shapes on mismatch */
  shape: (inputs: readonly StaticShape[], attrs: Attrs) => (number | null)[]
  forward: (inputs: readonly NDArray[], attrs: Attrs) => NDArray
  /** absent: the op has no gradient (comparisons, sizes) */
  backward?: <T>(b: GradOps<T>, ctx: BackwardContext<T>) => (T | null)[]
  /** short label for diagrams, e.g. `sum(axis=1)`; defaults to the name (a node's own name wins) */
  label?: (attrs: Attrs, node?: LabelSource) => string
  /** how `toOnnx` writes the op as ONNX operators; absent: the op cannot be exported */
  onnx?: OnnxMapping
}

/** An ONNX attribute value: an int, a list of ints, a string, a float (`{ float }`), or a subgraph. */
export type OnnxAttr = number | readonly number[] | string | { readonly float: number } | OnnxSubgraph

/** A subgraph made by the exporter (If's branches); op mappings only pass it on as an attribute. */
export interface OnnxSubgraph {
  readonly onnxSubgraph: true
}

/** What an op's ONNX mapping writes with. Values are ONNX value names; the exporter chooses them. */
export interface OnnxEmitter {
  /** adds one ONNX operator (default domain, one output) and returns its output's name */
  node: (opType: string, inputs: readonly string[], attrs?: Readonly<Record<string, OnnxAttr>>) => string
  /** a constant int64 tensor (axes, shapes); a number gives a scalar */
  int64: (values: number | readonly number[]) => string
  /** a constant float32 scalar */
  float: (value: number) => string
  /**
   * An engine graph as an ONNX subgraph (If's branches): its placeholders, in node order, read the
   * outer values `inputs`; its declared `outputs` become the subgraph's outputs. `name` labels it.
   */
  subgraph: (graph: Subgraph, inputs: readonly string[], name: string) => OnnxSubgraph
}

export interface OnnxContext {
  /** the value names of the node's inputs, in order */
  inputs: readonly string[]
  /** their static shapes (`null`: known only at run time) */
  shapes: readonly StaticShape[]
  attrs: Attrs
}

/** An op's ONNX mapping: emits the operators that compute it and returns the name holding its result. */
export type OnnxMapping = (e: OnnxEmitter, ctx: OnnxContext) => string
