import type { CheckResult } from './types'
import type { ReportedError, ReportedModule } from './vitest-reporter'

// Turns what Vitest reported for one check file into a CheckResult in plain words: the first failing
// check's name with "expected X, got Y", or a syntax error's file:line and message. No stack traces.
// Pure (no Node): the deck's workshop page words its verdicts with it too (workshop/web/).

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;]*m/g

function clean(text: string): string {
  return text.replace(ANSI, '')
}

/** Pretty-format prints objects over several lines; keep short values on one. */
function compact(value: string): string {
  const oneLine = value.replace(/\n\s*/g, ' ').replace(/,\s*([}\]])/g, ' $1').replace(/\[ (.*) \]$/, '[$1]')
  return oneLine.length <= 80 ? oneLine : value
}

function firstLine(text: string): string {
  return clean(text).split('\n').find(line => line.trim())?.trim() ?? ''
}

/** `file` relative to `root`, with forward slashes (a path outside root stays as it is). */
function where(root: string, file: string): string {
  const slashed = (path: string): string => path.replace(/\\/g, '/')
  const base = slashed(root).replace(/\/$/, '')
  const path = slashed(file)
  return base && path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path
}

/** The innermost stack frame inside the exercise folder, preferring the learner's code over the checks. */
function locate(root: string, error: ReportedError, folder: string, checkFile: string): CheckResult['location'] {
  const frames = error.frames.filter(f => f.file.startsWith(`${folder}/`) || f.file.startsWith(`${folder}\\`))
  const frame = frames.find(f => f.file !== checkFile) ?? frames[0]
  return frame ? { file: where(root, frame.file), line: frame.line } : undefined
}

function describeFailure(error: ReportedError): string {
  const message = clean(error.message).replace(/ \/\/ Object\.is equality/, '')
  if (error.expected !== undefined && error.actual !== undefined && error.name === 'AssertionError') {
    // `expect(x, 'the gradient of a')` puts its text before the assertion's own words: keep it.
    const label = message.match(/^(.*?): expected /s)?.[1]
    const expected = compact(error.expected)
    const actual = compact(error.actual)
    const multiline = expected.includes('\n') || actual.includes('\n')
    const body = multiline
      ? `expected:\n${indent(expected)}\ngot:\n${indent(actual)}`
      : `expected ${expected}, got ${actual}`
    return label ? `${label}: ${body}` : body
  }
  if (error.name === 'AssertionError')
    return firstLine(message)
  // An exception thrown by the learner's code while the check ran.
  return `it threw ${error.name && !message.startsWith(error.name) ? `${error.name}: ` : ''}${firstLine(message)}`
}

function indent(text: string): string {
  return text.split('\n').map(line => `    ${line}`).join('\n')
}

/** A module that failed to load: a syntax error (file:line + message) or an error at import time. */
function loadError(root: string, error: ReportedError, folder: string, checkFile: string): Pick<CheckResult, 'message' | 'location'> {
  const text = clean(error.message)
  const parse = text.match(/\[(?:PARSE_ERROR|SYNTAX_ERROR)\]\s*(?:Error:\s*)?(.+)/)
  if (parse || error.erroredFile) {
    const pos = text.match(/([^\s[\]]+\.[cm]?[jt]sx?):(\d+):(\d+)/)
    const file = error.erroredFile ?? checkFile
    const line = pos ? Number(pos[2]) : undefined
    const detail = parse?.[1]?.trim() ?? firstLine(text.replace(/^Transform failed with \d+ errors?:/, ''))
    return {
      message: `Syntax error in ${where(root, file)}${line ? `:${line}${pos ? `:${pos[3]}` : ''}` : ''}: ${detail}`,
      location: { file: where(root, file), line },
    }
  }
  return {
    message: `The code could not be loaded: ${error.name && !text.startsWith(error.name) ? `${error.name}: ` : ''}${firstLine(text)}`,
    location: locate(root, error, folder, checkFile),
  }
}

const TIMED_OUT = /Test timed out in (\d+)ms/

export function verdictFromModule(root: string, module: ReportedModule, durationMs: number): CheckResult {
  const checkFile = module.file
  const folder = checkFile.slice(0, checkFile.lastIndexOf('/'))
  const passed = module.tests.filter(t => t.state === 'passed').length
  const failed = module.tests.filter(t => t.state === 'failed').length
  const base = { passed, failed, durationMs }

  if (module.errors.length)
    return { verdict: 'error', ...base, ...loadError(root, module.errors[0], folder, checkFile) }

  const failing = module.tests.find(t => t.state === 'failed')
  if (failing) {
    const error = failing.errors[0] ?? { message: 'failed', frames: [] }
    const timedOut = clean(error.message).match(TIMED_OUT)
    if (timedOut) {
      return {
        verdict: 'timeout',
        ...base,
        message: `Check "${failing.name}" did not finish within ${(Number(timedOut[1]) / 1000).toFixed(0)} s and was stopped. Is there an endless loop or a promise that never settles?`,
      }
    }
    return {
      verdict: 'fail',
      ...base,
      message: `Check "${failing.name}" failed: ${describeFailure(error)}`,
      location: locate(root, error, folder, checkFile) ?? { file: where(root, checkFile), line: failing.line },
    }
  }
  if (passed === 0)
    return { verdict: 'error', ...base, message: `No checks ran in ${where(root, checkFile)}.` }
  return { verdict: 'pass', ...base, message: `All ${passed} check${passed === 1 ? '' : 's'} passed.` }
}
