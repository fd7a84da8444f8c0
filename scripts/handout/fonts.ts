// The deck's own fonts for the handout's text, from the same @fontsource packages the deck bundles
// (styles/index.ts), inlined: a page opened from file:// may not fetch fonts from other files.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

const FACES = [
  { family: 'Inter', pkg: '@fontsource/inter', file: 'inter', weights: [400, 600, 700] },
  { family: 'JetBrains Mono', pkg: '@fontsource/jetbrains-mono', file: 'jetbrains-mono', weights: [400, 700] },
]

/** @font-face rules for the handout: Latin subsets only, like the deck. */
export function fontFaces(): string {
  return FACES.flatMap(({ family, pkg, file, weights }) => {
    const dir = join(dirname(require.resolve(`${pkg}/package.json`)), 'files')
    return weights.map((weight) => {
      const data = readFileSync(join(dir, `${file}-latin-${weight}-normal.woff2`)).toString('base64')
      return `@font-face { font-family: '${family}'; font-weight: ${weight}; font-style: normal; font-display: block; src: url(data:font/woff2;base64,${data}) format('woff2'); }`
    })
  }).join('\n')
}
