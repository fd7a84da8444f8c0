import { notify } from './hooks'

/**
 * A warning for the learner (TracerWarning, tf.function's retracing warning). Inside `record` it
 * becomes a `{ type: 'warning' }` event; with no one listening it goes to console.warn, as Python's
 * `warnings` / TF's logger print theirs.
 */
export function warn(message: string, id?: string): void {
  let heard = false
  notify((o) => {
    if (o.warning) {
      heard = true
      o.warning(message, id)
    }
  }, true)
  if (!heard)
    console.warn(message)
}
