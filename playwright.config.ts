import { defineConfig } from '@playwright/test'
import { CHROMIUM_FLAGS, DECK_CONTEXT, findChromiumOrExit } from './scripts/browser'

// End-to-end tests run against the BUILT deck (`npm run build` first), served on 127.0.0.1.
const port = Number(process.env.E2E_PORT ?? 4173)

export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright empties its output folder when it starts; npm test's Python lane, still running beside
  // it, keeps its logs and reports in test-results/ itself.
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    ...DECK_CONTEXT,
    launchOptions: { executablePath: findChromiumOrExit(), args: CHROMIUM_FLAGS },
  },
  webServer: {
    command: `tsx scripts/serve-dist.ts`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
})
