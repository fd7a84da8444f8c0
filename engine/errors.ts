/** An error meant to be read by a learner: it names the op and the shapes or names involved. */
export class EngineError extends Error {
  override name = 'EngineError'
}

/** Shapes as learners write them: `[2,3]`; an unknown (static) dimension prints as `?`. */
export function formatShape(shape: readonly (number | null)[]): string {
  return `[${shape.map(d => (d === null ? '?' : String(d))).join(',')}]`
}
