import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Unit tests only. Exercise checks are run by the workshop runner (untouched starters must fail them),
// and end-to-end tests by Playwright.
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Generous: some tests spawn the workshop CLI (tsx + Vitest) and share 2 cores with the rest of the suite.
    testTimeout: 90_000,
  },
})
