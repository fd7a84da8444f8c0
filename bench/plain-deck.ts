// The floor we compare with: a plain Slidev deck with as many slides as ours, built from the same
// Slidev version and theme with the same offline settings (fonts, favicon), but only Markdown slides
// (a title, a paragraph, a code block). Generated into bench/.tmp/plain/, never committed.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ROOT } from '../scripts/paths'

/** Headmatter keys that change what Slidev ships or fetches; everything else (title, layout…) is ours alone. */
export const SHARED_HEADMATTER_KEYS = [
  'theme',
  'favicon',
  'fonts',
  'transition',
  'highlighter',
  'colorSchema',
  'lineNumbers',
  'drawings',
  'mdc',
  'download',
  'routerMode',
] as const

export interface PlainDeckInput {
  slides: number
  /** Our deck's headmatter (the first slide's frontmatter). */
  headmatter: Record<string, unknown>
  /** Lines of our styles/index.ts that self-host fonts (`import '@fontsource/…'`). */
  fontImports: string[]
}

/** YAML is a superset of JSON: one `key: <json>` line per value keeps quoting exact. */
function yamlLine(key: string, value: unknown): string {
  return `${key}: ${JSON.stringify(value)}`
}

function plainSlide(no: number): string {
  return [
    `# Slide ${no}: a plain Markdown slide`,
    '',
    `This is slide ${no} of the plain deck: a title, a short paragraph of text and a small code block, `
    + 'with nothing but what Slidev ships.',
    '',
    '```python',
    'import torch',
    '',
    `x = torch.tensor(${no}.0, requires_grad=True)`,
    'y = x * x + 3 * x',
    'y.backward()',
    'print(x.grad)',
    '```',
  ].join('\n')
}

/** The plain deck's files (path relative to the deck folder → content). Pure: unit-tested. */
export function plainDeckFiles({ slides, headmatter, fontImports }: PlainDeckInput): Record<string, string> {
  if (!Number.isInteger(slides) || slides < 1)
    throw new RangeError(`a plain deck needs at least one slide, got ${slides}`)
  const shared = SHARED_HEADMATTER_KEYS.filter(key => headmatter[key] !== undefined)
    .map(key => yamlLine(key, headmatter[key]))
  const head = ['---', yamlLine('title', 'Plain Slidev deck (benchmark floor)'), ...shared, '---'].join('\n')
  const body = Array.from({ length: slides }, (_, i) => plainSlide(i + 1)).join('\n\n---\n\n')
  return {
    'slides.md': `${head}\n\n${body}\n`,
    'styles/index.ts': `// Same self-hosted fonts as the real deck, nothing else.\n${fontImports.map(line => `${line}\n`).join('')}`,
    'package.json': `${JSON.stringify({ name: 'plain-slidev-deck', private: true, type: 'module' }, null, 2)}\n`,
    // node_modules is the kit's (a symlink): without a cacheDir of its own, both decks would share, and
    // keep invalidating, one Vite dependency cache (node_modules/.vite), under other people's dev servers
    // too. Print pages in its build, as ours has: both decks are printed from their build the same way.
    'vite.config.ts': [
      `import { printPagesInBuild } from ${JSON.stringify(join(ROOT, 'scripts', 'print-pages.ts'))}`,
      '',
      '// Its own Vite cache, not the kit\'s node_modules/.vite.',
      'export default { cacheDir: \'.vite\', plugins: [printPagesInBuild()] }',
      '',
    ].join('\n'),
  }
}

/** The `import '@fontsource/…'` lines of our styles entry. */
export function fontImportsOf(stylesEntry: string): string[] {
  return stylesEntry.split('\n').map(line => line.trim()).filter(line => /^import\s+['"]@fontsource\//.test(line))
}

export const PLAIN_DIR = join(ROOT, 'bench', '.tmp', 'plain')

/**
 * Writes the plain deck into `dir` (emptied first): the generated files, our favicon and the
 * global-bottom.vue that publishes `[data-deck-state]` (so navigation is measured the same way),
 * and a node_modules symlink to the kit's. Leaves an identical deck alone (`changed: false`).
 */
export function writePlainDeck(slides: number, headmatter: Record<string, unknown>, dir = PLAIN_DIR): { dir: string, changed: boolean } {
  const stylesEntry = join(ROOT, 'styles', 'index.ts')
  const fontImports = existsSync(stylesEntry) ? fontImportsOf(readFileSync(stylesEntry, 'utf8')) : []
  const files = plainDeckFiles({ slides, headmatter, fontImports })
  const same = Object.entries(files).every(([file, content]) => existsSync(join(dir, file)) && readFileSync(join(dir, file), 'utf8') === content)
    && existsSync(join(dir, 'node_modules'))
  if (same)
    return { dir, changed: false }
  rmSync(dir, { recursive: true, force: true })
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), content)
  }
  const favicon = typeof headmatter.favicon === 'string' && headmatter.favicon.startsWith('/') ? headmatter.favicon : undefined
  if (favicon && existsSync(join(ROOT, 'public', favicon))) {
    mkdirSync(join(dir, 'public'), { recursive: true })
    copyFileSync(join(ROOT, 'public', favicon), join(dir, 'public', favicon))
  }
  copyFileSync(join(ROOT, 'global-bottom.vue'), join(dir, 'global-bottom.vue'))
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return { dir, changed: true }
}
