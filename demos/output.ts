// Which lines of a demo's printed output (snippets/*.out) are on screen at each step: a line appears
// with the step that runs the print() producing it, never before.
import type { DemoStep } from './types'

/**
 * `prints`: for each print statement, text found in its code line and text found in the output line
 * it prints. Sets each step's `printed` to the output texts printed so far.
 */
export function markPrinted(steps: DemoStep[], code: readonly string[], prints: readonly (readonly [string, string])[]): void {
  let shown: string[] = []
  for (const s of steps) {
    const line = code[s.line - 1] ?? ''
    for (const [inCode, inOutput] of prints) {
      if (line.includes(inCode) && !shown.includes(inOutput))
        shown = [...shown, inOutput]
    }
    s.printed = shown
  }
}

/** The lines of `output` shown at a step: those some printed text matches. */
export function visibleOutput(output: string, printed: readonly string[] = []): { text: string, shown: boolean }[] {
  return output.replace(/\n$/, '').split('\n').map(text => ({ text, shown: printed.some(p => text.includes(p)) }))
}
