import type { CheckResult, TrackName } from '../tracks/types'

// The verdict's words, shared by every front end (the CLI's tracks and the deck's workshop page), so a
// participant reads the same sentence whether the check ran in a terminal or in the browser. Pure: no Node.

/** The headline of a verdict: "01-backward-rules passes", "… is not solved yet", … */
export function verdictTitle(id: string, verdict: CheckResult['verdict']): string {
  return {
    'pass': `${id} passes`,
    'fail': `${id} is not solved yet`,
    'error': `${id} does not load`,
    'type-error': `${id} has a type error`,
    'timeout': `${id} timed out`,
    'env-missing': `${id} cannot be checked here`,
  }[verdict]
}

/** Per track (the deck's workshop page uses the TypeScript one). Python's import and exporter warm-ups happen before the limit starts (see worker.py). */
export const DEFAULT_TIMEOUT_MS: Record<TrackName, number> = { ts: 10_000, py: 10_000 }

/** The time limit's message; `howToChange` is the front end's own way to raise the limit, when it has one. */
export function stoppedMessage(timeoutMs: number, howToChange?: string): string {
  const base = `Stopped after ${Math.round(timeoutMs / 1000)} s: the checks did not finish. Is there an endless loop?`
  return howToChange ? `${base} (${howToChange})` : base
}

/** How the CLI says to raise the limit. */
export const CLI_TIMEOUT_HINT = 'Change the limit with --timeout <seconds>.'

/** A type-check's verdict message: the count, then the compiler's formatted errors. */
export function typeErrorMessage(count: number, text: string): string {
  return `${count} type error${count === 1 ? '' : 's'} in your file:\n${text}`
}

/** Lines of the learner's own output shown per stream: a few prints, never a screenful of a loop's. */
export const OUTPUT_LINES = 12

/** What the learner's code printed during the check, under the verdict, labelled by stream. */
export function formatPrinted(output: CheckResult['output'], dim: (text: string) => string = text => text): string {
  if (!output)
    return ''
  const blocks: string[] = []
  for (const stream of ['stdout', 'stderr'] as const) {
    const lines = output[stream].replace(/\n$/, '').split('\n')
    if (!output[stream].trim())
      continue
    const kept = lines.slice(0, OUTPUT_LINES)
    const more = lines.length - kept.length
    blocks.push([
      dim(`── printed while the checks ran (${stream}) ──`),
      ...kept.map(line => `  ${line}`),
      ...(more > 0 ? [dim(`  … ${more} more line${more === 1 ? '' : 's'}`)] : []),
    ].join('\n'))
  }
  return blocks.join('\n')
}
