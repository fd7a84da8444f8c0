// `npm run export:handout` → exports/pytorch-vs-tensorflow-handout.pdf: every slide with its speaker
// notes under it, as a document (A4, text, page numbers). Slidev's exporter cannot put notes under
// slides (slidevjs/slidev #1421, #2278), so this shoots the built deck in Chromium, composes one HTML
// document around the pictures (compose.ts) and has Chromium print it.
import type { DemoAlias } from '../../demos/index'
import type { HandoutSlide } from './compose'
import type { ShotRequest } from './shoot'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { chromium } from 'playwright-core'
import { DEMO_SCRIPTS } from '../../demos/index'
import { keySteps } from '../../demos/key-steps'
import { exercisesOfSlide } from '../../kit/exercise-links'
import { CHROMIUM_FLAGS, findChromiumOrExit } from '../browser'
import { loadDeck } from '../deck'
import { DIST_DIR, EXPORT_DIR, HANDOUT_PDF } from '../paths'
import { serveDist } from '../serve-dist'
import { composeHandout } from './compose'
import { fontFaces } from './fonts'
import { printHandout } from './print'
import { shoot, shotFile } from './shoot'

const isDemo = (alias: string | undefined): alias is DemoAlias => !!alias && alias in DEMO_SCRIPTS

export interface HandoutResult { pdf: string, pages: number, bytes: number, seconds: { shots: number, print: number } }

export async function exportHandout(pdf = HANDOUT_PDF): Promise<HandoutResult> {
  const t1 = Date.now()
  const deck = await loadDeck()
  const slides: HandoutSlide[] = []
  const requests: ShotRequest[] = []
  const scratch = mkdtempSync(join(tmpdir(), 'handout-'))
  for (const s of deck) {
    const base = { no: s.no, title: s.title, notes: s.noteSource, exercises: exercisesOfSlide(s.alias) }
    if (isDemo(s.alias)) {
      const script = DEMO_SCRIPTS[s.alias]()
      const steps = keySteps(s.alias, script)
      const shots = steps.map(k => ({ no: s.no, clicks: k, demoStep: k }))
      requests.push(...shots)
      const last = script.steps.length - 1
      const strip = steps.map((k, i) => ({ step: k, last, caption: script.steps[k].caption, image: basename(shotFile(scratch, shots[i])) }))
      slides.push({ ...base, image: strip.at(-1)!.image, strip })
    }
    else {
      requests.push({ no: s.no })
      slides.push({ ...base, image: basename(shotFile(scratch, { no: s.no })) })
    }
  }

  const server = await serveDist(DIST_DIR)
  const browser = await chromium.launch({ executablePath: findChromiumOrExit(), args: CHROMIUM_FLAGS })
  try {
    const sources = await shoot(browser, server.url, requests, scratch)
    for (const slide of slides)
      slide.sources = sources.get(slide.no)
    const t2 = Date.now()
    const html = join(scratch, 'index.html')
    writeFileSync(html, composeHandout({ title: String(deck[0].frontmatter.title ?? 'Handout'), kit: deck[0].frontmatter.kit as string | undefined, slides, fonts: fontFaces() }))
    mkdirSync(EXPORT_DIR, { recursive: true })
    const overflow = await printHandout(browser, html, pdf)
    if (overflow.length) {
      const message = `the notes of slide(s) ${overflow.join(', ')} do not fit on one page even beside a half-width picture: shorten them`
      // HANDOUT_DEBUG=1 keeps the PDF anyway, to look at what does not fit.
      if (!process.env.HANDOUT_DEBUG) {
        rmSync(pdf, { force: true })
        throw new Error(message)
      }
      console.warn(`handout: ${message}`)
    }
    const t3 = Date.now()
    return { pdf, pages: slides.length, bytes: statSync(pdf).size, seconds: { shots: (t2 - t1) / 1000, print: (t3 - t2) / 1000 } }
  }
  finally {
    await browser.close()
    await server.close()
    rmSync(scratch, { recursive: true, force: true })
  }
}
