// Moving a built deck's page to another slide or click state as a presenter's browser does: the app's own
// router, not a page load. A load parses and mounts the deck again (~0.5 s a slide on this machine); the
// built deck exposes no Slidev globals, but Vue keeps its app on the mount element in production too.
import type { Page } from 'playwright-core'

/**
 * Opens `path` (e.g. `/7?clicks=3`) in the deck: a page load of `origin + path` the first time (origin
 * left out where the page's context has a base URL), then the router.
 */
export async function goInDeck(page: Pick<Page, 'url' | 'goto' | 'evaluate'>, path: string, origin = ''): Promise<void> {
  if (page.url() === 'about:blank') {
    await page.goto(origin + path, { waitUntil: 'load' })
    return
  }
  await page.evaluate(async (to) => {
    interface Router { push: (to: string) => Promise<unknown> }
    const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $router: Router } } } }).__vue_app__
    await app.config.globalProperties.$router.push(to)
  }, path)
}
