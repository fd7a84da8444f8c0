import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import * as engine from '../../../../engine/index'
import { formatTypeErrors, withTypeErrors } from '../../../../workshop/verdict/type-errors'
import { learnerPath, runChecks } from '../../../../workshop/web/run-checks'
import { checkSources, read } from './sources'

// The browser's check runner on learner code that goes wrong: an exception, a syntax error, a type
// error (from the TypeScript compiler's diagnostics, as Monaco's worker gives them), printed output.
// The time limit is the host's (check-host.test.ts) and the page's (tests/e2e/workshop-page.spec.ts).

const sources = checkSources()
const solution = read('solutions/01-backward-rules/solution.ts')

describe('runChecks', () => {
  it('names the check and the learner\'s line when the learner\'s code throws', async () => {
    const code = solution.replace('export function reluBackward(x: Tensor, grad: Tensor): Tensor {', '$&\n  throw new RangeError(\'not today\')')
    const result = await runChecks('01-backward-rules', code, sources, engine)
    expect(result.verdict).toBe('fail')
    expect(result.message).toBe('Check "relu > passes the gradient where x > 0 and blocks it where x < 0" failed: it threw RangeError: not today')
    const line = code.split('\n').findIndex(l => l.includes('not today')) + 1
    expect(result.location).toEqual({ file: learnerPath('01-backward-rules'), line })
  })

  it('reports a syntax error with the file, line and column, as the CLI words it', async () => {
    const code = solution.replace('export function reluBackward(x: Tensor, grad: Tensor): Tensor {', '$&\n  const n = = 1')
    const result = await runChecks('01-backward-rules', code, sources, engine)
    expect(result.verdict).toBe('error')
    const line = code.split('\n').findIndex(l => l.includes('= = 1')) + 1
    expect(result.message).toMatch(new RegExp(`^Syntax error in exercises/01-backward-rules/exercise\\.ts:${line}:\\d+: \\S`))
    expect(result.location).toEqual({ file: learnerPath('01-backward-rules'), line })
  })

  it('reports an exception thrown while the file loads', async () => {
    const result = await runChecks('01-backward-rules', `${solution}\nthrow new Error('at import time')\n`, sources, engine)
    expect(result.verdict).toBe('error')
    expect(result.message).toBe('The code could not be loaded: Error: at import time')
  })

  it('keeps what the learner\'s code printed, by stream', async () => {
    const code = solution.replace('export function reluBackward(x: Tensor, grad: Tensor): Tensor {', '$&\n  console.log(\'relu on\', x.shape)\n  console.warn(\'careful\')')
    const result = await runChecks('01-backward-rules', code, sources, engine)
    expect(result.verdict).toBe('pass')
    expect(result.output?.stdout).toContain('relu on [4]\n')
    expect(result.output?.stderr).toContain('careful\n')
  })

  it('shows a type error as the compiler prints it, over a verdict that would pass', async () => {
    const file = learnerPath('01-backward-rules')
    const code = solution.replace('export function reluBackward(x: Tensor, grad: Tensor): Tensor {', '$&\n  const n: number = \'one\'')
    const result = await runChecks('01-backward-rules', code, sources, engine)
    expect(result.verdict).toBe('pass') // types are stripped, not checked, to run

    // The diagnostics of TypeScript's compiler for this file, as Monaco's TypeScript worker returns them.
    const options = { strict: true, lib: ['lib.es2023.d.ts'], noEmit: true, types: [] }
    const host = ts.createCompilerHost(options)
    const original = host.getSourceFile
    host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, code, language) : original(name, language, ...rest))
    const program = ts.createProgram([file], options, host)
    const diagnostics = program.getSemanticDiagnostics(program.getSourceFile(file)).filter(d => d.code === 2322)
    const plain = diagnostics.map(d => ({ start: d.start, length: d.length, code: d.code, messageText: d.messageText }))
    const shown = withTypeErrors(result, formatTypeErrors(file, code, plain))

    const compiler = ts.formatDiagnosticsWithColorAndContext(diagnostics, { getCanonicalFileName: f => f, getCurrentDirectory: () => '', getNewLine: () => '\n' })
    // eslint-disable-next-line no-control-regex
    const cliText = compiler.replace(/\u001B\[[0-9;]*m/g, '').trimEnd()
    expect(shown.verdict).toBe('type-error')
    expect(shown.message).toBe(`1 type error in your file:\n${cliText}`)
    expect(shown.message).toContain('error TS2322: Type \'string\' is not assignable to type \'number\'.')
  })

  it('keeps a load error over a type error (the syntax error says where)', () => {
    const loadError = { verdict: 'error' as const, message: 'Syntax error in …', passed: 0, failed: 0, durationMs: 1 }
    expect(withTypeErrors(loadError, { count: 1, text: 'x', location: { file: 'f', line: 1 } })).toBe(loadError)
  })
})
