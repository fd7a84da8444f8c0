import { expect, it } from 'vitest'
import { freshRoots, WatchSession } from './cli-harness'

// Getting around: open an exercise by number, resume where the last run left off, pick from the list.

const root = freshRoots()()

async function quit(watch: WatchSession): Promise<void> {
  watch.press('q')
  await watch.waitFor('Bye!')
  expect(await watch.exited).toBe(0)
}

it('opens the exercise asked for, resumes there next time, and `l` selects another', { timeout: 120_000 }, async () => {
  const jump = new WatchSession(root, ['2'])
  try {
    expect(await jump.waitFor('quit')).toContain('02-scale  Scale a vector')
    await quit(jump)
  }
  finally {
    jump.kill()
  }

  // 01 is still unsolved, yet the runner reopens 02 where the participant was.
  const resumed = new WatchSession(root)
  try {
    expect(await resumed.waitFor('quit')).toContain('02-scale  Scale a vector')
    resumed.press('l')
    await resumed.waitFor('Open which exercise?')
    resumed.press('\u001B[B\r') // ↓ from 02, enter
    expect(await resumed.waitFor('quit')).toContain('03-count  Count down')
    await quit(resumed)
  }
  finally {
    resumed.kill()
  }
})
