/**
 * The `fused` op: a chain of elementwise ops run as one node, the idea behind Grappler's remapper and
 * TorchInductor's fusion. `optimize`'s fusion pass makes these nodes; nothing else needs to.
 *
 * The program lives in `attrs.program` and is plain JSON:
 *
 *   FusedProgram = { steps: FusedStep[] }
 *   FusedStep    = { op: string, args: FusedRef[], attrs?: Attrs, from?: string }
 *   FusedRef     = { input: k }   the fused node's k-th input (0-based)
 *                | { step: k }    the result of step k, an earlier step of the same program
 *
 * Steps run in order and the last step's result is the node's value. Each `op` is an elementwise
 * registry op (add, mul, relu, pow, …) taking `attrs` as it would as a node of its own (pow's
 * exponent); `from` is the id of the graph node the step replaced, for diagrams. Example, relu(x·2 + b)
 * with inputs [x, 2, b]:
 *
 *   { steps: [ { op: 'mul',  args: [{ input: 0 }, { input: 1 }] },
 *              { op: 'add',  args: [{ step: 0 }, { input: 2 }] },
 *              { op: 'relu', args: [{ step: 1 }] } ] }
 *
 * An exporter expands the program back into one node per step (ONNX has no fused node).
 * A fused node has no gradient: take gradients before optimizing, as TensorFlow does.
 */
import type { StaticShape } from '../shape'
import type { FusedProgram, FusedStep, NDArray, OpDef } from './types'
import { EngineError } from '../errors'

export type { FusedProgram, FusedRef, FusedStep } from './types'

/** Runs a program over inputs of any kind (values, or static shapes) with `apply` doing one step. */
export function runProgram<V>(program: FusedProgram | undefined, inputs: readonly V[], apply: (step: FusedStep, args: V[]) => V): V {
  if (!program || program.steps.length === 0)
    throw new EngineError('fused: the node has no program (attrs.program.steps is empty)')
  const results: V[] = []
  program.steps.forEach((step, i) => {
    const args = step.args.map((ref) => {
      if ('input' in ref) {
        if (!(ref.input >= 0 && ref.input < inputs.length))
          throw new EngineError(`fused: step ${i} (${step.op}) reads input ${ref.input}, but the node has ${inputs.length} input(s)`)
        return inputs[ref.input]
      }
      if (!(ref.step >= 0 && ref.step < i))
        throw new EngineError(`fused: step ${i} (${step.op}) reads step ${ref.step}, which does not come before it`)
      return results[ref.step]
    })
    results.push(apply(step, args))
  })
  return results[results.length - 1]
}

/**
 * The `fused` OpDef. It takes the registry lookup (rather than importing the registry, which
 * registers it) and runs each step with that op's own shape rule and forward.
 */
export function fusedOp(lookup: (name: string) => OpDef): OpDef {
  const stepOp = (step: FusedStep): OpDef => {
    const def = lookup(step.op)
    if (!def.elementwise)
      throw new EngineError(`fused: '${step.op}' is not an elementwise op, so it cannot be part of a fused node`)
    if (step.args.length !== def.arity)
      throw new EngineError(`fused: ${step.op} takes ${def.arity} input(s), the program gives it ${step.args.length}`)
    return def
  }
  return {
    name: 'fused',
    arity: -1,
    shape: (inputs, { program }) =>
      [...runProgram<StaticShape>(program, inputs, (step, args) => stepOp(step).shape(args, step.attrs ?? {}))],
    forward: (inputs, { program }) =>
      runProgram<NDArray>(program, inputs, (step, args) => stepOp(step).forward(args, step.attrs ?? {})),
    backward: () => {
      throw new EngineError('fused: a fused node has no gradient. Take gradients (g.gradients) before optimize(), as TensorFlow does, or leave out the \'fusion\' pass')
    },
    label: ({ program }) => `fused(${(program?.steps ?? []).map(s => s.op).join('→')})`,
    // ONNX has no fused node: each step becomes its own op's ONNX operators again.
    onnx: (e, { inputs, shapes, attrs: { program } }) =>
      runProgram<{ name: string, shape: StaticShape }>(program, inputs.map((name, i) => ({ name, shape: shapes[i] })), (step, args) => {
        const def = stepOp(step)
        const attrs = step.attrs ?? {}
        if (!def.onnx)
          throw new EngineError(`toOnnx: cannot export op '${step.op}' (a step of a fused node): it has no ONNX mapping`)
        const argShapes = args.map(a => a.shape)
        return { name: def.onnx(e, { inputs: args.map(a => a.name), shapes: argShapes, attrs }), shape: def.shape(argShapes, attrs) }
      }).name,
  }
}
