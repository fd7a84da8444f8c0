// The deck as Slidev itself parses it (slides, titles, notes, aliases): the single source the tests
// compare the rendered deck and the PDFs with, and the handout export (scripts/handout/) prints.
import { injectPreparserExtensionLoader, load } from '@slidev/parser/fs'
import preparser from '../setup/preparser'
import { ROOT } from './paths'

// The deck as Slidev shows it: with the preparser that fills versions in from data/versions.json.
injectPreparserExtensionLoader(async (_roots, headmatter, filepath, mode) => preparser({ filepath, headmatter, mode }))

export interface SlideMeta {
  /** 1-based slide number, as in the URL. */
  no: number
  title: string
  alias?: string
  /** the speaker notes as plain text on one line (for comparing with what a page shows) */
  note: string
  /** the speaker notes as written, line breaks and `[click]` marks kept (for printing them) */
  noteSource: string
  frontmatter: Record<string, unknown>
}

/** Markdown title → the text a reader sees (no backticks, emphasis or links). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    // The deck prints typographic quotes (markdown-it's typographer); compare them as plain ones.
    .replace(/[‘’]/g, '\'')
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}

export async function loadDeck(): Promise<SlideMeta[]> {
  // The parser's options type asks for Slidev's whole resolved config; reading needs only the root.
  const data = await load({ userRoot: ROOT, roots: [ROOT] } as unknown as Parameters<typeof load>[0], `${ROOT}/slides.md`)
  return data.slides.map((slide, i) => ({
    no: i + 1,
    title: plainText(slide.title ?? ''),
    alias: slide.frontmatter.routeAlias as string | undefined,
    note: plainText(slide.note ?? ''),
    noteSource: (slide.note ?? '').trim(),
    frontmatter: slide.frontmatter,
  }))
}
