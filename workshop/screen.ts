import process from 'node:process'

// Writing to the participant's terminal: lines wrapped on words to its width, a redraw that keeps
// the scrollback (the previous frame scrolls up instead of being erased), and a reader that went away
// (`| head`) ends the runner quietly instead of with an EPIPE stack trace.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;]*m/g

export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length
}

/** The terminal's width; COLUMNS for pipes (tests, `| less`); undefined means do not wrap. */
export function terminalWidth(): number | undefined {
  const width = process.stdout.columns || Number(process.env.COLUMNS)
  return Number.isFinite(width) && width >= 20 ? width : undefined
}

function wrapLine(line: string, width: number): string[] {
  if (visibleLength(line) <= width)
    return [line]
  // Continuation lines keep the line's own indent, so an indented message stays one block.
  const indent = line.match(/^\s*/)![0]
  const words = line.slice(indent.length).split(' ')
  const lines: string[] = []
  let current = indent
  for (const word of words) {
    const candidate = current.trim() ? `${current} ${word}` : `${current}${word}`
    if (visibleLength(candidate) <= width || !current.trim()) {
      current = candidate // a single word longer than the line stays whole: paths and URLs must stay copyable
      continue
    }
    lines.push(current)
    current = `${indent}${word}`
  }
  lines.push(current)
  return lines
}

/** Breaks every line longer than `width` at spaces, never inside a word. */
export function wrap(text: string, width = terminalWidth()): string {
  if (!width)
    return text
  return text.split('\n').flatMap(line => wrapLine(line, width)).join('\n')
}

/** console.log, wrapped to the terminal. */
export function say(text: string): void {
  console.log(wrap(text))
}

/** A new frame at the top of the screen; the old one scrolls into the scrollback, nothing is erased. */
export function redraw(frame: string): void {
  if (process.stdout.isTTY)
    process.stdout.write(`${'\n'.repeat(process.stdout.rows || 24)}\u001B[H\u001B[J`)
  console.log(wrap(frame))
}

/** A closed reader (`npm run workshop -- list | head -1`) is not an error: stop writing and leave. */
export function quietOnClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE')
        throw error
      process.exit(process.exitCode ?? 0)
    })
  }
}
