// Where watch mode's key presses come from: the terminal in raw mode, or (for tests and scripts,
// WORKSHOP_KEYS_FROM_STDIN=1) plain characters piped to stdin. Returns a stop function, or undefined
// when there is no way to read keys.

export type KeyHandler = (key: string) => void

export const KEYS_FROM_STDIN = process.env.WORKSHOP_KEYS_FROM_STDIN === '1'

export function listenForKeys(onKey: KeyHandler, onEnd: () => void): (() => void) | undefined {
  const stdin = process.stdin
  if (!KEYS_FROM_STDIN && !stdin.isTTY)
    return undefined
  if (stdin.isTTY)
    stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  const onData = (data: string): void => {
    for (const key of data) {
      if (key.trim())
        onKey(key === '\u0003' ? 'ctrl-c' : key.toLowerCase())
    }
  }
  stdin.on('data', onData)
  stdin.on('end', onEnd)
  stdin.resume()
  return () => {
    stdin.off('data', onData)
    stdin.off('end', onEnd)
    if (stdin.isTTY)
      stdin.setRawMode(false)
    // We are quitting: an open stdin pipe would keep the process alive.
    stdin.destroy()
  }
}
