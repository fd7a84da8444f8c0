// From a command's start to the first slide on screen, as a presenter meets it: the browser is already
// open (launched before the command, not timed), the command starts, and its page is opened as soon as
// the server answers HTTP. For `slidev` (the dev server) and `npm run present` (the built deck).
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { DECK_CONTEXT } from '../scripts/browser'
import { launchBrowser } from './page-probe'

export interface StartRun {
  /** Command start → the server answers HTTP. */
  httpMs: number
  /** Command start → slide 1 painted in the page opened then. */
  visibleMs: number
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok
  }
  catch {
    return false
  }
}

/** Runs `command` in `cwd` (its own process group, stopped after), opening `url` once it answers. */
export async function measureStart(command: string, args: string[], cwd: string, url: string, env: Record<string, string> = {}): Promise<StartRun> {
  const browser = await launchBrowser()
  let server: ChildProcess | undefined
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, ...DECK_CONTEXT })
    const started = Date.now()
    server = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'ignore', detached: true })
    const exited = new Promise<never>((_, reject) => server!.on('exit', code => reject(new Error(`${command} ${args.join(' ')} exited (${code}) before its first slide`))))
    const limit = started + 180_000
    while (!(await answers(url))) {
      if (Date.now() > limit)
        throw new Error(`${command} did not answer at ${url} within 180 s`)
      await Promise.race([new Promise(resolve => setTimeout(resolve, 50)), exited])
    }
    const httpMs = Date.now() - started
    await page.goto(`${url}/1`, { waitUntil: 'commit', timeout: 180_000 })
    // The probe's painted() gives up after 20 s; a cold dev server can take longer. Same condition, polled each frame.
    const shown = page.waitForFunction(() => {
      const slide = document.querySelector<HTMLElement>('[data-slidev-no="1"]')
      return document.querySelector('[data-deck-state]')?.getAttribute('data-slide') === '1'
        && !!slide?.checkVisibility() && (slide.textContent ?? '').trim().length > 0
    }, undefined, { polling: 'raf', timeout: 180_000 })
    await Promise.race([shown, exited])
    return { httpMs, visibleMs: Date.now() - started }
  }
  finally {
    if (server?.pid && server.exitCode === null)
      process.kill(-server.pid)
    await browser.close()
  }
}
