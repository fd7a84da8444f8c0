// One page per Playwright worker, moved from test to test by the deck's own router (scripts/deck-nav.ts),
// as a presenter's browser moves through a talk: loading the deck afresh for every test was most of the
// time of the files that use it. Deep links still load the page: that is what a bookmark does.
import type { Page } from '@playwright/test'
import { test as base } from '@playwright/test'
import { guardPage } from './page-guard'

export interface DeckPage {
  page: Page
  /** What went wrong offline during this test (page-guard.ts), emptied before each test. */
  problems: string[]
}

export const test = base.extend<{ deckPage: DeckPage }, { workerPage: DeckPage, morePermissions: string[] }>({
  /** Granted to the worker's page besides the project's (`test.use({ morePermissions: [...] })` in a file). */
  morePermissions: [[], { option: true, scope: 'worker' }],
  workerPage: [async ({ browser, morePermissions }, use, { project }) => {
    const permissions = [...project.use.permissions ?? [], ...morePermissions]
    const context = await browser.newContext({ baseURL: project.use.baseURL, viewport: project.use.viewport, permissions })
    const page = await context.newPage()
    await use({ page, problems: guardPage(page) })
    await context.close()
  }, { scope: 'worker' }],
  // A failed test gets a fresh worker, and so a fresh page: one test's failure never leaks into another's.
  deckPage: async ({ workerPage }, use) => {
    workerPage.problems.length = 0
    await use(workerPage)
  },
})
