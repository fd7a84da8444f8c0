// Chromium prints the composed handout (compose.ts) to an A4 PDF, after its pictures are fitted.
import type { Browser } from 'playwright-core'

/** Prints `html` (a file) to `pdf`; returns the slides whose sheet does not fit one page (none, normally). */
export async function printHandout(browser: Browser, html: string, pdf: string): Promise<string[]> {
  // Laid out as printed, so the fitting script (compose.ts) measures what the page will hold: print
  // media, and a viewport as wide as A4 inside its margins (210 − 2 × 15 mm = 180 mm = 680 px).
  const page = await browser.newPage({ viewport: { width: 680, height: 1000 } })
  try {
    await page.emulateMedia({ media: 'print' })
    await page.goto(`file://${html}`)
    await page.locator('body[data-fitted]').waitFor({ state: 'attached' })
    const overflow = (await page.locator('body').getAttribute('data-overflow')) ?? ''
    // tagged and outline: a PDF a screen reader can follow, with a bookmark per slide title.
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
    return overflow.split(' ').filter(Boolean)
  }
  finally {
    await page.close()
  }
}
