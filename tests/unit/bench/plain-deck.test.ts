import { existsSync, lstatSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { afterAll, describe, expect, it } from 'vitest'
import { fontImportsOf, plainDeckFiles, writePlainDeck } from '../../../bench/plain-deck'
import { ROOT } from '../../../scripts/paths'

const headmatter = {
  theme: 'default',
  title: 'Our own title',
  layout: 'cover',
  routeAlias: 'cover',
  favicon: '/favicon.svg',
  fonts: { provider: 'none', sans: 'Inter', mono: 'JetBrains Mono' },
  transition: 'slide-left',
  drawings: { enabled: false },
}

function parsed(slides: number) {
  const files = plainDeckFiles({ slides, headmatter, fontImports: [`import '@fontsource/inter/latin-400.css'`] })
  return { files, deck: parseSync(files['slides.md'], 'slides.md') }
}

describe('the plain deck', () => {
  it('has as many slides as asked, each with a title, text and a code block', () => {
    for (const n of [1, 7, 52]) {
      const { deck } = parsed(n)
      expect(deck.slides).toHaveLength(n)
      deck.slides.forEach((slide, i) => {
        expect(slide.content).toMatch(new RegExp(`^# Slide ${i + 1}: a plain Markdown slide$`, 'm'))
        expect(slide.content).toMatch(/\n\n\w.+\n/)
        expect(slide.content).toMatch(/```python\n[\s\S]+\n```/)
      })
    }
  })

  it('shares the settings that change what Slidev ships, and nothing of our own slide', () => {
    const { deck } = parsed(3)
    expect(deck.slides[0].frontmatter).toMatchObject({
      theme: 'default',
      favicon: '/favicon.svg',
      fonts: headmatter.fonts,
      transition: 'slide-left',
      drawings: { enabled: false },
    })
    expect(deck.slides[0].frontmatter.title).not.toBe('Our own title')
    expect(deck.slides[0].frontmatter.layout).toBeUndefined()
    expect(deck.slides[0].frontmatter.routeAlias).toBeUndefined()
  })

  it('self-hosts the same fonts and nothing else from our styles', () => {
    const { files } = parsed(1)
    expect(files['styles/index.ts']).toContain(`import '@fontsource/inter/latin-400.css'`)
    expect(fontImportsOf(`import '@fontsource/inter/latin-400.css'\nimport './main.css'\n// import '@fontsource/x'\n`))
      .toEqual([`import '@fontsource/inter/latin-400.css'`])
  })

  it('keeps its own Vite cache, apart from the kit\'s', () => {
    expect(parsed(1).files['vite.config.ts']).toMatch(/cacheDir: '\.vite'/)
  })

  it('keeps Slidev\'s print pages in its build with our plugin, so both decks print the same way', () => {
    expect(parsed(1).files['vite.config.ts']).toMatch(/import \{ printPagesInBuild \} from ".*\/scripts\/print-pages\.ts"/)
    expect(parsed(1).files['vite.config.ts']).toContain('plugins: [printPagesInBuild()]')
  })

  it('refuses a deck without slides', () => {
    expect(() => plainDeckFiles({ slides: 0, headmatter, fontImports: [] })).toThrow(RangeError)
  })

  describe('written to disk', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'plain-deck-')), 'plain')
    afterAll(() => rmSync(dirname(dir), { recursive: true, force: true }))

    it('gets our favicon, our deck-state component and the kit\'s node_modules', () => {
      expect(writePlainDeck(4, headmatter, dir).changed).toBe(true)
      expect(parseSync(readFileSync(join(dir, 'slides.md'), 'utf8'), 'slides.md').slides).toHaveLength(4)
      expect(readFileSync(join(dir, 'public/favicon.svg'))).toEqual(readFileSync(join(ROOT, 'public/favicon.svg')))
      expect(readFileSync(join(dir, 'global-bottom.vue'), 'utf8')).toContain('data-deck-state')
      expect(lstatSync(join(dir, 'node_modules')).isSymbolicLink()).toBe(true)
      expect(realpathSync(join(dir, 'node_modules'))).toBe(realpathSync(join(ROOT, 'node_modules')))
      // The same deck again is left alone; a different one replaces it, not merged.
      expect(writePlainDeck(4, headmatter, dir).changed).toBe(false)
      expect(writePlainDeck(2, headmatter, dir).changed).toBe(true)
      expect(parseSync(readFileSync(join(dir, 'slides.md'), 'utf8'), 'slides.md').slides).toHaveLength(2)
      expect(existsSync(join(ROOT, 'node_modules'))).toBe(true)
    })
  })
})
