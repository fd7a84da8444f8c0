import type { OpDef } from './types'
import { EngineError, formatShape } from '../errors'

/**
 * The source ops: a graph's leaves, with no inputs. Their value is not computed but read from the
 * environment the graph runs in (`Env`: a Session's feeds and variables, a replay's arguments, the
 * exporter's value names), so one interpreter (engine/evaluate.ts) serves every mode.
 */
const SOURCE_KINDS = { placeholder: 'input', variable: 'param', constant: 'const' } as const

function source(name: keyof typeof SOURCE_KINDS, label?: OpDef['label']): OpDef {
  return {
    name,
    arity: 0,
    source: name,
    kind: SOURCE_KINDS[name],
    // A source's shape is declared when it is made (a placeholder's, or its value's): nothing to infer.
    shape: () => {
      throw new EngineError(`${name}: needs a shape`)
    },
    forward: () => {
      throw new EngineError(`${name}: a source has no forward; its value comes from where the graph runs`)
    },
    label,
  }
}

/** A value fed at run time, like `tf.compat.v1.placeholder`. */
export const placeholder = source('placeholder')
/** A trainable value, held by each Session, like `tf.Variable`. */
export const variable = source('variable')
/** A value fixed in the graph; one-element constants show their number. */
export const constant = source('constant', (_, node) =>
  node?.value?.data.length === 1 ? String(node.value.data[0]) : `const${formatShape(node?.shape ?? [])}`)

export const SOURCES: Readonly<Record<string, OpDef>> = { placeholder, variable, constant }

/** A graph's inputs: its placeholders, in node order (a traced function's arguments, a cond branch's captures). */
export function graphInputs<N extends { readonly op: string }>(graph: { readonly nodes: readonly N[] }): N[] {
  return graph.nodes.filter(n => n.op === placeholder.name)
}
