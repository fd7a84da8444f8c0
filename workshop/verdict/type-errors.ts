import type { CheckResult } from '../tracks/types'
import { typeErrorMessage } from './words'

// Type errors in the learner's file, and how they change a verdict: shared by the CLI's warm checker
// (which gets them from a TypeScript language service in Node) and the deck's workshop page (from
// Monaco's TypeScript worker). Pure: no Node, no DOM.

export interface TypeErrors {
  /** How many errors the file has. */
  count: number
  /** The first errors formatted as the compiler prints them: file:line:col, the message, the code frame. */
  text: string
  /** Where the first one is. */
  location: { file: string, line: number }
}

/** A type error is the clearer message, unless the file does not even load (a syntax error says where). */
export function withTypeErrors(result: CheckResult, typeErrors: TypeErrors | undefined): CheckResult {
  if (!typeErrors || result.verdict === 'error')
    return result
  return { ...result, verdict: 'type-error', message: typeErrorMessage(typeErrors.count, typeErrors.text), location: typeErrors.location }
}

/** A diagnostic as Monaco's TypeScript worker gives it (TypeScript's own Diagnostic, made serialisable). */
export interface PlainDiagnostic {
  start?: number
  length?: number
  code: number
  /** A string, or a chain of them (the first is the headline, the rest indented below it). */
  messageText: string | { messageText: string, next?: PlainDiagnostic['messageText'][] }
}

/** The one global an exercise uses, console, declared without the DOM's or Node's types. */
export const EXERCISE_GLOBALS = `
interface Console {
  log(...data: unknown[]): void
  error(...data: unknown[]): void
  warn(...data: unknown[]): void
  info(...data: unknown[]): void
  debug(...data: unknown[]): void
  table(data: unknown, columns?: string[]): void
  dir(item: unknown, options?: unknown): void
}
declare var console: Console
`

/** Errors shown at once: the first is usually the cause of the rest. */
export const SHOWN_TYPE_ERRORS = 3

function flatten(text: PlainDiagnostic['messageText'], depth = 0): string {
  if (typeof text === 'string')
    return text
  const here = `${'  '.repeat(depth)}${text.messageText}`
  return [here, ...(text.next ?? []).map(n => flatten(n, depth + 1))].join('\n')
}

/**
 * `tsc --pretty`'s layout without colours: "file:line:col - error TSnnnn: message", a blank line, the
 * line of code with its number, and a ~~~ under the error's span.
 */
export function formatTypeErrors(file: string, source: string, diagnostics: PlainDiagnostic[]): TypeErrors | undefined {
  if (!diagnostics.length)
    return undefined
  const lineStarts = [0]
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\n')
      lineStarts.push(i + 1)
  }
  const position = (offset: number): { line: number, column: number } => {
    let line = 0
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++
    return { line, column: offset - lineStarts[line] }
  }
  const lines = source.split('\n')
  const blocks = diagnostics.slice(0, SHOWN_TYPE_ERRORS).map((d) => {
    const { line, column } = position(d.start ?? 0)
    const code = lines[line] ?? ''
    const gutter = String(line + 1)
    const width = Math.max(1, Math.min(d.length ?? 1, code.length - column))
    return [
      `${file}:${line + 1}:${column + 1} - error TS${d.code}: ${flatten(d.messageText)}`,
      '',
      `${gutter} ${code}`,
      `${' '.repeat(gutter.length)} ${' '.repeat(column)}${'~'.repeat(width)}`,
    ].join('\n')
  })
  const more = diagnostics.length - blocks.length
  return {
    count: diagnostics.length,
    text: blocks.join('\n') + (more > 0 ? `\n… and ${more} more type error${more === 1 ? '' : 's'}` : ''),
    location: { file, line: position(diagnostics[0].start ?? 0).line + 1 },
  }
}
