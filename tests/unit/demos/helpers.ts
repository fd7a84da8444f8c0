// What the demo tests compare a step script with: the snippet the slide shows and the slide itself.
import type { DemoScript } from '../../../demos/types'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { highlightRanges } from '../../../demos/replay'
import { ROOT } from '../../../scripts/paths'
import { loadDeck } from '../../support/deck'

/** A snippet's lines, or those of one `# region name` in it (as Slidev's `<<< file#name` shows them). */
export function snippetLines(file: string, region?: string): string[] {
  const lines = readFileSync(join(ROOT, 'snippets', file), 'utf8').replace(/\n$/, '').split('\n')
  if (!region)
    return lines
  return lines.slice(lines.indexOf(`# region ${region}`) + 1, lines.indexOf(`# endregion ${region}`))
}

/** Node ids by step, for counting. */
export const nodeCounts = (script: DemoScript) => script.steps.map(s => s.snapshot.nodes.length)

/** The node the program calls `label`: labelled so (`x`, `3 * x`) or so named (`a = x * x`). */
export function node(script: DemoScript, step: number, label: string) {
  const n = script.steps[step].snapshot.nodes.find(x => x.label === label || x.label.startsWith(`${label} = `))
  expect(n, `node '${label}' at step ${step}`).toBeDefined()
  return n!
}

/**
 * The slide that shows this demo: its `clicks` cover every step, and its snippet import highlights
 * exactly the lines the steps run (`<<< @/snippets/<file> {all|4|5|…}`).
 */
export async function expectSlideInSync(alias: string, script: DemoScript, snippet?: string) {
  const slide = (await loadDeck()).find(s => s.alias === alias)
  expect(slide, `a slide with routeAlias ${alias}`).toBeDefined()
  expect(slide!.frontmatter.clicks, `clicks of slide '${alias}'`).toBe(script.steps.length - 1)
  if (!snippet)
    return
  const pages = ['graphs.md', 'convergence.md', 'today.md'].map(p => readFileSync(join(ROOT, 'pages', p), 'utf8')).join('\n')
  const imports = [...pages.matchAll(new RegExp(`^<<< @/snippets/${snippet.replace('.', '\\.')}(#[\\w-]+)?\\s*(\\{[^}]*\\})?`, 'gm'))]
  expect(imports.map(m => m[2]), `highlight ranges of ${snippet}`).toContain(highlightRanges(script.steps))
}
