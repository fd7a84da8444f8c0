import MarkdownIt from 'markdown-it'

// An exercise's README as HTML for the workshop page. The READMEs point at the slides on the dev
// server (http://localhost:3030/<slide>, what the CLI prints); on the page those become links into this
// deck, wherever it is hosted. Other links open in a new tab. Raw HTML in the Markdown is not rendered.

const DEV_DECK = /^http:\/\/localhost:3030\//

export function renderReadme(markdown: string, base: string): string {
  const md = new MarkdownIt({ html: false, linkify: false })
  const defaultLink = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options))
  md.renderer.rules.link_open = (tokens, i, options, env, self) => {
    const token = tokens[i]
    const href = token.attrGet('href') ?? ''
    if (DEV_DECK.test(href)) {
      token.attrSet('href', href.replace(DEV_DECK, base))
    }
    else if (/^https?:/.test(href)) {
      token.attrSet('target', '_blank')
      token.attrSet('rel', 'noopener')
    }
    return defaultLink(tokens, i, options, env, self)
  }
  // The page has its own h1 (the exercise's title): the README's headings move one level down.
  md.core.ruler.push('shift-headings', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close')
        token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`
    }
  })
  return md.render(markdown)
}
