import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll } from 'vitest'

// Runs the real workshop CLI against a temporary copy of the fixture exercises (WORKSHOP_ROOT).

export const kitRoot = resolve(import.meta.dirname, '../../..')
const fixture = join(kitRoot, 'tests/fixtures/workshop')

export function fixtureRoot(): { root: string, cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'workshop-test-'))
  cpSync(fixture, root, { recursive: true })
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) }
}

/** For a test file: returns a maker of fresh fixture copies, all removed after the file's tests. */
export function freshRoots(): () => string {
  const cleanups: (() => void)[] = []
  afterAll(() => cleanups.forEach(cleanup => cleanup()))
  return () => {
    const { root, cleanup } = fixtureRoot()
    cleanups.push(cleanup)
    return root
  }
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
  /** stdout and stderr together, in arrival order. */
  output: string
}

function startCli(root: string, args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', join(kitRoot, 'workshop/cli.ts'), ...args], {
    cwd: kitRoot,
    env: { ...process.env, WORKSHOP_ROOT: root, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  })
}

export function runCli(root: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const child = startCli(root, args, env)
  child.stdin.end()
  const result: CliResult = { code: null, stdout: '', stderr: '', output: '' }
  child.stdout.on('data', (chunk: unknown) => {
    result.stdout += String(chunk)
    result.output += String(chunk)
  })
  child.stderr.on('data', (chunk: unknown) => {
    result.stderr += String(chunk)
    result.output += String(chunk)
  })
  return new Promise(done => child.on('close', (code) => {
    result.code = code
    done(result)
  }))
}

/** An interactive session: keys are written to stdin (WORKSHOP_KEYS_FROM_STDIN=1); wait for text to appear. */
export class WatchSession {
  readonly child: ChildProcessWithoutNullStreams
  output = ''
  private seen = 0
  readonly exited: Promise<number | null>

  constructor(root: string, args: string[] = []) {
    this.child = startCli(root, args, { WORKSHOP_KEYS_FROM_STDIN: '1' })
    this.child.stdout.on('data', (chunk: unknown) => (this.output += String(chunk)))
    this.child.stderr.on('data', (chunk: unknown) => (this.output += String(chunk)))
    this.exited = new Promise(done => this.child.on('close', done))
  }

  /** Waits until `pattern` appears in output printed after the previous wait; returns that new output. */
  async waitFor(pattern: RegExp | string, timeoutMs = 30_000): Promise<string> {
    const started = Date.now()
    while (Date.now() - started < timeoutMs) {
      const fresh = this.output.slice(this.seen)
      const found = typeof pattern === 'string'
        ? { index: fresh.indexOf(pattern), length: pattern.length }
        : { index: fresh.search(pattern), length: fresh.match(pattern)?.[0].length ?? 0 }
      if (found.index >= 0) {
        this.seen += found.index + found.length
        return fresh.slice(0, found.index + found.length)
      }
      await new Promise(r => setTimeout(r, 50))
    }
    throw new Error(`timed out waiting for ${pattern}; output so far:\n${this.output}`)
  }

  press(keys: string): void {
    this.child.stdin.write(keys)
  }

  kill(): void {
    this.child.kill('SIGKILL')
  }
}
