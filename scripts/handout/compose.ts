// The handout as one HTML document that Chromium prints to A4: one page per slide, the slide's picture
// (or a demo's strip of key steps), its exercise cards with links, and its speaker notes as text.
import type { ExerciseInfo } from '../../kit/exercise-links'
import type { SourceGroup } from './shoot'
import { escapeHtml, notesToHtml } from './notes'

export interface StripFrame {
  step: number
  last: number
  caption: string
  image: string
}

export interface HandoutSlide {
  no: number
  title: string
  /** the speaker notes as written (scripts/deck.ts `noteSource`) */
  notes: string
  image: string
  /** a demo's key steps, drawn instead of its final state alone */
  strip?: StripFrame[]
  exercises: ExerciseInfo[]
  /** the slide's list of sources, printed again as text under its picture */
  sources?: SourceGroup[]
}

export interface Handout {
  title: string
  /** where the kit is published (headmatter `kit:`), for links to the exercises' READMEs */
  kit?: string
  slides: HandoutSlide[]
  /** @font-face rules (fonts.ts) */
  fonts: string
}

/** Inside the page margins of A4 (297 mm − 14 mm − 16 mm), a hair short so rounding never adds a page. */
const SHEET_HEIGHT = '266.5mm'

function css(fonts: string, title: string) {
  return `${fonts}
@page {
  size: A4;
  margin: 14mm 15mm 16mm;
  @top-left { content: "${title.replace(/"/g, '\'')} · handout"; font: 8pt Inter; color: #6b7280; }
  @bottom-center { content: counter(page) " / " counter(pages); font: 8.5pt Inter; color: #4b5563; }
}
* { box-sizing: border-box; }
html { font: 10pt/1.45 Inter, sans-serif; color: #111827; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
.sheet { height: ${SHEET_HEIGHT}; display: flex; flex-direction: column; overflow: hidden; break-after: page; }
.sheet:last-child { break-after: auto; }
.sheet > header { display: flex; align-items: baseline; gap: 3mm; margin: 0 0 3mm; }
.sheet > header .no { flex: none; color: #6b7280; font-size: 9pt; font-weight: 600; }
h2 { margin: 0; font-size: 14pt; line-height: 1.25; }
.intro { margin: 0 0 3mm; color: #374151; }
figure { margin: 0; }
.shot img { display: block; width: 100%; margin: 0 auto; border: 0.3mm solid #d1d5db; }
.strip figure { display: flex; align-items: center; gap: 4mm; margin: 0 0 2.5mm; }
.strip img { flex: none; width: 66%; border: 0.3mm solid #d1d5db; }
.strip figcaption { font-size: 9.5pt; line-height: 1.35; }
.strip figcaption b { display: block; color: #0f766e; font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.04em; }
.exercises { display: flex; flex-wrap: wrap; gap: 2mm 4mm; margin: 3mm 0 0; }
.exercise { flex: 1 1 45%; padding: 1.5mm 3mm; border-left: 1.2mm solid #0f766e; background: #eefbf8; font-size: 9pt; line-height: 1.4; }
.exercise p { margin: 0; }
.exercise .title { font-weight: 700; }
a { color: #1d4ed8; }
code { font-family: 'JetBrains Mono', monospace; font-size: 8.5pt; }
.sources { columns: 2; column-gap: 6mm; margin: 3mm 0 0; font-size: 8.5pt; line-height: 1.35; }
.sources h4 { margin: 0 0 1mm; font-size: 8.5pt; break-after: avoid; }
.sources ul { margin: 0 0 2.5mm; padding-left: 4mm; }
.sources li { margin: 0 0 0.8mm; break-inside: avoid; }
.notes { margin: 3.5mm 0 0; padding: 2.5mm 0 0; border-top: 0.3mm solid #d1d5db; }
.notes h3 { margin: 0 0 1.5mm; color: #6b7280; font-size: 8.5pt; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; }
.notes p { margin: 0 0 1.4mm; }
.cue { color: #6b7280; }
.click { padding: 0 1mm; border: 0.25mm solid #0f766e; border-radius: 1mm; color: #0f766e; font-size: 7pt; font-weight: 600; letter-spacing: 0.05em; text-transform: uppercase; vertical-align: 0.3mm; }
`
}

// Runs in the printed page once its pictures are in: where a sheet's text does not fit beside a
// full-width picture, the picture narrows (in steps, never below half the width) until it does. The
// sheets that still overflow are named in data-overflow, and the export refuses to print them cut off.
const FIT = `
window.addEventListener('load', () => {
  const overflow = []
  for (const sheet of document.querySelectorAll('.sheet')) {
    const imgs = [...sheet.querySelectorAll('.shot img, .strip img')]
    let width = parseFloat(getComputedStyle(imgs[0]).width) / parseFloat(getComputedStyle(imgs[0].parentElement).width) * 100
    const floor = width / 2
    while (sheet.scrollHeight > sheet.clientHeight + 1 && width > floor) {
      width -= 3
      for (const img of imgs) img.style.width = width + '%'
    }
    if (sheet.scrollHeight > sheet.clientHeight + 1)
      overflow.push(sheet.dataset.slide)
  }
  document.body.dataset.overflow = overflow.join(' ')
  document.body.dataset.fitted = 'yes'
})`

function exerciseCard(e: ExerciseInfo, kit?: string): string {
  const readme = kit ? `<a href="https://${escapeHtml(kit.replace(/^https?:\/\//, '').replace(/\/$/, ''))}/blob/main/${e.readme}"><code>${e.readme}</code></a>` : `<code>${e.readme}</code>`
  const colab = e.colab ? ` · <a href="${escapeHtml(e.colab)}">Open in Colab</a>` : ''
  return `<div class="exercise" data-exercise="${e.id}">
<p class="title">Workshop exercise ${e.number} · ${e.language}: ${escapeHtml(e.title)}</p>
<p>Run <code>${escapeHtml(e.command)}</code> · read ${readme}${colab}</p>
</div>`
}

function picture(slide: HandoutSlide): string {
  if (!slide.strip)
    return `<figure class="shot"><img src="${slide.image}" alt="Slide ${slide.no}: ${escapeHtml(slide.title)}"></figure>`
  const frames = slide.strip.map(f => `<figure data-step="${f.step}"><img src="${f.image}" alt="Slide ${slide.no}, step ${f.step} of ${f.last}">
<figcaption><b>Step ${f.step} of ${f.last}</b>${escapeHtml(f.caption)}</figcaption></figure>`)
  return `<div class="strip">${frames.join('\n')}</div>`
}

function sourceList(groups: SourceGroup[]): string {
  const group = (g: SourceGroup) => `<h4>${escapeHtml(g.heading)}</h4><ul>${g.items.map(i => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
  return `<div class="sources">${groups.map(group).join('\n')}</div>`
}

function sheet(slide: HandoutSlide, handout: Handout, intro: string): string {
  const cards = slide.exercises.length ? `<div class="exercises">${slide.exercises.map(e => exerciseCard(e, handout.kit)).join('\n')}</div>` : ''
  const notes = slide.notes ? `<section class="notes"><h3>Speaker notes</h3>${notesToHtml(slide.notes)}</section>` : ''
  return `<section class="sheet" data-slide="${slide.no}">
<header><span class="no">Slide ${slide.no}</span><h2>${escapeHtml(slide.title)}</h2></header>
${intro}${picture(slide)}
${cards}
${slide.sources?.length ? sourceList(slide.sources) : ''}
${notes}
</section>`
}

export function composeHandout(handout: Handout): string {
  const demos = handout.slides.filter(s => s.strip).length
  const intro = `<p class="intro">Every slide of the talk with what the speaker says over it${demos ? `; each of the ${demos} demos as a strip of its key steps` : ''}; the workshop exercises with their links; the sources at the end.</p>`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(handout.title)}: slides and speaker notes</title>
<style>${css(handout.fonts, handout.title)}</style>
<script>${FIT}</script>
</head>
<body>
${handout.slides.map((s, i) => sheet(s, handout, i === 0 ? intro : '')).join('\n')}
</body>
</html>
`
}
