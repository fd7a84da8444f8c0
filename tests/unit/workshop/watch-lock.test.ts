import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { freshRoots, runCli, WatchSession } from './cli-harness'

// One runner per workspace: a second one names the holder and leaves; a lock left by a dead runner is
// taken over.

const fresh = freshRoots()

it('a second runner names the process holding the workspace and exits (2)', { timeout: 60_000 }, async () => {
  const root = fresh()
  const first = new WatchSession(root)
  try {
    await first.waitFor('quit')
    const second = await runCli(root, [], { WORKSHOP_KEYS_FROM_STDIN: '1' })
    expect(second.code).toBe(2)
    expect(second.stderr).toContain(`Another workshop runner is already running here (process ${first.child.pid}`)
    first.press('q')
    await first.waitFor('Bye!')
    expect(existsSync(join(root, '.workshop-lock'))).toBe(false)
  }
  finally {
    first.kill()
  }
})

it('takes over a stale lock whose runner is gone', { timeout: 60_000 }, async () => {
  const root = fresh()
  // A pid that is certainly not running: a child that has already exited.
  const gone = spawnSync(process.execPath, ['-e', '']).pid
  writeFileSync(join(root, '.workshop-lock'), JSON.stringify({ pid: gone, since: '2026-01-01T00:00:00Z' }))
  const watch = new WatchSession(root)
  try {
    expect(await watch.waitFor('quit')).toContain('01-add')
    expect(JSON.parse(readFileSync(join(root, '.workshop-lock'), 'utf8')).pid).toBe(watch.child.pid)
    watch.press('q')
    await watch.waitFor('Bye!')
  }
  finally {
    watch.kill()
  }
})
