// Where watch mode's key presses come from: the terminal in raw mode, or (for tests and scripts,
// WORKSHOP_KEYS_FROM_STDIN=1) plain characters piped to stdin. `listenForKeys` returns undefined when
// there is no way to read keys.

export type KeyHandler = (key: string) => void

export const KEYS_FROM_STDIN = process.env.WORKSHOP_KEYS_FROM_STDIN === '1'

export interface KeyListener {
  /** Hands stdin to someone else (a selection prompt) until `resume`. */
  pause: () => void
  resume: () => void
  /** For good: we are quitting. */
  stop: () => void
}

export function listenForKeys(onKey: KeyHandler, onEnd: () => void): KeyListener | undefined {
  const stdin = process.stdin
  if (!KEYS_FROM_STDIN && !stdin.isTTY)
    return undefined
  const onData = (data: string): void => {
    for (const key of data) {
      if (key.trim())
        onKey(key === '\u0003' ? 'ctrl-c' : key.toLowerCase())
    }
  }
  const resume = (): void => {
    if (stdin.isTTY)
      stdin.setRawMode(true)
    stdin.setEncoding('utf8')
    stdin.on('data', onData)
    stdin.on('end', onEnd)
    stdin.resume()
  }
  const pause = (): void => {
    stdin.off('data', onData)
    stdin.off('end', onEnd)
  }
  resume()
  return {
    pause,
    resume,
    stop: () => {
      pause()
      if (stdin.isTTY)
        stdin.setRawMode(false)
      // We are quitting: an open stdin pipe would keep the process alive.
      stdin.destroy()
    },
  }
}
