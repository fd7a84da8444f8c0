import type { WorkshopPaths } from './paths'
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// One watch-mode runner per workspace: two would check the same files and overwrite each other's
// progress. The lock file holds the holder's pid; a lock whose process is gone (a closed laptop lid,
// a killed terminal) is stale and taken over.

export interface LockHolder {
  pid: number
  since: string
}

export class LockHeldError extends Error {
  constructor(readonly holder: LockHolder, readonly file: string) {
    super(`Another workshop runner is already running here (process ${holder.pid}, since ${holder.since}).`)
    this.name = 'LockHeldError'
  }
}

export function lockFile(paths: WorkshopPaths): string {
  return join(paths.root, '.workshop-lock')
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' // exists, but is someone else's
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>
    return typeof data.pid === 'number' ? { pid: data.pid, since: String(data.since ?? '?') } : undefined
  }
  catch {
    return undefined // vanished or half-written: treat as stale
  }
}

/** Takes the lock or throws LockHeldError; returns the release function (also run on exit). */
export function acquireLock(paths: WorkshopPaths): () => void {
  const file = lockFile(paths)
  const mine: LockHolder = { pid: process.pid, since: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(mine)}\n`, { flag: 'wx' })
      break
    }
    catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0)
        throw error
      const holder = readHolder(file)
      if (holder && holder.pid !== process.pid && alive(holder.pid))
        throw new LockHeldError(holder, file)
      unlinkSync(file) // stale: its runner is gone
    }
  }
  const release = (): void => {
    process.off('exit', release)
    if (readHolder(file)?.pid === process.pid) {
      try {
        unlinkSync(file)
      }
      catch {}
    }
  }
  process.on('exit', release)
  return release
}
