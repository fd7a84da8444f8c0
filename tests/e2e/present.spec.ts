// `npm run present` on a current build: no rebuild, the deck and the presenter view served, both addresses printed.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { deckSourcesHash } from '../../scripts/deck-sources'
import { ROOT } from '../../scripts/paths'

test('present serves the current build with its presenter view, without rebuilding', async ({ page }) => {
  const scratch = mkdtempSync(join(tmpdir(), 'present-'))
  const stamp = join(scratch, 'stamp')
  writeFileSync(stamp, deckSourcesHash()) // dist/ was built from these sources by the suite
  // A process group of its own, stopped whole: npx and tsx each start a child, which a kill of npx alone left serving.
  const child = spawn('npx', ['tsx', 'scripts/present.ts'], { cwd: ROOT, env: { ...process.env, PORT: '0', PRESENT_BUILD_STAMP: stamp }, detached: true })
  try {
    let out = ''
    const urls = await new Promise<{ deck: string, presenter: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Uint8Array) => {
        out += new TextDecoder().decode(chunk)
        const deck = /the deck\s+(\S+)/.exec(out)?.[1]
        const presenter = /presenter\s+(\S+)/.exec(out)?.[1]
        if (deck && presenter)
          resolve({ deck, presenter })
      })
      child.on('exit', code => reject(new Error(`present exited (${code}) before serving:\n${out}`)))
    })
    expect(out).toContain('the build in dist/ is current')
    await page.goto(urls.deck)
    await expect(page.locator('[data-slidev-no="1"]')).toBeVisible()
    await page.goto(urls.presenter)
    await expect(page.locator('.slidev-presenter')).toBeVisible()
  }
  finally {
    process.kill(-child.pid!)
    rmSync(scratch, { recursive: true, force: true })
  }
})
