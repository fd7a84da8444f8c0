// Serves the built deck (dist/) on 127.0.0.1 — for `npm run present`, the PDF exports, the end-to-end
// tests and the benchmark — with the history fallback Slidev's router needs for deep links such as
// /7?clicks=3. sirv (the static server Slidev itself uses to print a built deck) rather than Vite's
// preview server: loading Vite cost ~0.7 s of `npm run present`'s start, and a built deck needs none of it.
import type { AddressInfo } from 'node:net'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import sirv from 'sirv'
import { DIST_DIR } from './paths'

export async function serveDist(dir = DIST_DIR, port = 0): Promise<{ url: string, close: () => Promise<void> }> {
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(`No built deck in ${dir}: run \`npm run build\` first.`)
  // etag: a presenter's reload revalidates instead of fetching the deck again; single: deep links.
  const server = createServer(sirv(dir, { single: true, etag: true, dev: false }))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4173)
  serveDist(DIST_DIR, port).then(({ url }) => console.log(`serving dist/ at ${url}`)).catch((error: Error) => {
    console.error(`✖ ${error.message}`)
    process.exit(1)
  })
}
