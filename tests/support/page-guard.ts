// Collects everything that would embarrass a presenter offline: console errors, uncaught exceptions,
// failed requests, and any request to a host other than the deck's own.
import type { Page } from '@playwright/test'

export function guardPage(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error')
      problems.push(`console error: ${msg.text()}`)
  })
  page.on('pageerror', error => problems.push(`page error: ${error.message}`))
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol))
      return
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')
      problems.push(`outside request: ${request.url()}`)
  })
  page.on('requestfailed', (request) => {
    // Leaving a page cancels what it was still fetching (a font, a lazy chunk): that is not a fault.
    const error = request.failure()?.errorText
    if (error !== 'net::ERR_ABORTED')
      problems.push(`failed request: ${request.url()} (${error})`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  return problems
}

/** The deck's navigation state, published by global-bottom.vue. */
export async function deckState(page: Page) {
  const el = page.locator('[data-deck-state]')
  const read = async (name: string) => Number(await el.getAttribute(name))
  return {
    slide: await read('data-slide'),
    total: await read('data-total'),
    clicks: await read('data-clicks'),
    clicksTotal: await read('data-clicks-total'),
  }
}

/** The element of slide `no` currently on screen (not the one leaving in a transition). */
export function slideLocator(page: Page, no: number) {
  return page.locator(`#slide-content .slidev-page-${no}`)
}
