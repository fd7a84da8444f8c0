// Where the kit writes what it builds; README, scripts and tests all read these.
import { dirname, join, resolve } from 'node:path'

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..')
export const DIST_DIR = join(ROOT, 'dist')
/** Outside dist/ on purpose: `slidev build` empties dist/, and a handout should survive a rebuild. */
export const EXPORT_DIR = join(ROOT, 'exports')
export const SLIDES_PDF = join(EXPORT_DIR, 'pytorch-vs-tensorflow.pdf')
export const NOTES_PDF = join(EXPORT_DIR, 'pytorch-vs-tensorflow-notes.pdf')
/** Slides with their speaker notes under them (scripts/handout/). */
export const HANDOUT_PDF = join(EXPORT_DIR, 'pytorch-vs-tensorflow-handout.pdf')
