import process from 'node:process'
import { afterEach, expect, it, vi } from 'vitest'
import { redraw, visibleLength, wrap } from '../../../workshop/screen'

// The terminal side of the runner: wrapping on words, and redraws that keep the scrollback.

afterEach(() => vi.restoreAllMocks())

it('wraps long lines at spaces, keeping the indent and never splitting a word', () => {
  const text = '  Check "adds two numbers" failed: expected 5, got -1 because the operator is wrong'
  const lines = wrap(text, 30).split('\n')
  expect(lines.length).toBeGreaterThan(1)
  for (const line of lines) {
    expect(visibleLength(line)).toBeLessThanOrEqual(30)
    expect(line.startsWith('  ')).toBe(true)
  }
  expect(lines.map(l => l.trim()).join(' ')).toBe(text.trim())
})

it('leaves a word longer than the line whole (a path must stay copyable) and ignores colour codes', () => {
  const path = 'exercises/07-training-step/a-very-long-file-name-indeed.py'
  expect(wrap(`see ${path}`, 25).split('\n')).toEqual(['see', path])
  expect(wrap('\u001B[31mred\u001B[39m word', 8)).toBe('\u001B[31mred\u001B[39m word')
})

it('redraws without erasing the scrollback', () => {
  const writes: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk))
    return true
  })
  vi.spyOn(console, 'log').mockImplementation((text: string) => void writes.push(text))
  const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY')
  Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true })
  try {
    redraw('frame two')
  }
  finally {
    if (tty)
      Object.defineProperty(process.stdout, 'isTTY', tty)
    else
      delete (process.stdout as { isTTY?: boolean }).isTTY
  }
  const all = writes.join('')
  expect(all).toContain('frame two')
  expect(all).not.toContain('\u001B[3J') // "erase saved lines"
  expect(all).not.toContain('\u001B[2J') // some terminals drop the screen instead of scrolling it up
})
